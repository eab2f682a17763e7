/**
 * Styles of `<voucher-codes>`. The same `--voucher-*` custom properties as `<voucher-widget>`, so one page
 * theme fits both; `::part()` names are listed on the element's class. As in the widget, every control is a
 * touch target of at least 44 × 44 px, inputs have 16 px text at least (iOS zooms into smaller ones), and
 * the layout follows the element's own width: narrower than a table needs (a phone), each code is a card.
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
  [part~="base"] {
    container: codes / inline-size;
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
    font-size: max(16px, 1em);
    min-height: 44px;
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
    min-height: 44px;
    min-width: 44px;
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
    /* Holds the visually hidden header text, which would otherwise sit out past the table's end. */
    position: relative;
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
  /* Narrower than the table needs: each code a card (its value, then each cell with its column's name). */
  @container codes (max-width: 40rem) {
    table,
    caption,
    tbody,
    tr,
    th,
    td {
      display: block;
    }
    thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    tbody tr {
      display: grid;
      gap: 0.25rem;
      padding: 0.625rem 0;
      border-bottom: 1px solid #dcdcdc;
    }
    th,
    td {
      padding: 0;
      border: 0;
    }
    td[data-label]::before {
      content: attr(data-label) ": ";
      font-weight: 600;
    }
    td:last-child:not(:empty) {
      margin-top: 0.25rem;
    }
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
    /* In the top layer, so 100% is the window's width: on a phone it keeps a margin either side. */
    max-width: min(28rem, 100% - 2rem);
    color: inherit;
    overflow-wrap: anywhere;
  }
  dialog[open] {
    display: grid;
    gap: var(--voucher-gap, 0.75rem);
  }
  [part~="error"]:not(:empty) {
    color: var(--voucher-error-color, #b3261e);
  }
`;
