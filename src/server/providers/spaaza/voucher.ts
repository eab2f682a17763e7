/**
 * Spaaza vouchers as the adapter reasons about them: the key a person scans (64 hex characters), the
 * currency mapped through the account's configuration, amounts in minor units, times as Dates.
 */
import type { VoucherStatus } from "../../../shared/index.ts";
import { HttpProblem } from "../../errors/http-problem.ts";
import type { SpaazaAccount } from "./account.schema.ts";
import { fromSpaazaAmount, fromSpaazaTime } from "./amount.ts";
import type { ClassicVoucher, ResourceVoucher } from "./schemas.ts";

export interface SpaazaVoucher {
  id: string;
  key: string;
  /** Spaaza's own: generated | claimed | redeemed. */
  status: string;
  /** What can still be redeemed of this voucher, in minor units (0 once redeemed). */
  balance: number;
  amountRedeemed: number | null;
  currency: string;
  expiresAt: Date | null;
  /** Set while a lock lasts. */
  lockedUntil: Date | null;
}

/**
 * The voucher key in what a person typed or scanned, or null. The BFF hands codes over upper-cased and
 * without spaces or dashes; Spaaza's keys are lower-case hex. Numeric voucher ids are not accepted as codes:
 * they are sequential, so anyone could walk through them.
 */
export function voucherKey(code: string): string | null {
  const key = code.replace(/[\s\-_]+/g, "").toLowerCase();
  return /^[0-9a-f]{64}$/.test(key) ? key : null;
}

/** The account's ISO code for a Spaaza currency id; CURRENCY_MISMATCH for any other currency. */
export function currencyOf(account: SpaazaAccount, currencyId: number): string {
  const iso = account.currencyIds[String(currencyId)];
  if (iso !== account.currency) {
    throw new HttpProblem("CURRENCY_MISMATCH", `This voucher is not in ${account.currency}.`);
  }
  return iso;
}

const time = (text: string | null | undefined) => (text ? fromSpaazaTime(text) : null);

/** From the Resources API's voucher. Only basket (money) vouchers carry a balance we can hold. */
export function fromResource(account: SpaazaAccount, r: ResourceVoucher): SpaazaVoucher {
  if (r.type !== undefined && r.type !== "basket") {
    throw new HttpProblem("NOT_SUPPORTED", "Only Spaaza basket (money) vouchers can be used here.");
  }
  const currency = currencyOf(account, r.currency_id);
  const amount = fromSpaazaAmount(r.amount ?? 0, currency);
  return {
    id: String(r.id),
    key: r.key,
    status: r.status,
    balance: r.status === "redeemed" ? 0 : amount,
    amountRedeemed: r.amount_redeemed == null ? null : fromSpaazaAmount(r.amount_redeemed, currency),
    currency,
    expiresAt: time(r.expiry_datetime_utc),
    lockedUntil: r.locked === false ? null : time(r.locked_until),
  };
}

/** From a classic call's voucher (lock, redeem, regenerated). */
export function fromClassic(account: SpaazaAccount, v: ClassicVoucher): SpaazaVoucher {
  const currency = currencyOf(account, v.voucher_currency_id);
  return {
    id: String(v.voucher_id),
    key: v.voucher_key,
    status: v.voucher_status,
    balance: v.voucher_status === "redeemed" ? 0 : fromSpaazaAmount(v.voucher_amount, currency),
    amountRedeemed: v.voucher_amount_redeemed == null ? null : fromSpaazaAmount(v.voucher_amount_redeemed, currency),
    currency,
    expiresAt: null,
    lockedUntil: v.voucher_locked === false ? null : time(v.voucher_locked_until),
  };
}

/** The status a check reports; a generated voucher counts as active (we claim it when redeeming). */
export function statusOf(voucher: SpaazaVoucher, now: number): VoucherStatus {
  if (voucher.status === "redeemed") return "redeemed";
  if (voucher.expiresAt && voucher.expiresAt.getTime() <= now) return "expired";
  if (voucher.lockedUntil && voucher.lockedUntil.getTime() > now) return "held";
  return "active";
}
