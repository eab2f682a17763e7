/** The money services' public surface for the rest of the BFF. */
export { type AttemptLimits, defaultAttemptLimits } from "./attempts.ts";
export type { Logger } from "./context.ts";
export { createMoneyServices, type MoneyServicesOptions, type MoneyServicesRuntime } from "./money-services.ts";
export type { AccountRuntime, MoneyServices, RequestContext, StoredOutcome } from "./types.ts";
