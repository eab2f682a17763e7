/** JSON shapes of JTL resources, as in the documented samples (amount strings, RFC3339 times). */
import { fromCents, rfc3339 } from "./format.ts";
import type { ChargeRecord, JtlState, ReservationRecord, VoucherRecord } from "./state.ts";

const time = (ms: number | null) => (ms === null ? null : rfc3339(ms));

/** A voucher; `code` and `pin` only with `secrets` (the `/complete` endpoint, scope `read-secrets`). */
export function voucherView(state: JtlState, v: VoucherRecord, secrets = false) {
  return {
    id: v.id,
    client_id: v.client_id,
    ...(secrets ? { code: v.code, pin: v.pin } : {}),
    sku: v.sku,
    batch: v.batch,
    amount: fromCents(v.amount),
    currency: v.currency,
    valid_until: time(v.valid_until),
    validity_value: v.validity_value,
    validity_interval: v.validity_interval,
    status: v.status,
    type: "digital",
    taxable: v.taxable,
    tax_rate: v.tax_rate,
    order_number: v.order_number,
    data: v.data,
    created_at: rfc3339(v.created_at),
    updated_at: rfc3339(v.updated_at),
    remaining_amount: fromCents(state.remaining(v)),
    deletable: state.chargesOf(v.id).length === 0,
  };
}

export function reservationView(state: JtlState, r: ReservationRecord) {
  const voucher = state.vouchers.get(r.voucher_id);
  return {
    id: r.id,
    voucher_id: r.voucher_id,
    voucher_taxable: voucher?.taxable ?? false,
    voucher_tax_rate: voucher?.tax_rate ?? null,
    client_id: r.client_id,
    amount: fromCents(r.amount),
    valid_until: rfc3339(r.valid_until),
    created_at: rfc3339(r.created_at),
    updated_at: rfc3339(r.updated_at),
  };
}

export function chargeView(c: ChargeRecord) {
  return {
    id: c.id,
    voucher_id: c.voucher_id,
    client_id: c.client_id,
    type: c.type,
    amount: fromCents(c.amount),
    order_number: c.order_number,
    created_at: rfc3339(c.created_at),
    updated_at: rfc3339(c.updated_at),
  };
}
