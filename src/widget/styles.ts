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
  [part~="base"] {
    /* Layouts follow the widget's own width (it sits in columns), not the viewport's: see the end. */
    container: voucher / inline-size;
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
    /* 16 px at least: iOS zooms the page into any smaller field on focus. */
    font-size: max(16px, 1em);
    width: 100%;
    min-width: 0;
    /* A touch target of 44 × 44 px at least (WCAG 2.5.5), whatever the page's font size. */
    min-height: 44px;
    padding: 0.5rem 0.625rem;
    border: var(--voucher-input-border, 1px solid #8a8a8a);
    border-radius: var(--voucher-input-radius, 0.375rem);
    background: var(--voucher-input-background, #fff);
    color: inherit;
    transition: border-color 0.15s ease-in-out;
  }
  input[aria-invalid="true"] {
    border-color: var(--voucher-error-color, #b3261e);
  }
  input[name="code"] {
    text-transform: uppercase;
    letter-spacing: 0.05em;
  }
  /* The code and its camera button on one row; the camera view's styles come with its chunk (camera/). */
  .beside {
    display: flex;
    gap: 0.5rem;
  }
  .beside input {
    flex: 1;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
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
    transition:
      background-color 0.15s ease-in-out,
      color 0.15s ease-in-out;
  }
  button:not(.primary):not([aria-disabled="true"]):hover {
    background: color-mix(in srgb, var(--voucher-accent, #1f5fbf) 8%, transparent);
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
    /* Labels sit on the line of their value, also beside the larger countdown. */
    align-items: baseline;
    gap: 0.25rem 1rem;
    margin: 0;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
    min-width: 0;
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }
  /* The countdown's states (held-view.ts): soon (5 min), warning (1 min), urgent (30 s). Each differs by more
     than colour: weight from "soon", a frame from "warning", a fill (and a slow pulse) when urgent. */
  [part~="countdown"] {
    display: inline-block;
    font-size: 1.25em;
    padding: 0 0.375em;
    border: 2px solid transparent;
    border-radius: 0.25em;
  }
  [part~="countdown"][data-level] {
    color: var(--voucher-warning-color, #8a5300);
    font-weight: 700;
  }
  [part~="countdown"][data-level="warning"] {
    border-color: currentColor;
  }
  [part~="countdown"][data-level="urgent"] {
    color: var(--voucher-error-color, #b3261e);
    border-color: currentColor;
    background: color-mix(in srgb, var(--voucher-error-color, #b3261e) 10%, transparent);
    /* Slow (one cycle every 2 s, far from a flash): the last seconds catch the cashier's eye. */
    animation: voucher-pulse 1s ease-in-out infinite alternate;
  }
  @keyframes voucher-pulse {
    to {
      background: color-mix(in srgb, var(--voucher-error-color, #b3261e) 4%, transparent);
    }
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
  .confirm {
    display: grid;
    gap: 0.5rem;
    padding: 0.75rem;
    border: 1px solid var(--voucher-warning-color, #8a5300);
    border-radius: var(--voucher-radius, 0.5rem);
  }
  /* Phone and checkout column: buttons share the row and grow to fill it; at phone width each takes a row. */
  @container voucher (max-width: 30rem) {
    .actions > button {
      flex: 1 1 auto;
    }
  }
  @container voucher (max-width: 20rem) {
    .actions {
      flex-direction: column;
    }
  }
  /* A POS screen (the widget given room, e.g. --voucher-max-width: none): larger type and targets, code and
     PIN side by side. */
  @container voucher (min-width: 40rem) {
    form {
      grid-template-columns: repeat(2, minmax(0, 1fr));
      column-gap: 1.5rem;
    }
    form > :not(.field) {
      grid-column: 1 / -1;
    }
    input,
    button {
      min-height: 56px;
      font-size: max(18px, 1.125em);
    }
    button {
      min-width: 8rem;
      padding-inline: 1.5rem;
    }
    dl {
      font-size: 1.125em;
    }
    [part~="countdown"] {
      font-size: 2em;
    }
  }
  /* Windows High Contrast and other forced colours: colour alone is gone, so focus, borders, the busy
     state and the countdown's states stay visible in system colours. */
  @media (forced-colors: active) {
    :host {
      border-color: CanvasText;
    }
    :focus-visible {
      outline: 3px solid Highlight;
      outline-offset: 2px;
    }
    input {
      border: 1px solid FieldText;
    }
    input[aria-invalid="true"] {
      border-width: 3px;
    }
    button {
      border: 2px solid ButtonText;
    }
    button.primary {
      /* The accent fill would be forced away: the main action is shown inverted instead. */
      forced-color-adjust: none;
      background: ButtonText;
      color: ButtonFace;
    }
    button[aria-disabled="true"],
    button.primary[aria-disabled="true"] {
      forced-color-adjust: none;
      opacity: 1;
      background: ButtonFace;
      color: GrayText;
      border: 2px dashed GrayText;
    }
    [part~="countdown"][data-level] {
      border-color: CanvasText;
    }
    [part~="countdown"][data-level="warning"],
    [part~="countdown"][data-level="urgent"] {
      forced-color-adjust: none;
      background: Mark;
      color: MarkText;
      border-color: MarkText;
      animation: none;
    }
    [part~="countdown"][data-level="urgent"] {
      border-width: 3px;
    }
    .confirm {
      border-color: CanvasText;
    }
  }
  /* Motion only where it is wanted: no pulse, no transitions. */
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
    }
  }
`;
