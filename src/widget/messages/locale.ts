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

/** A locale's language (empty locale: the browser's), if the table has an entry of its own for it. */
export function languageIn(table: Readonly<Record<string, unknown>>, locale: string | undefined): string | undefined {
  const lang = languageOf(locale || browserLocale() || "");
  // Own keys only: a locale such as "constructor" must not find Object.prototype's.
  return Object.hasOwn(table, lang) ? lang : undefined;
}

/** The entry for a locale's language (empty locale: the browser's), if the table has one of its own. */
export function byLanguage<T>(table: Readonly<Record<string, T>>, locale: string | undefined): T | undefined {
  const lang = languageIn(table, locale);
  return lang === undefined ? undefined : table[lang];
}
