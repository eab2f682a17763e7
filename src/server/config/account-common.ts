/**
 * Fields every account has, whatever its provider. Kept apart from `account.schema.ts` (the union of all
 * providers' account schemas) so each provider's schema can import them without an import cycle.
 */
import { z } from "zod";

const currency = z.string().regex(/^[A-Z]{3}$/, "an ISO-4217 code such as EUR");
const origin = z
  .string()
  .refine((s) => s === "*" || /^https?:\/\/[^/]+$/.test(s), "an origin like https://shop.example (no path) or *");

export const accountCommon = {
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "lower-case letters, digits, _ or -"),
  baseUrl: z.url({ protocol: /^https?$/ }),
  currency,
  /** Browser origins the widget may be used from (`*`, exact origins, or `http://localhost:*`). */
  allowedOrigins: z.array(origin).default([]),
  /** Upper bound for one upstream call. */
  timeoutMs: z.int().min(100).max(120_000).default(10_000),
};
