/**
 * JSON as ASP.NET Web API (Json.NET) writes it. A .NET `decimal` keeps its scale on the wire (`25.00`,
 * `5.50`), which `JSON.stringify` cannot express, so money is wrapped in `Decimal2` and written verbatim.
 */

/** An amount in pence written with exactly two decimals (a `decimal(18,2)` column, ASSUMPTION). */
export class Decimal2 {
  constructor(readonly cents: number) {}

  toText(): string {
    const sign = this.cents < 0 ? "-" : "";
    const text = String(Math.abs(this.cents)).padStart(3, "0");
    return `${sign}${text.slice(0, -2)}.${text.slice(-2)}`;
  }
}

const MARK = "\u0000dec:";

/** `JSON.stringify` with every Decimal2 written as a bare number with its two decimals. */
export function dotNetJson(value: unknown): string {
  const text = JSON.stringify(value, (_key, v) => (v instanceof Decimal2 ? `${MARK}${v.toText()}` : v));
  return text.replace(/"\\u0000dec:(-?\d+\.\d{2})"/g, "$1");
}

/** "5.5" / 5.5 → 550 pence when it has at most two decimals; null otherwise (or when not positive). */
export function toCents(value: unknown): number | null {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) return null;
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(String(value));
  if (!m) return null;
  const cents = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  return Number.isSafeInteger(cents) ? cents : null;
}
