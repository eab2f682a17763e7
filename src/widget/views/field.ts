/** One labelled input: the label bound by `for`, and an error tied to it by `aria-describedby`. */
import { html, nothing, type TemplateResult } from "lit";

export interface FieldOptions {
  /** Element id and form name (`code`, `pin`, `amount`, `validUntil`). */
  name: string;
  label: string;
  value: string;
  /** Space-separated extra part names, e.g. `code-input`. */
  part: string;
  /** The field is the one the current error is about. */
  invalid: boolean;
  readonly: boolean;
  type?: string;
  inputmode?: string;
  autocomplete?: string;
  /** Extra attributes for codes: no spellcheck, upper case on mobile keyboards. */
  code?: boolean;
  enterkeyhint?: string;
  /** Id of a hint element that describes the field even without an error. */
  hintId?: string;
  /** A control beside the input (the code's camera button), on the same row. */
  beside?: TemplateResult;
}

/** Renders the field; `ERROR_ID` is the alert region holding the error text. */
export function field(o: FieldOptions): TemplateResult {
  const describedBy = [o.invalid ? ERROR_ID : "", o.hintId ?? ""].filter(Boolean).join(" ");
  const input = html`<input
      id=${o.name}
      name=${o.name}
      part="input ${o.part}"
      type=${o.type ?? "text"}
      .value=${o.value}
      inputmode=${o.inputmode ?? nothing}
      autocomplete=${o.autocomplete ?? "off"}
      autocapitalize=${o.code ? "characters" : nothing}
      spellcheck=${o.code ? "false" : nothing}
      enterkeyhint=${o.enterkeyhint ?? nothing}
      ?readonly=${o.readonly}
      aria-invalid=${o.invalid ? "true" : "false"}
      aria-describedby=${describedBy || nothing}
    />`;
  return html`<div class="field" part="field ${o.name}-field">
    <label part="label" for=${o.name}>${o.label}</label>
    ${o.beside ? html`<div class="beside">${input}${o.beside}</div>` : input}
  </div>`;
}

/** Id of the element that holds the current error message (a `role="alert"` region). */
export const ERROR_ID = "error";

/**
 * A button that stays focusable while its action runs (so focus is not lost), but says it is busy. `name`:
 * an accessible name that says more than the visible `label` (and contains it).
 */
export function button(o: {
  label: string;
  name?: string;
  action: string;
  primary?: boolean;
  busy?: boolean;
  submit?: boolean;
  part?: string;
}): TemplateResult {
  return html`<button
    type=${o.submit ? "submit" : "button"}
    class=${o.primary ? "primary" : ""}
    part="button ${o.primary ? "primary-button" : ""} ${o.part ?? ""}"
    data-action=${o.action}
    aria-label=${o.name ?? nothing}
    aria-disabled=${o.busy ? "true" : "false"}
  >${o.label}</button>`;
}

/** A row with a single Retry button (after a failed load), marked busy while the retry runs. */
export function retryRow(label: string, busy = false): TemplateResult {
  return html`<div class="actions" part="actions">${button({ label, action: "retry", busy })}</div>`;
}
