/**
 * `<voucher-codes>`'s events and their details, for `addEventListener` typing (`define.ts` adds them to
 * `HTMLElementEventMap`). Details carry the access code's value: in the back office it is what was typed.
 */
export interface VoucherCodeAddedDetail {
  id: string;
  voucherId: string;
  value: string;
}
export interface VoucherCodeDeletedDetail {
  id: string;
  value: string;
}

/** Event name → event, for `addEventListener` typing. */
export interface VoucherCodesEventMap {
  "voucher-code-added": CustomEvent<VoucherCodeAddedDetail>;
  "voucher-code-deleted": CustomEvent<VoucherCodeDeletedDetail>;
}
