/**
 * `.NET` date text as Tevalis writes it: ISO 8601 with seven fractional digits (100 ns ticks), either with
 * an offset (`2024-11-21T06:28:45.7521945+00:00`, a DateTimeOffset) or without one
 * (`2024-11-21T06:28:45.7521945`, a DateTime of unspecified kind: the site's local wall-clock time).
 */

const DOTNET_DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?(Z|[+-]\d{2}:\d{2})?$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
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
  return f;
}

/** The zone's offset from UTC at `utcMs`, in ms (Europe/London in summer: +3 600 000). */
export function zoneOffsetMs(utcMs: number, timeZone: string): number {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(utcMs))
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return wall - Math.floor(utcMs / 1000) * 1000;
}

/** A wall-clock time in `timeZone` (given as if it were UTC) → the UTC instant. */
export function wallToUtc(wallMs: number, timeZone: string): number {
  const first = wallMs - zoneOffsetMs(wallMs, timeZone);
  return wallMs - zoneOffsetMs(first, timeZone);
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * Formats an instant for the site in `timeZone`. `ticks` (0–9999) are the 100 ns units below the
 * millisecond, so the seven digits are really used. With `offset` the site's offset is appended.
 */
export function formatDotNet(utcMs: number, timeZone: string, offset: boolean, ticks = 0): string {
  const offsetMs = zoneOffsetMs(utcMs, timeZone);
  const wall = new Date(utcMs + offsetMs);
  const fraction = `${pad(wall.getUTCMilliseconds(), 3)}${pad(ticks, 4)}`;
  const text =
    `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}` +
    `T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}.${fraction}`;
  if (!offset) return text;
  const minutes = Math.round(offsetMs / 60_000);
  const sign = minutes < 0 ? "-" : "+";
  return `${text}${sign}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/** Parses `.NET` date text (offset optional: none = site-local); null when it is not a date. */
export function parseDotNet(text: string, timeZone: string): number | null {
  const m = DOTNET_DATE.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac = "", zone] = m;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const check = new Date(wall);
  if (check.getUTCDate() !== Number(d) || check.getUTCMonth() !== Number(mo) - 1 || Number(h) > 23) return null;
  const ms = wall + Math.floor(Number(frac.padEnd(7, "0")) / 10_000);
  if (zone === undefined) return wallToUtc(ms, timeZone);
  if (zone === "Z") return ms;
  const sign = zone.startsWith("-") ? -1 : 1;
  const offset = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
  return ms - offset;
}
