/** Wire formats of the Mews Connector API: GUID identifiers and ISO 8601 UTC timestamps (`…Z`). */
import { randomInt, randomUUID } from "node:crypto";

/** `2023-10-30T13:37:16Z`: second precision, UTC, as in the documented samples. */
export function utc(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Milliseconds truncated to whole seconds, so what we store is what a client reads back. */
export function wholeSeconds(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

export const newGuid = (): string => randomUUID();

const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A code value like the documented `0E5856B0A73E62B7E446`: 20 upper-case letters and digits. */
export function newCodeValue(): string {
  let out = "";
  for (let i = 0; i < 20; i++) out += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return out;
}

/** An access token in the documented shape (`<32 hex>-<31 hex>`), for rotation. */
export function newToken(): string {
  const hex = (n: number) => Array.from({ length: n }, () => randomInt(16).toString(16).toUpperCase()).join("");
  return `${hex(32)}-${hex(31)}`;
}

/** `start` plus whole calendar months, for the "max length 3 months" rule on time intervals. */
export function addMonths(ms: number, months: number): number {
  const date = new Date(ms);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.getTime();
}
