/** Registers `<voucher-widget>` (the one side effect, kept out of the class module). */
import { VoucherWidget } from "./voucher-widget.ts";

if (!customElements.get("voucher-widget")) customElements.define("voucher-widget", VoucherWidget);

declare global {
  interface HTMLElementTagNameMap {
    "voucher-widget": VoucherWidget;
  }
}
