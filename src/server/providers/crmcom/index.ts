/** CRM.COM provider adapter. */
export { CrmcomAccount } from "./account.schema.ts";
export { CRMCOM_HOLD_TTL, createCrmcomAdapter, crmcomCapabilities } from "./adapter.ts";
export type { CrmcomDeps } from "./client.ts";
