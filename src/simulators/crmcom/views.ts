/** The voucher as CRM.COM returns it (`vouchers/show`, `vouchers/use`, `purchase_evoucher`). */
import { crmDate } from "./dates.ts";
import type { CrmState, VoucherRecord } from "./state.ts";

/** CRM.COM `value` is a JSON Number: 2500 cents → 25 (written `25`), 1053 → 10.53. */
export function amount(cents: number): number {
  const text = String(cents).padStart(3, "0");
  return Number(`${text.slice(0, -2)}.${text.slice(-2)}`);
}

function accountShort(state: CrmState, id: string | null) {
  const ar = id ? state.accounts.get(id) : undefined;
  return ar ? { id: ar.id, number: ar.number, name: ar.name } : null;
}

/**
 * The documented voucher fields. ASSUMPTIONS where the pages list a field but not its inner shape:
 * `type` carries {id, name, alternative_code, value_options, classification}, `currency` {code},
 * `payment` {id, number}, `log_information` {created_date, updated_date}.
 */
export function voucherView(state: CrmState, v: VoucherRecord) {
  const type = state.types.get(v.typeId)!;
  return {
    id: v.id,
    number: v.number,
    description: v.description,
    value: amount(v.value),
    extra_added_value: 0,
    effective_date: crmDate(v.effectiveDate),
    expiration_date: crmDate(v.expirationDate),
    life_cycle_state: v.state,
    cancellation_reason: v.cancellationReason,
    purchased_by: accountShort(state, v.purchasedBy),
    sold_by: null,
    purchased_for: null,
    type: {
      id: type.id,
      name: type.name,
      alternative_code: type.alternative_code,
      value_options: type.value_options,
      classification: type.classification,
    },
    lot: null,
    payment: v.payment,
    refund: null,
    log_information: { created_date: crmDate(v.createdAt), updated_date: crmDate(v.updatedAt) },
    currency: { code: v.currency },
    products_set: [],
  };
}
