/** Registers `<voucher-codes>` (the one side effect, kept out of the class module). */
import { VoucherCodes } from "./voucher-codes.ts";

if (!customElements.get("voucher-codes")) customElements.define("voucher-codes", VoucherCodes);

declare global {
  interface HTMLElementTagNameMap {
    "voucher-codes": VoucherCodes;
  }
}
