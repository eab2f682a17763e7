/**
 * The widget's words: loads the language pack for the element's locale (a newer locale's pack wins over an
 * older one still loading), drops a load still running when the element leaves the page and starts it again
 * when it comes back. Where not even English can be fetched, the element shows `unavailableView` (its
 * words built in, in English) until `retry()` succeeds.
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from "lit";
import type { VoucherErrorDetail } from "./events.ts";
import { loadMessages, type Messages } from "./messages/index.ts";
import { UNAVAILABLE } from "./messages/unavailable.ts";
import { retryRow } from "./views/field.ts";

/** `voucher-error`'s detail when no words (or another lazy chunk) could be fetched: a network failure, worth retrying. */
export const LOAD_FAILED: VoucherErrorDetail = {
  code: "NETWORK_ERROR",
  operation: "load",
  retryable: true,
  message: UNAVAILABLE.text,
};

export interface MessagesOptions {
  /** Not even English could be fetched (after its retries): `voucher-error` with this detail. */
  onFail: (detail: VoucherErrorDetail) => void;
  /** Words arrived after a failure (the fallback's Retry worked). */
  onRecover: () => void;
}

export class MessagesController implements ReactiveController {
  /** The words in the element's language; null until the first pack has loaded. */
  messages: Messages | null = null;
  /** Not even English could be fetched: the element shows `unavailableView`. */
  failed = false;
  readonly #host: ReactiveControllerHost;
  readonly #options: MessagesOptions;
  /** The locale whose words are wanted and not loaded yet (null: none outstanding). */
  #wanted: string | null = null;
  #abort: AbortController | null = null;

  constructor(host: ReactiveControllerHost, options: MessagesOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** A load is running. */
  get loading(): boolean {
    return this.#abort !== null;
  }

  /** Fetches the words for `locale` (empty: the browser's language). */
  load(locale: string): void {
    this.#wanted = locale;
    this.#start();
  }

  /** Tries again after a failure (the fallback's Retry button). */
  retry(): void {
    if (this.#wanted !== null && !this.#abort) this.#start();
  }

  hostConnected(): void {
    this.retry();
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    this.#abort = null;
  }

  #start(): void {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    const locale = this.#wanted ?? "";
    loadMessages(locale, abort.signal).then(
      (messages) => {
        if (abort.signal.aborted) return;
        this.messages = messages;
        this.#wanted = null;
        if (this.failed) this.#options.onRecover();
        this.failed = false;
        this.#settle();
      },
      () => {
        if (abort.signal.aborted) return;
        this.failed = true;
        this.#settle();
        this.#options.onFail(LOAD_FAILED);
      },
    );
    this.#host.requestUpdate();
  }

  #settle(): void {
    this.#abort = null;
    this.#host.requestUpdate();
  }
}

/**
 * In place of the widget when no language pack could be fetched: a short notice, read out at once, and a
 * Retry button (marked busy, and kept focusable, while the retry runs).
 */
export function unavailableView(busy: boolean): TemplateResult {
  return html`<p part="notice" role="alert">${UNAVAILABLE.text}</p>
    ${retryRow(UNAVAILABLE.retry, busy)}`;
}
