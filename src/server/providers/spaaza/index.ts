/** Spaaza provider adapter. */
export { SPAAZA_LOCK_PERIOD, SpaazaAccount, type SpaazaAccountInput } from "./account.schema.ts";
export { createSpaazaAdapter, spaazaCapabilities } from "./adapter.ts";
export type { SpaazaDeps } from "./client.ts";
