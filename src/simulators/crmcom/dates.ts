/**
 * CRM.COM dates. ASSUMPTION: the public pages show no date sample for vouchers; we write ISO 8601 with
 * second precision and a numeric offset without colon (`2025-06-01T10:00:00+0000`), as Java's
 * `yyyy-MM-dd'T'HH:mm:ssZ` does.
 */
export function crmDate(ms: number | null): string | null {
  if (ms === null) return null;
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, "+0000");
}
