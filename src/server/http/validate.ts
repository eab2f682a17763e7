/** Parses request input with the shared zod contract; failures become INVALID_REQUEST with field issues. */
import type { z } from "zod/mini";
import { IdempotencyKey } from "../../shared/index.ts";
import { HttpProblem } from "../errors/http-problem.ts";

/** Parses `value` with a contract schema or throws INVALID_REQUEST listing what is wrong (never echoing values). */
export function parseInput<S extends z.ZodMiniType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data as z.infer<S>;
  const errors = result.error.issues.slice(0, 20).map((issue) => ({
    path: issue.path.map(String).join(".") || "(body)",
    message: issue.message,
  }));
  throw new HttpProblem("INVALID_REQUEST", "The request body does not match the API contract.", { errors });
}

/** Reads the Idempotency-Key header, required on routes that move money or create something. */
export function requireIdempotencyKey(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined) {
    throw new HttpProblem("INVALID_REQUEST", "This request needs an Idempotency-Key header (1–255 characters).");
  }
  const parsed = IdempotencyKey.safeParse(value);
  if (!parsed.success) {
    throw new HttpProblem("INVALID_REQUEST", "The Idempotency-Key header must be 1–255 visible ASCII characters.");
  }
  return parsed.data;
}
