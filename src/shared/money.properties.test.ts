/**
 * Money round-trips, property-based (fast-check), for every minor-digit count Intl knows (0: JPY, 2: EUR,
 * 3: BHD, …): the wire format parses back to the same minor units, what a person types in any common
 * locale's notation is read as the amount they meant, and what the widget shows never loses a minor unit.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatMoney, fromMinor, MAX_MINOR, minorDigits, money, parseTypedAmount, toMinor } from "./money.ts";

/** Up to three currencies per digit count, taken from what this runtime's Intl supports. */
const byDigits = new Map<number, string[]>();
for (const currency of Intl.supportedValuesOf("currency")) {
  const digits = minorDigits(currency);
  if (digits === null) continue;
  const list = byDigits.get(digits) ?? [];
  if (list.length < 3) byDigits.set(digits, [...list, currency]);
}
const currencies = [...byDigits.values()].flat();
/** Locales whose number notation differs: grouping by `,` `.` `'` narrow space, lakh grouping, decimal `,`. */
const locales = ["en-US", "de-DE", "fr-FR", "de-CH", "en-IN", "es-ES", "ja-JP", "pt-BR"];

const minor = fc.oneof(
  fc.integer({ min: 0, max: MAX_MINOR }),
  fc.integer({ min: 0, max: 10_000 }),
  fc.constantFrom(0, 1, 9, 10, 99, 100, 101, 999, 1000, MAX_MINOR - 1, MAX_MINOR),
);
/** Runs per property: moderate by default; FC_RUNS=5000 for a long hunt. */
const runs = { numRuns: Number(process.env.FC_RUNS ?? 200) };

describe("money round-trips", () => {
  it("covers every digit count (0, 2 and 3 at least)", () => {
    expect([...byDigits.keys()].sort()).toEqual(expect.arrayContaining([0, 2, 3]));
  });

  it("wire format: toMinor(fromMinor(m)) === m, with exactly the currency's digits", () => {
    fc.assert(
      fc.property(fc.constantFrom(...currencies), minor, (currency, m) => {
        const digits = minorDigits(currency) as number;
        const text = fromMinor(m, currency);
        expect(toMinor(text, currency)).toBe(m);
        expect(text.split(".")[1]?.length ?? 0).toBe(digits);
        // One digit more or less is refused, never rounded.
        expect(toMinor(digits === 0 ? `${text}.0` : `${text}0`, currency)).toBeNull();
        if (digits > 0) expect(toMinor(text.slice(0, -1), currency)).toBeNull();
      }),
      runs,
    );
  });

  it("wire format: any string parses to null or to an amount that formats back to exactly it (one spelling per amount)", () => {
    const candidate = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.stringMatching(/^[0-9]{0,14}(\.[0-9]{0,4})?$/),
      fc.stringMatching(/^-?[0-9 .,e+]{0,16}$/),
    );
    fc.assert(
      fc.property(fc.constantFrom(...currencies), candidate, (currency, text) => {
        const m = toMinor(text, currency);
        if (m === null) return;
        expect(Number.isSafeInteger(m) && m >= 0 && m <= MAX_MINOR).toBe(true);
        expect(fromMinor(m, currency)).toBe(text);
      }),
      runs,
    );
  });

  it("typed amounts: a number written in any locale's notation reads as the same minor units", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...currencies),
        fc.constantFrom(...locales),
        fc.boolean(),
        minor,
        (currency, locale, grouping, m) => {
          const digits = minorDigits(currency) as number;
          const typed = new Intl.NumberFormat(locale, {
            minimumFractionDigits: digits,
            maximumFractionDigits: digits,
            useGrouping: grouping,
            // A decimal string, so no float sits between the minor units and the text.
          }).format(fromMinor(m, currency) as unknown as number);
          expect(parseTypedAmount(typed, currency), typed).toBe(m);
        },
      ),
      runs,
    );
  });

  it("typed amounts: whole units without decimals mean whole units", () => {
    fc.assert(
      fc.property(fc.constantFrom(...currencies), fc.integer({ min: 0, max: 99_999_999 }), (currency, whole) => {
        const digits = minorDigits(currency) as number;
        expect(parseTypedAmount(String(whole), currency)).toBe(whole * 10 ** digits);
      }),
      runs,
    );
  });

  it("formatMoney: what the widget shows keeps every minor unit, and typed back is the same amount", () => {
    const latinDigitLocales = ["en-US", "de-DE", "fr-FR", "de-CH", "en-IN", "ja-JP"];
    fc.assert(
      fc.property(
        fc.constantFrom(...currencies),
        fc.constantFrom(...latinDigitLocales),
        minor,
        (currency, locale, m) => {
          const shown = formatMoney(money(m, currency), locale);
          expect(Number(shown.replace(/\D/g, "")), shown).toBe(m);
          // Without the currency sign, the shown text is something a cashier could type back.
          const typedBack = shown.replace(/[^\d.,'\s\u00a0\u202f]/g, "");
          expect(parseTypedAmount(typedBack, currency), shown).toBe(m);
        },
      ),
      runs,
    );
  });
});
