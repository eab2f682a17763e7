/**
 * JTL amounts are strings with exactly two decimals and at most five digits before the point
 * (`^\d{1,5}\.\d{2}$`), whatever the currency. Inside the BFF amounts are integer minor units.
 */

import { minorDigits } from "../../../shared/index.ts";
import { HttpProblem } from "../../errors/http-problem.ts";
import type { MinorMoney } from "../port.ts";

/** 99999.99, the largest amount JTL's pattern admits, in hundredths. */
const MAX_HUNDREDTHS = 9_999_999;

function scale(currency: string): number {
  const digits = minorDigits(currency);
  if (digits === null || digits > 2) {
    throw new HttpProblem("INVALID_REQUEST", `JTL amounts carry two decimals; ${currency} cannot be expressed.`);
  }
  return 10 ** (2 - digits);
}

/** Minor units → JTL's amount string (EUR 1053 → "10.53"; JPY 1000 → "1000.00"). */
export function toJtlAmount(money: MinorMoney): string {
  const hundredths = money.minor * scale(money.currency);
  if (!Number.isSafeInteger(hundredths) || hundredths < 0 || hundredths > MAX_HUNDREDTHS) {
    throw new HttpProblem("INVALID_REQUEST", "The amount is above what JTL accepts (99999.99).");
  }
  const text = String(hundredths).padStart(3, "0");
  return `${text.slice(0, -2)}.${text.slice(-2)}`;
}

/** JTL's amount string → minor units of `currency`; PROVIDER_ERROR when it is not a JTL amount. */
export function fromJtlAmount(amount: string, currency: string): number {
  const match = /^(\d+)\.(\d{2})$/.exec(amount);
  const factor = scale(currency);
  const hundredths = match ? Number(match[1]) * 100 + Number(match[2]) : Number.NaN;
  if (!Number.isSafeInteger(hundredths) || hundredths % factor !== 0) {
    throw new HttpProblem("PROVIDER_ERROR", "JTL sent an amount we cannot read.");
  }
  return hundredths / factor;
}
