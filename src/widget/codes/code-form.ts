/**
 * Reads the add form into a code for the contract, or says which field is wrong. Dates come from
 * `<input type="date">` (a calendar day): "valid from" starts at the day's first second and "valid until"
 * ends at its last, in the browser's time zone (the back office and the hotel are normally in the same one).
 */
import { AccessCodeValue, type NewAccessCode } from "../../shared/voucher-codes.schema.ts";
import type { FormErrorCode } from "./messages.ts";

export interface CodeFormFields {
  voucherId: string;
  value: string;
  /** `YYYY-MM-DD` or empty. */
  validFrom: string;
  validUntil: string;
}

export type FormField = "voucher" | "value" | "validFrom" | "validUntil";

export type CodeFormResult = { ok: true; item: NewAccessCode } | { ok: false; error: FormErrorCode; field: FormField };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A local calendar day at the given time as ISO 8601 UTC, or null when it is not a real date. */
export function dayToIso(day: string, end: boolean): string | null {
  const match = DAY.exec(day);
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = end ? new Date(y, m - 1, d, 23, 59, 59) : new Date(y, m - 1, d, 0, 0, 0);
  // new Date rolls 2031-02-30 over into March: such a day was not a date.
  if (date.getFullYear() !== y || date.getMonth() !== m - 1 || date.getDate() !== d) return null;
  return date.toISOString();
}

export function readCodeForm(fields: CodeFormFields): CodeFormResult {
  if (!fields.voucherId) return { ok: false, error: "VOUCHER_MISSING", field: "voucher" };
  const value = fields.value.trim();
  if (!value) return { ok: false, error: "CODE_MISSING", field: "value" };
  if (!AccessCodeValue.safeParse(value).success) return { ok: false, error: "CODE_FORMAT", field: "value" };
  const item: NewAccessCode = { voucherId: fields.voucherId, value };
  if (fields.validFrom) {
    const from = dayToIso(fields.validFrom, false);
    if (!from) return { ok: false, error: "DATE_INVALID", field: "validFrom" };
    item.validFrom = from;
  }
  if (fields.validUntil) {
    const until = dayToIso(fields.validUntil, true);
    if (!until) return { ok: false, error: "DATE_INVALID", field: "validUntil" };
    item.validUntil = until;
  }
  if (item.validFrom && item.validUntil && item.validFrom > item.validUntil) {
    return { ok: false, error: "DATES_ORDER", field: "validUntil" };
  }
  return { ok: true, item };
}
