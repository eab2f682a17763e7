/**
 * `<voucher-widget>` as a form field (form-associated custom element): its value is the hold id, submitted
 * under its `name`; with `required` the form cannot be submitted until a voucher is held. After every
 * render the controller puts the current value and validity into the element's `ElementInternals`, so
 * whatever changed it (a hold, a release, expiry, a reset, a new language, the `required` attribute) the
 * form sees the same state the widget shows.
 */
import { LitElement, type ReactiveController, type ReactiveControllerHost } from "lit";

/**
 * A form-associated element's native-field surface, read from its `ElementInternals`: the `<form>` it
 * belongs to, constraint validation as on native fields, and the form's reset (which calls `reset()`).
 */
export abstract class FormFieldElement extends LitElement {
  static formAssociated = true;
  protected readonly internals = this.attachInternals();

  /** The `<form>` this element belongs to, if any. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  /** Constraint validation, as on native fields (with `required`: invalid until there is a value). */
  get validity(): ValidityState {
    return this.internals.validity;
  }
  get validationMessage(): string {
    return this.internals.validationMessage;
  }
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }
  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  /** Starts the element over (what resetting its form means). */
  abstract reset(): void;

  /** Called by the browser when the surrounding form is reset. */
  formResetCallback(): void {
    this.reset();
  }
}

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
