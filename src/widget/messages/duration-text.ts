/**
 * Time left on a hold in a language's own words, through `Intl`: "5 minutes", "1 Minute", "45 secondes",
 * "1 minuut". CLDR knows each language's plural forms, so no pack spells out its own `=== 1` rules.
 */

/** What the countdown warnings say: whole minutes from one minute up, seconds below. */
export function timeLeft(seconds: number): { count: number; unit: "minute" | "second" } {
  return seconds >= 60
    ? { count: Math.round(seconds / 60), unit: "minute" }
    : { count: Math.max(0, Math.round(seconds)), unit: "second" };
}

/** The time left as words in `lang`, e.g. `durationText("fr", 300)` → "5 minutes". */
export function durationText(lang: string, seconds: number): string {
  const { count, unit } = timeLeft(seconds);
  return new Intl.NumberFormat(lang, { style: "unit", unit, unitDisplay: "long" }).format(count);
}

/** The CLDR plural category of a count in `lang` ("one", "other", …), for words that agree with it. */
export function plural(lang: string, count: number): Intl.LDMLPluralRule {
  return new Intl.PluralRules(lang).select(count);
}

/** The plural category of the count `durationText` shows, for words that agree with it ("Queda"/"Quedan"). */
export function durationPlural(lang: string, seconds: number): Intl.LDMLPluralRule {
  return plural(lang, timeLeft(seconds).count);
}
