/**
 * `.NET` dates as Tevalis sends them: ISO 8601 with up to seven fractional digits, with an offset
 * (DateTimeOffset) or without one (a DateTime of unspecified kind). Without an offset the text is the
 * site's wall-clock time, so it is read in the account's time zone (UTC unless configured).
 */

const DOTNET_DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?(Z|[+-]\d{2}:\d{2})?$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function zoneOffsetMs(utcMs: number, timeZone: string): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(utcMs)).map((part) => [part.type, Number(part.value)]));
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return wall - Math.floor(utcMs / 1000) * 1000;
}

/**
 * Parses `.NET` date text; null when it is not one. Sub-millisecond digits are dropped. A wall-clock time
 * that a daylight-saving change skips or repeats resolves to one of its possible instants.
 */
export function parseDotNetDate(text: string, timeZone: string): Date | null {
  const m = DOTNET_DATE.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac = "", zone] = m;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const check = new Date(wall);
  if (check.getUTCDate() !== Number(d) || check.getUTCMonth() !== Number(mo) - 1 || Number(h) > 23) return null;
  const ms = wall + Number(frac.padEnd(7, "0").slice(0, 3));
  if (zone === undefined) {
    const first = ms - zoneOffsetMs(ms, timeZone);
    return new Date(ms - zoneOffsetMs(first, timeZone));
  }
  if (zone === "Z") return new Date(ms);
  const sign = zone.startsWith("-") ? -1 : 1;
  return new Date(ms - sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000);
}

/** An instant as `.NET` DateTimeOffset text in UTC, like the documented sample (`…45.7520000+00:00`). */
export function formatDotNetDate(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, (_all, ms: string) => `.${ms}0000+00:00`);
}
