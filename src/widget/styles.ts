/**
 * The widget's styles. Everything a page may want to change goes through `--voucher-*` custom properties
 * (they inherit through the shadow boundary) or `::part()`; the documented list is on the element's class.
 */
import { css } from "lit";

export const styles = css`
  :host {
    display: block;
    box-sizing: border-box;
    max-width: var(--voucher-max-width, 28rem);
    padding: var(--voucher-padding, 1rem);
    font: var(--voucher-font, inherit);
    color: var(--voucher-color, inherit);
    background: var(--voucher-background, transparent);
    border: var(--voucher-border, 1px solid #c8c8c8);
    border-radius: var(--voucher-radius, 0.5rem);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  form,
  .view {
    display: grid;
    gap: var(--voucher-gap, 0.75rem);
    margin: 0;
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  label {
    font-weight: 600;
  }
  input {
    font: inherit;
    padding: 0.5rem 0.625rem;
    border: var(--voucher-input-border, 1px solid #8a8a8a);
    border-radius: var(--voucher-input-radius, 0.375rem);
    background: var(--voucher-input-background, #fff);
    color: inherit;
    min-width: 0;
  }
  input[aria-invalid="true"] {
    border-color: var(--voucher-error-color, #b3261e);
  }
  input[name="code"] {
    text-transform: uppercase;
    letter-spacing: 0.05em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  button {
    font: inherit;
    padding: 0.5rem 1rem;
    border-radius: var(--voucher-button-radius, 0.375rem);
    border: 1px solid var(--voucher-accent, #1f5fbf);
    background: transparent;
    color: var(--voucher-accent, #1f5fbf);
    cursor: pointer;
  }
  button.primary {
    background: var(--voucher-accent, #1f5fbf);
    color: var(--voucher-accent-contrast, #fff);
  }
  button[aria-disabled="true"] {
    opacity: 0.6;
    cursor: progress;
  }
  :focus-visible {
    outline: var(--voucher-focus-ring, 3px solid #6ea8fe);
    outline-offset: 2px;
  }
  dl {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.25rem 1rem;
    margin: 0;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
    font-variant-numeric: tabular-nums;
  }
  [part~="countdown"] {
    font-size: 1.25em;
  }
  [part~="countdown"].warning {
    color: var(--voucher-warning-color, #8a5300);
    font-weight: 700;
  }
  [part~="issued-code"] {
    display: block;
    font: var(--voucher-code-font, 700 1.75rem/1.2 ui-monospace, monospace);
    letter-spacing: 0.08em;
    /* Break between the dash-separated groups first, inside a group only when one does not fit. */
    overflow-wrap: anywhere;
  }
  [part~="error"]:not(:empty) {
    color: var(--voucher-error-color, #b3261e);
  }
  .live:empty {
    /* Empty live regions stay in the accessibility tree (hiding them would lose announcements). */
    margin: 0;
  }
  .live:not(:empty) {
    margin-top: var(--voucher-gap, 0.75rem);
  }
  .hint,
  [part~="notice"] {
    margin: 0;
    font-size: 0.9em;
  }
  [part~="verdict"] {
    margin: 0;
    font-size: 1.5em;
    font-weight: 700;
  }
  [part~="verdict"].invalid {
    color: var(--voucher-error-color, #b3261e);
  }
  [part~="issued-title"] {
    margin: 0;
    font-weight: 600;
  }
  @media print {
    /* Printed: the voucher card, without buttons or announcements (see print-controller.ts). */
    :host {
      border: 0;
      max-width: none;
    }
    .actions,
    .live {
      display: none;
    }
    [part~="issued"] {
      padding: 1.5rem;
      border: 2px dashed currentColor;
      border-radius: var(--voucher-radius, 0.5rem);
    }
  }
  .confirm {
    display: grid;
    gap: 0.5rem;
    padding: 0.75rem;
    border: 1px solid var(--voucher-warning-color, #8a5300);
    border-radius: var(--voucher-radius, 0.5rem);
  }
`;
