/** Voucher code helpers shared by the widget (display) and the BFF (normalizing, masking). */

/**
 * Canonical form of a typed, pasted or scanned code: upper case, without spaces (no-break ones included),
 * underscores or dashes of any kind (a code copied from an e-mail or PDF often has en dashes or U+2011).
 */
export function normalizeCode(code: string): string {
  return code.replace(/[\s\-_\u2010-\u2015\u2212\u00ad]+/g, "").toUpperCase();
}

/** Groups a code in fours for reading aloud or checking against a printed voucher. */
export function groupCode(code: string): string {
  return normalizeCode(code).replace(/(.{4})(?=.)/g, "$1-");
}

/** Masks all but the last four characters, keeping the grouping: `••••-••••-7Q2K`. */
export function maskCode(code: string): string {
  const canonical = normalizeCode(code);
  const keep = canonical.length > 4 ? 4 : Math.max(0, canonical.length - 2);
  const masked = "•".repeat(canonical.length - keep) + canonical.slice(canonical.length - keep);
  return masked.replace(/(.{4})(?=.)/g, "$1-");
}
