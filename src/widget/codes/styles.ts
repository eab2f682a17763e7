/**
 * Styles of `<voucher-codes>`. The same `--voucher-*` custom properties as `<voucher-widget>`, so one page
 * theme fits both; `::part()` names are listed on the element's class.
 */
import { css } from "lit";

export const styles = css`
  :host {
    display: block;
    box-sizing: border-box;
    max-width: var(--voucher-codes-max-width, 56rem);
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
  section,
  form {
    display: grid;
    gap: var(--voucher-gap, 0.75rem);
  }
  h2,
  h3,
  p {
    margin: 0;
  }
  h2 {
    font-size: 1.25em;
  }
  h3 {
    font-size: 1em;
  }
  .fields {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
    gap: var(--voucher-gap, 0.75rem);
  }
  .field {
    display: grid;
    gap: 0.25rem;
    align-content: start;
  }
  label {
    font-weight: 600;
  }
  input,
  select {
    font: inherit;
    padding: 0.5rem 0.625rem;
    border: var(--voucher-input-border, 1px solid #8a8a8a);
    border-radius: var(--voucher-input-radius, 0.375rem);
    background: var(--voucher-input-background, #fff);
    color: inherit;
    min-width: 0;
  }
  input[name="value"] {
    text-transform: uppercase;
    letter-spacing: 0.05em;
  }
  [aria-invalid="true"] {
    border-color: var(--voucher-error-color, #b3261e);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  button {
    font: inherit;
    padding: 0.375rem 0.875rem;
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
  button.danger {
    border-color: var(--voucher-error-color, #b3261e);
    color: var(--voucher-error-color, #b3261e);
  }
  button[aria-disabled="true"] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  :focus-visible {
    outline: var(--voucher-focus-ring, 3px solid #6ea8fe);
    outline-offset: 2px;
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-bottom: 0.25rem;
  }
  th,
  td {
    text-align: start;
    padding: 0.375rem 0.5rem;
    border-bottom: 1px solid #dcdcdc;
    vertical-align: middle;
  }
  tbody th {
    font: var(--voucher-code-font, 600 1em ui-monospace, monospace);
    letter-spacing: 0.04em;
    overflow-wrap: anywhere;
  }
  tr.deleted {
    color: #6b6b6b;
  }
  tr.deleted th {
    text-decoration: line-through;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  dialog {
    border: var(--voucher-border, 1px solid #c8c8c8);
    border-radius: var(--voucher-radius, 0.5rem);
    padding: var(--voucher-padding, 1rem);
    max-width: 28rem;
    color: inherit;
  }
  dialog[open] {
    display: grid;
    gap: var(--voucher-gap, 0.75rem);
  }
  [part~="error"]:not(:empty) {
    color: var(--voucher-error-color, #b3261e);
  }
`;
