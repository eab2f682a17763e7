export * from "./contract.schema.ts";
export * from "./error-codes.ts";
export * from "./money.ts";
export * from "./routes.ts";
export * from "./voucher-code.ts";
export * from "./voucher-codes.schema.ts";
