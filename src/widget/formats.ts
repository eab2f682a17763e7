/** Money, times and dates as the element's locale writes them, through `Intl` (no locale: the browser's). */
import type { Money } from "../shared/contract.schema.ts";
import { formatMoney } from "../shared/money.ts";

export interface Formats {
  money: (value: Money) => string;
  /** An instant's time of day, e.g. a hold's expiry. */
  time: (iso: string) => string;
  date: (iso: string) => string;
}

/** Formatters that read the locale each time, so a new `locale` attribute applies at the next render. */
export function formatsFor(locale: () => string | undefined): Formats {
  const dateTime = (iso: string, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale(), options).format(new Date(iso));
  return {
    money: (value) => formatMoney(value, locale()),
    time: (iso) => dateTime(iso, { timeStyle: "short" }),
    date: (iso) => dateTime(iso, { dateStyle: "medium" }),
  };
}
