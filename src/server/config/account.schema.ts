/**
 * Accounts as configured: which provider, where it lives, its credentials and what the browser origins
 * may use it. Read only by config loading; adapters get their own account's slice.
 */
import { z } from "zod";

const currency = z.string().regex(/^[A-Z]{3}$/, "an ISO-4217 code such as EUR");
const origin = z
  .string()
  .refine((s) => s === "*" || /^https?:\/\/[^/]+$/.test(s), "an origin like https://shop.example (no path) or *");

const common = {
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "lower-case letters, digits, _ or -"),
  baseUrl: z.url({ protocol: /^https?$/ }),
  currency,
  allowedOrigins: z.array(origin).default([]),
  /** Upper bound for one upstream call. */
  timeoutMs: z.int().min(100).max(120_000).default(10_000),
};

export const JtlAccount = z.strictObject({
  ...common,
  provider: z.literal("jtl"),
  credentials: z.strictObject({
    clientId: z.string().min(1),
    clientSecret: z.string().min(1),
    clientType: z.string().max(32).optional(),
  }),
});

export const AccountConfig = z.discriminatedUnion("provider", [JtlAccount]);

export type JtlAccount = z.infer<typeof JtlAccount>;
export type AccountConfig = z.infer<typeof AccountConfig>;
