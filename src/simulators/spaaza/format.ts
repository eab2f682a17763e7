/**
 * Spaaza's wire formats: times as "YYYY-MM-DD HH:MM:SS" in UTC **without** an offset (expiry, lock, session
 * expiry), a few newer fields as ISO-8601 with `+00:00`; amounts as JSON numbers (floats) in the currency's
 * major unit; voucher keys as 64 lower-case hex characters. Amounts are kept in cents inside.
 */
import { randomBytes } from "node:crypto";

/** "2050-01-01 00:00:00" (UTC, no offset), as in `voucher_expiry_datetime_utc` and `voucher_locked_until`. */
export function spaazaTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace("T", " ");
}

/** ISO-8601 with `+00:00`, as in `voucher_created_datetime` / `voucher_redeemed_datetime`. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "+00:00");
}

/** Milliseconds truncated to whole seconds, so what we store is exactly what a client can read back. */
export function wholeSeconds(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

/** Cents → the JSON number Spaaza sends (1250 → 12.5). Division by 100 of an integer prints exactly. */
export function toAmount(cents: number): number {
  return cents / 100;
}

/**
 * A form amount ("12.5", "12.50", "12") → cents, or null. ASSUMPTION: Spaaza documents `amount` as a float;
 * we refuse more than two decimals (a client that sends `12.300000000000001` has a float bug worth finding).
 */
export function parseAmount(text: string): number | null {
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

/** A new voucher key: 64 lower-case hex characters, like the documented samples. */
export const newVoucherKey = (): string => randomBytes(32).toString("hex");

/** A session key (ASSUMPTION: format not documented; hex like the voucher keys). */
export const newSessionKey = (): string => randomBytes(24).toString("hex");

/** A passcode key for the 2FA step of admin logins. */
export const newPasscodeKey = (): string => randomBytes(16).toString("hex");
