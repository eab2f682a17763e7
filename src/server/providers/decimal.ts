/**
 * Providers that speak JSON decimals (Tevalis `"Value": 5.50`, CRM.COM `value`). Inside the BFF
 * amounts are integer minor units; the conversions go through the decimal text, never through float
 * arithmetic, so 10.53 stays 1053.
 */
import { fromMinor, minorDigits } from "../../shared/index.ts";
import { HttpProblem } from "../errors/http-problem.ts";
import type { MinorMoney } from "./port.ts";

/** Minor units → the JSON number to send (EUR 1053 → 10.53, whose JSON text is exactly "10.53"). */
export function toDecimalNumber(money: MinorMoney): number {
  return Number(fromMinor(money.minor, money.currency));
}

/**
 * A decimal read from JSON → minor units of `currency`, or null when it is negative, not finite, written
 * in exponent form, or carries more (non-zero) decimals than the currency has.
 */
export function decimalToMinor(value: number, currency: string): number | null {
  const digits = minorDigits(currency);
  if (digits === null || !Number.isFinite(value) || value < 0) return null;
  const match = /^(\d+)(?:\.(\d+))?$/.exec(String(value));
  if (!match) return null;
  const [, whole = "0", frac = ""] = match;
  if (frac.length > digits && !/^0*$/.test(frac.slice(digits))) return null;
  const minor = Number(whole) * 10 ** digits + Number(frac.slice(0, digits).padEnd(digits, "0") || "0");
  return Number.isSafeInteger(minor) ? minor : null;
}

/** Like decimalToMinor, for answers: PROVIDER_ERROR when the provider sent something we cannot read. */
export function readAmount(provider: string, value: number, currency: string): MinorMoney {
  const minor = decimalToMinor(value, currency);
  if (minor === null) throw new HttpProblem("PROVIDER_ERROR", `${provider} sent an amount we cannot read.`);
  return { minor, currency };
}
