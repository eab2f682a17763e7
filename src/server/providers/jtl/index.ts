/** JTL-Voucher Cloud provider adapter. */
export { createJtlAdapter, jtlCapabilities } from "./adapter.ts";
export type { JtlDeps } from "./client.ts";
