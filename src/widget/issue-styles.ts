/**
 * Issue mode's own styles (the new voucher's code, and its printed card), in issue mode's chunk: added to
 * the element's shadow root when that mode loads (adopt-styles.ts), so the main bundle does not carry them.
 */
import { css } from "lit";

export const issueStyles = css`
  [part~="issued-code"] {
    display: block;
    font: var(--voucher-code-font, 700 1.75rem/1.2 ui-monospace, monospace);
    letter-spacing: 0.08em;
    /* Break between the dash-separated groups first, inside a group only when one does not fit. */
    overflow-wrap: anywhere;
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
`;
