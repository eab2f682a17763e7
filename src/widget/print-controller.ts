/**
 * Printing the voucher just sold: its card alone, not the page around it. The page's styles are out of
 * reach from the shadow root, so while printing a constructed stylesheet in the document hides everything
 * but the marked host (by visibility, so nothing the page lays out can push the card off the sheet), and
 * the widget's own `@media print` rules (styles.ts) hide its buttons and live regions. Loaded with issue
 * mode only. A constructed sheet, not a `<style>` element, so a strict Content-Security-Policy holds.
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";

/** Marks the host being printed (and so the one element the page sheet leaves visible). */
const ATTRIBUTE = "data-voucher-print";

const PAGE_RULES = `@media print {
  body * { visibility: hidden !important; }
  [${ATTRIBUTE}] {
    visibility: visible !important;
    position: absolute !important;
    inset: 0 auto auto 0 !important;
    margin: 0 !important;
  }
}`;

let pageSheet: CSSStyleSheet | null = null;

export class PrintController implements ReactiveController {
  readonly #host: HTMLElement;
  readonly #done = () => this.#cleanUp();

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  /** Prints the host alone. Where constructed stylesheets are missing, the whole page prints. */
  print(): void {
    const doc = this.#host.ownerDocument;
    const view = doc.defaultView;
    if (!view) return;
    if ("adoptedStyleSheets" in doc && typeof CSSStyleSheet === "function") {
      if (!pageSheet) {
        pageSheet = new CSSStyleSheet();
        pageSheet.replaceSync(PAGE_RULES);
      }
      const sheet = pageSheet;
      if (!doc.adoptedStyleSheets.includes(sheet)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    }
    this.#host.setAttribute(ATTRIBUTE, "");
    // `afterprint` fires when the dialog closes, whether printed or cancelled.
    view.addEventListener("afterprint", this.#done, { once: true });
    view.print();
  }

  hostDisconnected(): void {
    this.#cleanUp();
  }

  #cleanUp(): void {
    const doc = this.#host.ownerDocument;
    doc.defaultView?.removeEventListener("afterprint", this.#done);
    this.#host.removeAttribute(ATTRIBUTE);
    // Another widget may be printing at the same moment (hardly, but then it keeps the sheet).
    if (pageSheet && !doc.querySelector(`[${ATTRIBUTE}]`)) {
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== pageSheet);
    }
  }
}
