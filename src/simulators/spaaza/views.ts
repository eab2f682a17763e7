/**
 * JSON shapes of vouchers. The classic calls answer the `voucher_*` fields of the documented samples
 * (lock-, unlock-, redeem-voucher); the Resources API answers the resource itself with unprefixed names.
 * ASSUMPTIONS: `voucher_locked_until` is present (null) on unlocked vouchers too; the resource's property
 * names beyond `amount`, `amount_redeemed`, `status` and `type` (documented) mirror the classic ones.
 */
import { currencies } from "./demo-data.ts";
import { isoTime, spaazaTime, toAmount } from "./format.ts";
import type { SpaazaState, VoucherRecord } from "./state.ts";

const symbolOf = (currencyId: number) => currencies.find((c) => c.id === currencyId)?.symbol ?? null;

/** The voucher as the classic API shows it. */
export function voucherView(state: SpaazaState, v: VoucherRecord, resultType?: string) {
  const lock = state.liveLock(v);
  const secondsLeft = v.expiresAt === null ? null : Math.max(0, Math.floor((v.expiresAt - state.now()) / 1000));
  const parent = v.parentId === null ? undefined : state.vouchers.get(v.parentId);
  return {
    voucher_key: v.key,
    voucher_id: v.id,
    voucher_created_datetime: isoTime(v.createdAt),
    voucher_type: "basket",
    voucher_status: v.status,
    voucher_locked: lock !== null,
    voucher_locked_until: lock ? spaazaTime(lock.until) : null,
    campaign_id: v.campaignId,
    campaign_type: "wallet",
    campaign_title: v.campaignTitle,
    voucher_expiry_datetime_utc: v.expiresAt === null ? null : spaazaTime(v.expiresAt),
    voucher_expiry_seconds_remaining: secondsLeft,
    voucher_redeemed_datetime: v.redeemedAt === null ? null : isoTime(v.redeemedAt),
    parent_voucher: parent ? { voucher_id: parent.id, voucher_key: parent.key } : null,
    voucher_text: null,
    voucher_honour_code: "",
    voucher_currency_id: v.currencyId,
    voucher_currency_symbol: symbolOf(v.currencyId),
    voucher_amount_original: toAmount(v.amountOriginal),
    voucher_amount_redeemed: v.amountRedeemed === null ? null : toAmount(v.amountRedeemed),
    voucher_amount: toAmount(v.amount),
    user_id: v.userId,
    user_entity_card: null,
    ...(resultType ? { result_type: resultType } : {}),
  };
}

/** The lock-voucher answer: the voucher plus what the lock was made with. */
export function lockView(state: SpaazaState, v: VoucherRecord) {
  const lock = state.liveLock(v);
  return {
    ...voucherView(state, v),
    voucher_locking_code: lock?.lockingCode ?? null,
    voucher_retailer_basket_code_exclusive: lock?.basketCode ?? null,
    result_type: "lock-voucher",
  };
}

/** The Voucher resource of the Resources API (`GET /resources/voucher…`). */
export function resourceView(state: SpaazaState, v: VoucherRecord) {
  const lock = state.liveLock(v);
  return {
    id: v.id,
    key: v.key,
    type: "basket",
    status: v.status,
    chain_id: v.chainId,
    campaign_id: v.campaignId,
    currency_id: v.currencyId,
    amount: toAmount(v.amount),
    amount_original: toAmount(v.amountOriginal),
    amount_redeemed: v.amountRedeemed === null ? null : toAmount(v.amountRedeemed),
    expiry_datetime_utc: v.expiresAt === null ? null : spaazaTime(v.expiresAt),
    locked: lock !== null,
    locked_until: lock ? spaazaTime(lock.until) : null,
    parent_voucher_id: v.parentId,
    user_id: v.userId,
    created_datetime: isoTime(v.createdAt),
  };
}
