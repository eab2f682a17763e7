/**
 * What was typed into the entry form (code, PIN, amount; in issue mode the value and its validity date),
 * kept between renders and written back into the fields on each, and what the amount field shows while
 * nothing was typed there. The controller hears the form's `input` events and tells the element which field
 * changed (so the flow forgets an error about it); leaving the code field shows the code grouped. Its
 * listeners are on the shadow root, removed with the element.
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";
import { defaultAmountText, type EntryFields, moneyText } from "../flow/entry-input.ts";
import type { Field, FlowState } from "../flow/machine.ts";
import { fullValueOf } from "../flow/offer.ts";
import { groupCode } from "../shared/voucher-code.ts";

/** The fields' texts; `amount` is null while nothing was typed there (the default shows). */
export interface EntryValues {
  code: string;
  pin: string;
  amount: string | null;
  validUntil: string;
}

type Host = ReactiveControllerHost & {
  readonly mode: string;
  /** The `amount` attribute: the sale's due amount in wire format. */
  readonly amount: string;
  readonly locale: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
};

export interface EntryOptions {
  /** The entry flow's state: a checked voucher's balance caps the default, a full-value-only one fixes it. */
  flow: () => FlowState;
  currency: () => string;
  /** The due amount in wire format (split tender: what the vouchers on the list leave of it). */
  due: () => string;
  /** A field was typed into. */
  edited: (field: Field) => void;
}

const EMPTY: EntryValues = { code: "", pin: "", amount: null, validUntil: "" };

export class EntryController implements ReactiveController {
  values: EntryValues = EMPTY;
  readonly #host: Host;
  readonly #options: EntryOptions;

  constructor(host: Host, options: EntryOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.renderRoot.addEventListener("input", this.#onInput);
    this.#host.renderRoot.addEventListener("focusout", this.#onFocusOut);
  }

  hostDisconnected(): void {
    this.#host.renderRoot.removeEventListener("input", this.#onInput);
    this.#host.renderRoot.removeEventListener("focusout", this.#onFocusOut);
  }

  /** Changes some fields (the others keep their text) and renders. */
  set(values: Partial<EntryValues>): void {
    this.values = { ...this.values, ...values };
    this.#host.requestUpdate();
  }

  /** Empties every field (the amount goes back to its default). */
  clear(): void {
    this.set(EMPTY);
  }

  /** Empties the voucher's fields (code, PIN, amount) for the next one. */
  clearVoucher(): void {
    this.set({ code: "", pin: "", amount: null });
  }

  /**
   * The amount field's text: a full-value-only voucher's whole balance; else what was typed, else the due
   * amount (capped at a checked balance).
   */
  get amount(): string {
    const { mode, amount, locale: lang } = this.#host;
    const locale = lang || undefined;
    const currency = this.#options.currency();
    const typed = this.values.amount;
    if (mode === "issue") return typed ?? defaultAmountText(amount, currency, undefined, locale);
    const flow = this.#options.flow();
    const full = fullValueOf(flow);
    if (full) return moneyText(full, locale);
    return typed ?? defaultAmountText(this.#options.due(), currency, flow.voucher?.balance, locale);
  }

  /** The redeem form's fields as the flow reads them. */
  get fields(): EntryFields {
    return { code: this.values.code, pin: this.values.pin, amount: this.amount };
  }

  #onInput = (event: Event): void => {
    const { name, value } = event.target as HTMLInputElement;
    if (name !== "code" && name !== "pin" && name !== "amount" && name !== "validUntil") return;
    this.set({ [name]: value });
    this.#options.edited(name);
  };

  /** Leaving the code field shows the code grouped. */
  #onFocusOut = (event: Event): void => {
    const code = this.values.code;
    if ((event.target as HTMLInputElement).name === "code" && code) this.set({ code: groupCode(code) });
  };
}
