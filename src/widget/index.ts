/**
 * The widget bundle's entry: registers `<voucher-widget>` and exports its class and event types for pages
 * that import it as a module.
 */
import "./define.ts";

export type * from "./events.ts";
export { VoucherWidget } from "./voucher-widget.ts";
