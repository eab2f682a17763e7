/** Styles of split tender's list (`views/tender-view.ts`): part of the split-tender chunk, adopted into the shadow root when it loads. */
import { css } from "lit";

export const tenderStyles = css`
  .tender {
    display: grid;
    gap: var(--voucher-gap, 0.75rem);
    margin-bottom: var(--voucher-gap, 0.75rem);
  }
  .tender h3 {
    margin: 0;
    font-size: 1em;
  }
  .tender ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }
  [part~="tender-item"] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
    padding: 0.5rem 0.625rem;
    border: var(--voucher-input-border, 1px solid #8a8a8a);
    border-radius: var(--voucher-input-radius, 0.375rem);
  }
  [part~="tender-item"][data-state="failed"] {
    border-color: var(--voucher-error-color, #b3261e);
  }
  [part~="tender-item"] [part~="held-amount"] {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  [part~="tender-item"] [part~="countdown"] {
    font-size: 1em;
    font-variant-numeric: tabular-nums;
  }
  .item-error {
    flex-basis: 100%;
    color: var(--voucher-error-color, #b3261e);
  }
  .item-actions {
    display: flex;
    gap: 0.5rem;
    margin-inline-start: auto;
  }
`;
