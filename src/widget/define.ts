/** Registers `<voucher-widget>` (the one side effect, kept out of the class module). */
import type { VoucherEventMap } from "./events.ts";
import { VoucherWidget } from "./voucher-widget.ts";

if (!customElements.get("voucher-widget")) customElements.define("voucher-widget", VoucherWidget);

declare global {
  interface HTMLElementTagNameMap {
    "voucher-widget": VoucherWidget;
  }
  /**
   * The widget's events with their details (`events.ts`), so `widget.addEventListener("voucher-held", e => …)`
   * knows `e.detail`. The same on `document`: the events bubble and cross shadow roots (`composed`).
   */
  interface HTMLElementEventMap extends VoucherEventMap {}
  interface DocumentEventMap extends VoucherEventMap {}
}
