/**
 * `<voucher-widget>` as a form field (form-associated custom element): its value is the hold id, submitted
 * under its `name`; with `required` the form cannot be submitted until a voucher is held. After every
 * render the controller puts the current value and validity into the element's `ElementInternals`, so
 * whatever changed it (a hold, a release, expiry, a reset, a new language, the `required` attribute) the
 * form sees the same state the widget shows.
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";

/** What the controller reads from the element. */
export interface FormFieldHost extends ReactiveControllerHost {
  /** The `required` attribute. */
  readonly required: boolean;
  /** The hold id, or "" while no voucher is held. */
  readonly value: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface FormFieldOptions {
  internals: ElementInternals;
  /** The "hold a voucher first" message in the widget's language. */
  message: () => string;
  /** Whether `required` applies now: a redeem widget can be required, an issue widget has no value. */
  applies: () => boolean;
}

export class FormFieldController implements ReactiveController {
  readonly #host: FormFieldHost;
  readonly #options: FormFieldOptions;

  constructor(host: FormFieldHost, options: FormFieldOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostUpdated(): void {
    this.sync();
  }

  /** Writes the value and validity now (also called by the element where it cannot wait for a render). */
  sync(): void {
    const { internals, message, applies } = this.#options;
    const value = this.#host.value;
    internals.setFormValue(value || null);
    if (this.#host.required && !value && applies()) {
      // The anchor is where the browser points its message and puts focus when submission is blocked.
      internals.setValidity({ valueMissing: true }, message(), this.#anchor());
    } else {
      internals.setValidity({});
    }
  }

  /** The first field or button the person can use (the code input while entering a voucher). */
  #anchor(): HTMLElement | undefined {
    return this.#host.renderRoot.querySelector<HTMLElement>("input:not([readonly]), button") ?? undefined;
  }
}
