/**
 * Which language a locale asks for, shared by `<voucher-widget>` and `<voucher-codes>` (each bundles its own
 * copy: this module has no other imports).
 */

/** The browser's preferred language (what `Intl` formats with when given no locale), if there is a browser. */
export function browserLocale(): string | undefined {
  if (typeof navigator === "undefined") return undefined;
  return navigator.languages?.[0] ?? navigator.language;
}

/** The language subtag of a BCP 47 locale, lower case: `fr-CA` → `fr`, `nl_BE` → `nl`. */
export function languageOf(locale: string): string {
  return locale.split(/[-_]/)[0]?.toLowerCase() ?? "";
}

/** The entry for a locale's language (empty locale: the browser's), if the table has one of its own. */
export function byLanguage<T>(table: Readonly<Record<string, T>>, locale: string | undefined): T | undefined {
  const lang = languageOf(locale || browserLocale() || "");
  // Own keys only: a locale such as "constructor" must not find Object.prototype's.
  return Object.hasOwn(table, lang) ? table[lang] : undefined;
}
