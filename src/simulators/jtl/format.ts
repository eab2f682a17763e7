/**
 * Wire formats of the JTL API: amounts are strings with exactly two decimals, timestamps RFC3339 with a
 * numeric offset. Kept local so the simulator depends on nothing in the rest of the repository.
 */
import { randomInt } from "node:crypto";

/** The documented amount pattern: up to five digits, a point, exactly two digits. */
export const AMOUNT_PATTERN = /^\d{1,5}\.\d{2}$/;

/** "10.53" → 1053. Only for strings that passed AMOUNT_PATTERN (or our own output). */
export function toCents(amount: string): number {
  const [whole = "0", frac = "00"] = amount.split(".");
  return Number(whole) * 100 + Number(frac);
}

/** 1053 → "10.53". */
export function fromCents(cents: number): string {
  const text = String(cents).padStart(3, "0");
  return `${text.slice(0, -2)}.${text.slice(-2)}`;
}

/** RFC3339 as JTL writes it: second precision and `+00:00`, e.g. `2017-07-21T17:32:28+00:00`. */
export function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "+00:00");
}

/** Milliseconds truncated to whole seconds, so what we store is exactly what a client can read back. */
export function wholeSeconds(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

const HEX = "0123456789abcdef";
/** Voucher codes: upper case, no 0/O or 1/I so a printed code reads unambiguously. */
export const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

function randomString(length: number, alphabet: string): string {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** Ids of reservations, charges and clients look like the documented samples (`da39a3ee5eb28b7392ef5`). */
export const newId = (): string => randomString(21, HEX);
/** Voucher ids look like the documented sample `4ZH83T0ACUUC14CW`. */
export const newVoucherId = (): string => randomString(16, UPPER_ALNUM);
export const newCode = (): string => randomString(16, CODE_ALPHABET);
export const newPin = (): string => randomString(4, "0123456789");
export const newToken = (): string => randomString(40, `${HEX}ABCDEFGHIJKLMNOPQRSTUVWXYZ`);
