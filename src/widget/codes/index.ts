/**
 * The `<voucher-codes>` bundle's entry (`dist/widget/voucher-codes.js`, separate from the main widget):
 * registers the element and exports its class for pages that import it as a module.
 */
import "./define.ts";

export type * from "./events.ts";
export { VoucherCodes } from "./voucher-codes.ts";
