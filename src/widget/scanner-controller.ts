/**
 * At the till: a barcode scanner in keyboard mode, the camera where the browser can read barcodes, and
 * where Enter goes in the entry form. The controller listens to every key in the element's shadow root
 * (capture phase, so it sees a scan's Enter before the form does); a recognised scan hands the code to
 * the element and moves on as a cashier expects:
 * - the account's vouchers have a PIN → the (emptied) PIN field;
 * - no PIN, and the amount is on the form (hold-first accounts: pre-filled with the amount due) → the
 *   amount, so the cashier sees what will be held and Enter holds it;
 * - nothing else to type (check-first accounts without PIN) → the form is sent: the check runs at once.
 * A scan never presses a button: its Enter is swallowed wherever the code cannot be taken (a voucher is
 * held), so scanning the next voucher too early cannot redeem or release anything. After a redemption
 * (or a check that ends there) a scan starts the next voucher directly.
 * The camera view is a separate chunk (`camera/camera-scan.ts`), imported when its button is pressed (and
 * retried, retry-import.ts; a chunk that still fails is `loadFailed`, and the camera stays closed).
 */
import { nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from "lit";
import { Phase } from "../flow/machine.ts";
import { ScanDetector } from "../flow/scan-detector.ts";
import type { CameraScan } from "./camera/camera-scan.ts";
import { focusInto } from "./focus-controller.ts";
import type { Messages } from "./messages/index.ts";
import { importBeside, importChunk } from "./retry-import.ts";

/** What a scan does in a phase: fill the entry form, start the next voucher with it, or nothing. */
export type ScanAction = "fill" | "next" | "ignore";

export function scanAction(phase: Phase): ScanAction {
  switch (phase) {
    case Phase.Entering:
    case Phase.Ready:
    case Phase.Failed:
    case Phase.Released:
    case Phase.Expired:
      return "fill";
    case Phase.Redeemed:
    case Phase.Checked:
      return "next";
    default:
      // Checking, holding, held, redeeming: this voucher is not finished.
      return "ignore";
  }
}

/** The entry form's fields as Enter needs them: which are there and what they hold. */
export interface EntryFieldsShown {
  code: string;
  /** The PIN's text, or null where the form has no PIN. */
  pin: string | null;
  amount: boolean;
}

/**
 * Where Enter in the entry form's `from` field goes: the PIN while it is empty, then the amount; null
 * means send the form (from the last field, and from an empty code, so the form says what is missing).
 */
export function nextField(from: string, f: EntryFieldsShown): "pin" | "amount" | null {
  if (from === "code") {
    if (!f.code.trim()) return null;
    if (f.pin === "") return "pin";
  }
  return from === "code" || from === "pin" ? (f.amount ? "amount" : null) : null;
}

/** `nextField` read off the rendered form: the input to focus, or null to let Enter send the form. */
export function nextInput(root: ParentNode, from: string): HTMLInputElement | null {
  const input = (id: string) => root.querySelector<HTMLInputElement>(`#${id}`);
  const next = nextField(from, {
    code: input("code")?.value ?? "",
    pin: input("pin")?.value ?? null,
    amount: input("amount") !== null,
  });
  return next ? input(next) : null;
}

/** Whether this browser can read barcodes from a camera (Shape Detection API and getUserMedia). */
export function cameraSupported(): boolean {
  return typeof window !== "undefined" && "BarcodeDetector" in window && !!navigator.mediaDevices?.getUserMedia;
}

export interface ScannerOptions {
  /** The entry flow's phase, which decides what a scan does (`scanAction`); null where scans are not taken. */
  phase: () => Phase | null;
  /**
   * Puts a scanned or camera-read code into the entry as a new voucher: `next` starts the next voucher
   * first, `freshAmount` puts the amount back to its default (a new voucher, or a scan into the amount field).
   */
  fill: (code: string, next: boolean, freshAmount: boolean) => void;
  /** Enter in the code field, typed by a person: the code as it stands, to be shown grouped. */
  entered: (code: string) => void;
  /** The camera's chunk could not be fetched, even after its retries. */
  loadFailed: () => void;
  /** The clock key times are read from; the page's (so Playwright's `page.clock` drives it in tests). */
  now?: () => number;
}

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

const loadCamera = () => import("./camera/camera-scan.ts");

export class ScannerController implements ReactiveController {
  readonly #host: Host;
  readonly #options: ScannerOptions;
  readonly #detector = new ScanDetector();
  #camera: CameraScan | null = null;
  #opening = false;
  #connected = false;

  constructor(host: Host, options: ScannerOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Whether the camera button is offered; read at each render, so a BarcodeDetector polyfill loaded later counts. */
  get cameraAvailable(): boolean {
    return cameraSupported();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#host.renderRoot.addEventListener("keydown", this.#onKey as EventListener, true);
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#host.renderRoot.removeEventListener("keydown", this.#onKey as EventListener, true);
    this.#detector.reset();
    this.closeCamera(false);
  }

  /** Opens the camera view, loading its chunk the first time. */
  async openCamera(): Promise<void> {
    if (this.#camera || this.#opening) return;
    this.#opening = true;
    try {
      const loaded = await importChunk(loadCamera, { importUrl: importBeside }).catch(this.#options.loadFailed);
      if (!loaded || !this.#connected) return;
      const { CameraScan } = loaded;
      this.#camera = new CameraScan(this.#host, (code) => {
        this.closeCamera(false);
        this.#take(code, "camera");
      });
      await this.#camera.open();
    } finally {
      this.#opening = false;
    }
  }

  /** Stops the camera (every track, every frame callback) and removes its view; `refocus`: back to the code. */
  closeCamera(refocus = true): void {
    this.#camera?.stop(refocus);
    this.#camera = null;
  }

  /** The camera view while it is open. */
  cameraView(m: Messages): TemplateResult | typeof nothing {
    return this.#camera?.render(m) ?? nothing;
  }

  #onKey = (event: KeyboardEvent): void => {
    if (event.key === "Escape" && this.#camera) {
      event.preventDefault();
      event.stopPropagation();
      this.closeCamera();
      return;
    }
    const target = event.composedPath()[0] as HTMLInputElement;
    const code = event.isComposing
      ? null
      : this.#detector.feed({
          key: event.key,
          time: (this.#options.now ?? performance.now.bind(performance))(),
          repeat: event.repeat,
          modified: event.ctrlKey || event.altKey || event.metaKey,
        });
    // Taken, or landed on a button: this Enter is the scanner's, not the cashier's.
    if (code !== null && (this.#take(code, target.name ?? "") || target.localName === "button")) {
      event.preventDefault();
      event.stopPropagation();
      return;
    }
    // A person's Enter in the code or PIN field goes on to the next field to type in (or sends the form).
    if (event.key !== "Enter" || (target.name !== "code" && target.name !== "pin")) return;
    if (target.name === "code") this.#options.entered(target.value);
    const next = nextInput(this.#host.renderRoot, target.name);
    if (next) {
      event.preventDefault();
      next.focus();
    }
  };

  /** Hands the code over and, once the form shows it, goes where the next keystroke belongs. */
  #take(code: string, field: string): boolean {
    const phase = this.#options.phase();
    const action = phase === null ? "ignore" : scanAction(phase);
    if (action === "ignore") return false;
    this.#options.fill(code, action === "next", action === "next" || field === "amount");
    void this.#host.updateComplete.then(() => {
      const root = this.#host.renderRoot;
      const next = nextInput(root, "code");
      if (next) focusInto(next);
      else root.querySelector("form")?.requestSubmit();
    });
    return true;
  }
}
