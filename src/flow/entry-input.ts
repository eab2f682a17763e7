/**
 * Reading what was typed into the entry form: pure functions from field text to a request, or to the
 * error that names the field. The wire stays strict (shared `toMinor`); people may type "12,5".
 */
import type { Capabilities, HoldRequest, Money } from "../shared/contract.schema.ts";
import { fromMinor, parseTypedAmount, toMinor } from "../shared/money.ts";
import { normalizeCode } from "../shared/voucher-code.ts";
import type { FlowError } from "./machine.ts";

/** Codes for what the widget refuses before asking the server (words for them live in the messages). */
export const InputErrorCode = {
  CODE_MISSING: "CODE_MISSING",
  PIN_MISSING: "PIN_MISSING",
  AMOUNT_INVALID: "AMOUNT_INVALID",
  AMOUNT_TOO_HIGH: "AMOUNT_TOO_HIGH",
  DATE_INVALID: "DATE_INVALID",
  /** A full-value-only voucher whose whole balance is more than the sale's due amount. */
  FULL_VALUE_OVER_DUE: "FULL_VALUE_OVER_DUE",
} as const;
export type InputErrorCode = (typeof InputErrorCode)[keyof typeof InputErrorCode];

export interface EntryFields {
  code: string;
  pin: string;
  amount: string;
}

export interface EntryRules {
  currency: string;
  pin: Capabilities["pin"];
  /** The sale's due amount in minor units: a hold never needs more. Null when not known. */
  dueMinor: number | null;
  /** Full-value-only accounts: the hold is for this (the checked balance), whatever the amount field says. */
  fullValue?: Money | null;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: FlowError };

/** A failed read: the code and the field it is about. */
export const invalid = (code: InputErrorCode, field: FlowError["field"]): { ok: false; error: FlowError } => ({
  ok: false,
  error: { code, field, operation: "validate", retryable: false },
});

/** A typed amount as Money, or the error for the amount field. */
export function readAmount(text: string, currency: string, dueMinor: number | null = null): Parsed<Money> {
  const minor = parseTypedAmount(text, currency);
  if (minor === null || minor <= 0) return invalid(InputErrorCode.AMOUNT_INVALID, "amount");
  if (dueMinor !== null && minor > dueMinor) return invalid(InputErrorCode.AMOUNT_TOO_HIGH, "amount");
  return { ok: true, value: { amount: fromMinor(minor, currency), currency } };
}

/** The code and PIN for a check. */
export function readCheck(fields: EntryFields, rules: EntryRules): Parsed<{ code: string; pin?: string }> {
  const code = normalizeCode(fields.code);
  if (!code) return invalid(InputErrorCode.CODE_MISSING, "code");
  const pin = rules.pin === "none" ? "" : fields.pin.trim();
  if (!pin && rules.pin === "required") return invalid(InputErrorCode.PIN_MISSING, "pin");
  return { ok: true, value: pin ? { code, pin } : { code } };
}

/** Whether a full value is more than the due amount (the `amount` attribute bounds every hold). */
export function exceedsDue(value: Money, dueMinor: number | null): boolean {
  return dueMinor !== null && (toMinor(value.amount, value.currency) ?? 0) > dueMinor;
}

/** The whole hold request: code, PIN where the account has them, and an amount within the due amount. */
export function readHold(fields: EntryFields, rules: EntryRules): Parsed<HoldRequest> {
  const check = readCheck(fields, rules);
  if (!check.ok) return check;
  const full = rules.fullValue;
  if (full) {
    // Never more than the sale asked for: the page counts on the amount being the upper bound.
    if (exceedsDue(full, rules.dueMinor)) return invalid(InputErrorCode.FULL_VALUE_OVER_DUE, "amount");
    return { ok: true, value: { ...check.value, amount: full } };
  }
  const amount = readAmount(fields.amount, rules.currency, rules.dueMinor);
  if (!amount.ok) return amount;
  return { ok: true, value: { ...check.value, amount: amount.value } };
}

/** The due amount from the `amount` attribute (wire format, "42.50"), lenient about how it was written. */
export function dueMinorOf(amount: string | undefined, currency: string): number | null {
  if (!amount) return null;
  return toMinor(amount, currency) ?? parseTypedAmount(amount, currency);
}

/** Shows minor units as a person would type them in this locale ("42,50" in German), without grouping. */
export function amountText(minor: number, currency: string, locale?: string): string {
  const wire = fromMinor(minor, currency);
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === "decimal")?.value ?? ".";
  return wire.replace(".", decimal);
}

/** Money as a person would type it in this locale, e.g. for the read-only full-value amount field. */
export function moneyText(value: Money, locale?: string): string {
  return amountText(toMinor(value.amount, value.currency) ?? 0, value.currency, locale);
}

/**
 * What the amount field shows before anyone types: the due amount (`amount` attribute), but no more than a
 * checked balance, so a voucher worth less than the sale is used in full. Empty when the due amount is unknown.
 */
export function defaultAmountText(due: string, currency: string, balance?: Money, locale?: string): string {
  let minor = currency ? dueMinorOf(due, currency) : null;
  const balanceMinor = balance ? toMinor(balance.amount, balance.currency) : null;
  if (minor !== null && balanceMinor !== null) minor = Math.min(minor, balanceMinor);
  return minor === null ? "" : amountText(minor, currency, locale);
}

/** An order reference for the redeem when the page gave none: derived from the hold, so a retry sends the
 * very same body (and so the same idempotency key). */
export function orderRefFor(holdId: string, given?: string | null): string {
  const ref = given?.trim() || `voucher-${holdId}`;
  return ref.replace(/[^\x20-\x7e]/g, "-").slice(0, 100);
}
