/**
 * Money on the wire is `{amount: "10.53", currency: "EUR"}`: a decimal string with exactly the currency's
 * minor digits. Inside, amounts are integer minor units, so no arithmetic ever touches a float.
 */
import type { Money } from "./contract.schema.ts";

const digitsCache = new Map<string, number | null>();

/** Minor digits of an ISO-4217 currency (EUR 2, JPY 0, BHD 3), or null when the code is unknown. */
export function minorDigits(currency: string): number | null {
  let digits = digitsCache.get(currency);
  if (digits !== undefined) return digits;
  digits = null;
  if (/^[A-Z]{3}$/.test(currency)) {
    try {
      const options = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions();
      digits = options.maximumFractionDigits ?? null;
    } catch {
      digits = null;
    }
  }
  digitsCache.set(currency, digits);
  return digits;
}

/** Largest amount accepted anywhere, in minor units (keeps every value a safe integer). */
export const MAX_MINOR = 99_999_999_999;

/**
 * Parses a decimal amount string into integer minor units. Strict and canonical: the string must carry
 * exactly the currency's minor digits ("10.50" for EUR, "1000" for JPY) and no leading zeros, so one amount
 * has one spelling (an idempotency fingerprint never tells "7.50" from "007.50"). Returns null otherwise.
 */
export function toMinor(amount: string, currency: string): number | null {
  const digits = minorDigits(currency);
  if (digits === null) return null;
  const whole = "(0|[1-9]\\d{0,11})";
  const pattern = new RegExp(digits === 0 ? `^${whole}$` : `^${whole}\\.(\\d{${digits}})$`);
  const match = pattern.exec(amount);
  if (!match) return null;
  const minor = Number(match[1]) * 10 ** digits + (digits ? Number(match[2]) : 0);
  return minor <= MAX_MINOR ? minor : null;
}

/** Formats integer minor units as the wire decimal string ("1053" EUR → "10.53"). */
export function fromMinor(minor: number, currency: string): string {
  const digits = minorDigits(currency) ?? 2;
  if (!Number.isSafeInteger(minor) || minor < 0) throw new RangeError(`bad minor amount ${minor}`);
  if (digits === 0) return String(minor);
  const text = String(minor).padStart(digits + 1, "0");
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** Money from minor units. */
export function money(minor: number, currency: string): Money {
  return { amount: fromMinor(minor, currency), currency };
}

/**
 * Reads what a person typed ("12", "12.5", "12,50", "1.234,50") into minor units, or null. Used by the
 * widget's amount field; the wire format stays strict.
 */
export function parseTypedAmount(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  if (digits === null) return null;
  let t = text.trim().replace(/[\s']/g, "");
  if (!/^\d[\d.,]*$/.test(t)) return null;
  const lastSep = Math.max(t.lastIndexOf("."), t.lastIndexOf(","));
  let whole = t;
  let frac = "";
  if (lastSep >= 0 && t.length - lastSep - 1 <= digits && t.length - lastSep - 1 > 0) {
    whole = t.slice(0, lastSep);
    frac = t.slice(lastSep + 1);
  } else if (lastSep === t.length - 1) {
    whole = t.slice(0, -1);
  }
  whole = whole.replace(/[.,]/g, "");
  if (!/^\d{1,12}$/.test(whole)) return null;
  t = `${whole}${frac.padEnd(digits, "0")}`;
  const minor = Number(t);
  return Number.isSafeInteger(minor) && minor <= MAX_MINOR ? minor : null;
}

/** Formats money for people through Intl, in the given locale. */
export function formatMoney(value: Money, locale?: string): string {
  const digits = minorDigits(value.currency) ?? 2;
  const minor = toMinor(value.amount, value.currency);
  const number = minor === null ? Number(value.amount) : minor / 10 ** digits;
  return new Intl.NumberFormat(locale, { style: "currency", currency: value.currency }).format(number);
}
