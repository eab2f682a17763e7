/** The browser client for the BFF (DESIGN §3: `src/api`). */
export * from "./api-error.ts";
export * from "./client.ts";
export * from "./http.ts";
export * from "./idempotency.ts";
export * from "./server-clock.ts";
