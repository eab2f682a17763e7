/** Mews Connector API provider adapter (rate-access codes and their admin). */
export { MewsAccount, type MewsAccountInput } from "./account.schema.ts";
export { createMewsAdapter, mewsCapabilities } from "./adapter.ts";
export type { MewsDeps } from "./client.ts";
