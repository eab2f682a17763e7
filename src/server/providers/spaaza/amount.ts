/**
 * Spaaza amounts are JSON floats in the currency's major unit (`voucher_amount: 12.3`) and form fields we
 * send as decimals. Inside the BFF amounts are integer minor units; converting goes through strings
 * (`toFixed` of the currency's digits), never through float arithmetic, so 12.3 is 1230 and not 1229.
 * Times come as "YYYY-MM-DD HH:MM:SS" in UTC without an offset.
 */
import { fromMinor, minorDigits, toMinor } from "../../../shared/index.ts";
import { HttpProblem } from "../../errors/http-problem.ts";
import type { MinorMoney } from "../port.ts";

/** Minor units → the decimal Spaaza's `amount` parameter takes (EUR 1230 → "12.30"). */
export function toSpaazaAmount(money: MinorMoney): string {
  return fromMinor(money.minor, money.currency);
}

/** A Spaaza float → minor units of `currency`; PROVIDER_ERROR when it has more decimals than the currency. */
export function fromSpaazaAmount(value: number, currency: string): number {
  const digits = minorDigits(currency);
  const minor =
    digits === null || !Number.isFinite(value) || value < 0 ? null : toMinor(value.toFixed(digits), currency);
  // The float must sit on a minor unit (within float noise): 12.345 EUR is not an amount we can hold.
  if (minor === null || Math.abs(value * 10 ** (digits ?? 0) - minor) > 1e-6 * Math.max(1, minor)) {
    throw new HttpProblem("PROVIDER_ERROR", "Spaaza sent an amount we cannot read.");
  }
  return minor;
}

/** "2050-01-01 00:00:00" (UTC, no offset) → Date; PROVIDER_ERROR when it is not that shape. */
export function fromSpaazaTime(text: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(text);
  const ms = match ? Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!, +match[4]!, +match[5]!, +match[6]!) : Number.NaN;
  if (Number.isNaN(ms)) throw new HttpProblem("PROVIDER_ERROR", "Spaaza sent a time we cannot read.");
  return new Date(ms);
}
