/** Registers `<voucher-codes>` (the one side effect, kept out of the class module). */
import type { VoucherCodesEventMap } from "./events.ts";
import { VoucherCodes } from "./voucher-codes.ts";

if (!customElements.get("voucher-codes")) customElements.define("voucher-codes", VoucherCodes);

declare global {
  interface HTMLElementTagNameMap {
    "voucher-codes": VoucherCodes;
  }
  /** The admin's events with their details (`events.ts`); they bubble and cross shadow roots. */
  interface HTMLElementEventMap extends VoucherCodesEventMap {}
  interface DocumentEventMap extends VoucherCodesEventMap {}
}
