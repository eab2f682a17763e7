/** Tevalis WebVouchers provider adapter. */
export { TevalisAccount } from "./account.schema.ts";
export { createTevalisAdapter, tevalisCapabilities } from "./adapter.ts";
export type { TevalisDeps } from "./client.ts";
