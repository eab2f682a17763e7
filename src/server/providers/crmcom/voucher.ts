/**
 * Reading a CRM.COM voucher with its secret number, and what its life-cycle state means here. The secret
 * number plays the PIN: CRM.COM's `vouchers/show` does not take it, so it is checked against
 * `vouchers/retrieve_secret_number` (R5+) and compared here in constant time; it never leaves this module
 * in a message. Life-cycle states (electronic vouchers): ACTIVATED, USED, CANCELLED, PURGED; an expired
 * voucher stays ACTIVATED, its dates say so.
 */
import { timingSafeEqual } from "node:crypto";
import type { VoucherStatus } from "../../../shared/index.ts";
import { HttpProblem } from "../../errors/http-problem.ts";
import { readAmount } from "../decimal.ts";
import type { MinorMoney } from "../port.ts";
import type { CrmcomAccount } from "./account.schema.ts";
import type { CrmcomClient } from "./client.ts";
import { CrmVoucher, SecretNumberData } from "./schemas.ts";

/** `number=4000…` or `id=…`: CRM.COM's identifier form in a query. */
export const byNumber = (code: string) => ({ voucher_identifier: `number=${code}` });
export const byId = (id: string) => ({ voucher_identifier: `id=${id}` });

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The voucher named by `code`, once its secret number matches; VOUCHER_INVALID for unknown or wrong. */
export async function verifiedVoucher(
  client: CrmcomClient,
  code: string,
  pin: string | undefined,
): Promise<CrmVoucher> {
  // Every CRM.COM voucher here has a secret number: asking for it gives nothing away about the code.
  if (pin === undefined || pin === "") throw new HttpProblem("PIN_REQUIRED");
  const secret = await client.get("voucher", "vouchers/retrieve_secret_number", byNumber(code), SecretNumberData);
  if (!sameSecret(pin.trim(), secret.secret_number)) throw new HttpProblem("VOUCHER_INVALID");
  const voucher = await client.get("voucher", "vouchers/show", byId(secret.id), CrmVoucher);
  return voucher;
}

/** CRM.COM dates: ISO 8601 with `Z`, `±HH:MM` or `±HHMM`; without an offset read as UTC (ASSUMPTION). */
export function crmDate(text: string | null | undefined): Date | null {
  if (!text) return null;
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (!m) throw new HttpProblem("PROVIDER_ERROR", "CRM.COM sent a date we cannot read.");
  const zone = m[2] === undefined ? "Z" : m[2].length === 5 ? `${m[2].slice(0, 3)}:${m[2].slice(3)}` : m[2];
  const ms = Date.parse(`${m[1]}${zone}`);
  if (Number.isNaN(ms)) throw new HttpProblem("PROVIDER_ERROR", "CRM.COM sent a date we cannot read.");
  return new Date(ms);
}

/** The voucher's value in its own currency (the account's where CRM.COM names none, before R14.2). */
export function voucherValue(v: CrmVoucher, account: CrmcomAccount): MinorMoney {
  return readAmount("CRM.COM", v.value, v.currency?.code ?? account.currency);
}

/** How the widget should see the voucher at `now`. */
export function statusOf(v: CrmVoucher, now: number): VoucherStatus {
  if (v.life_cycle_state === "USED") return "redeemed";
  if (v.life_cycle_state !== "ACTIVATED") return "inactive";
  const expires = crmDate(v.expiration_date);
  if (expires && expires.getTime() < now) return "expired";
  const effective = crmDate(v.effective_date);
  return effective && effective.getTime() > now ? "not_yet_valid" : "active";
}

/** Why the voucher cannot be held (or extended) for `amount` now, or null when it can. */
export function holdProblem(
  v: CrmVoucher,
  account: CrmcomAccount,
  amount: MinorMoney,
  now: number,
): HttpProblem | null {
  const status = statusOf(v, now);
  // A used voucher has nothing left: the answer a fully spent stored-value voucher gets elsewhere.
  if (status === "redeemed") return new HttpProblem("INSUFFICIENT_BALANCE", "This voucher has been used.");
  if (status === "expired") return new HttpProblem("VOUCHER_EXPIRED");
  if (status !== "active") return new HttpProblem("VOUCHER_INACTIVE");
  const value = voucherValue(v, account);
  if (value.currency !== amount.currency) return new HttpProblem("CURRENCY_MISMATCH");
  if (amount.minor > value.minor) return new HttpProblem("INSUFFICIENT_BALANCE");
  if (amount.minor < value.minor) {
    return new HttpProblem("PARTIAL_NOT_SUPPORTED", "CRM.COM uses a voucher for its full value only: hold all of it.");
  }
  return null;
}
