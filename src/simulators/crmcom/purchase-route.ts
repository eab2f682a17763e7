/**
 * `POST vouchers/purchase_evoucher` (R14+, with R17/R18 parameters): one Electronic Payment Voucher per
 * call, paid from a wallet or posted against the purchaser's accounts receivable. `voucher_value` is
 * required for types with VARIABLE value options and refused for FIXED ones; exactly one of
 * `purchased_by_identifier` / `rewards_participant_identifier` must be given (rewards participants are not
 * simulated: none is found). The answer is the new voucher, ACTIVATED; its secret number is read through
 * `retrieve_secret_number`.
 */
import type { FastifyInstance } from "fastify";
import { requireToken } from "./auth.ts";
import { CrmError, invalid, missing, ok } from "./envelope.ts";
import { bodyIdentifier, bodyParams, fieldsSet, onlyKnown, pick, stringParam } from "./params.ts";
import type { CrmState } from "./state.ts";
import { voucherView } from "./views.ts";

const UDFS = [
  ...Array.from({ length: 8 }, (_, i) => `udf_string_${i + 1}`),
  ...Array.from({ length: 4 }, (_, i) => `udf_float_${i + 1}`),
  ...Array.from({ length: 4 }, (_, i) => `udf_date_${i + 1}`),
];
const AR_ONLY = [
  "payment_type_identifier",
  "payment_category_identifier",
  "payment_method_identifier",
  "card_identifier",
  "accounts_receivable_payment_preference_identifier",
];
const ALLOWED = [
  "token",
  "type_identifier",
  "sold_by_unit_identifier",
  "sold_by_business_unit_identifier",
  "use_funds_from",
  "wallet_identifier",
  "rewards_participant_identifier",
  "purchased_by_identifier",
  "accounts_receivable_identifier",
  "voucher_value",
  ...AR_ONLY,
  "payment_notes",
  "back_office_code",
  "description",
  "fields_set",
  ...UDFS,
];
const UNITS = ["DEMO-SHOP"];

/** A positive Number with at most two decimals → cents. */
function valueCents(raw: unknown): number {
  const m = typeof raw === "number" && raw > 0 ? /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(String(raw)) : null;
  if (!m) throw invalid("voucher_value", "A positive number with at most two decimals is expected.");
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

export function registerPurchaseRoute(app: FastifyInstance, state: CrmState): void {
  app.post("/crmapi/rest/v2/vouchers/purchase_evoucher", async (request) => {
    const params = bodyParams(request);
    onlyKnown(params, ALLOWED);
    requireToken(state, params.token);

    const typeId = bodyIdentifier(params, "type_identifier", ["id", "name", "alternative_code"], true);
    const type = [...state.types.values()].find((t) => t[typeId.field as "id"] === typeId.value);
    if (!type) throw new CrmError("NOT_FOUND", "The voucher type was not found.");
    if (type.classification !== "ELECTRONIC_PAYMENT_VOUCHER") {
      throw new CrmError("INVALID_VOUCHER_TYPE", "Only voucher types of Electronic Payment Voucher can be purchased.");
    }

    const funds = stringParam(params, "use_funds_from", true);
    if (funds !== "WALLET" && funds !== "ACCOUNTS_RECEIVABLE") {
      throw invalid("use_funds_from", "Allowed options: WALLET, ACCOUNTS_RECEIVABLE.");
    }
    const purchaser = bodyIdentifier(params, "purchased_by_identifier", ["id", "number", "name"]);
    const participant = bodyIdentifier(params, "rewards_participant_identifier", ["id", "number"]);
    if (!purchaser && !participant) missingOneOf();
    if (purchaser && participant) {
      throw invalid("purchased_by_identifier", "Only one of purchased_by_identifier, rewards_participant_identifier.");
    }
    if (participant) throw new CrmError("NOT_FOUND", "The rewards participant was not found.");
    const findAr = (id: { field: string; value: string }) =>
      [...state.accounts.values()].find((a) => a[id.field as "id"] === id.value);
    const buyer = findAr(purchaser!);
    if (!buyer) throw new CrmError("NOT_FOUND", "The accounts receivable was not found.");
    const user = bodyIdentifier(params, "accounts_receivable_identifier", ["id", "number", "name"]);
    if (user && !findAr(user)) throw new CrmError("NOT_FOUND", "The accounts receivable was not found.");

    const walletId = bodyIdentifier(params, "wallet_identifier", ["id", "number"]);
    if (funds === "ACCOUNTS_RECEIVABLE" && walletId) {
      throw invalid("wallet_identifier", "Applicable only if use_funds_from is WALLET.");
    }
    for (const name of AR_ONLY) {
      if (funds === "WALLET" && params[name] !== undefined)
        throw invalid(name, "Applicable only with ACCOUNTS_RECEIVABLE.");
      bodyIdentifier(params, name, ["id", "name", "code", "number"]);
    }

    const units = ["sold_by_unit_identifier", "sold_by_business_unit_identifier"] as const;
    if (units.every((u) => params[u] !== undefined)) throw invalid(units[1], "Give one unit identifier.");
    for (const u of units) {
      const unit = bodyIdentifier(params, u, ["id", "name", "alternative_code"]);
      if (unit && !UNITS.includes(unit.value)) throw new CrmError("NOT_FOUND", "The unit was not found.");
    }

    let cents: number;
    if (type.value_options === "VARIABLE") {
      if (params.voucher_value === undefined || params.voucher_value === null) throw missing("voucher_value");
      cents = valueCents(params.voucher_value);
    } else {
      if (params.voucher_value !== undefined)
        throw invalid("voucher_value", "Applicable only to Variable value types.");
      cents = type.fixedValue!;
    }
    const backOffice = stringParam(params, "back_office_code");
    if (backOffice !== undefined && state.backOfficeCodes.has(backOffice)) {
      throw new CrmError("DUPLICATE_BACK_OFFICE_CODE", "The back office code must be unique.");
    }
    for (const name of ["payment_notes", "description", ...UDFS.filter((u) => !u.startsWith("udf_float"))]) {
      stringParam(params, name);
    }
    for (const name of UDFS.filter((u) => u.startsWith("udf_float"))) {
      if (params[name] !== undefined && typeof params[name] !== "number") throw invalid(name, "A number is expected.");
    }

    if (funds === "WALLET") {
      const wallet = walletId
        ? [...state.accounts.values()].map((a) => a.wallet).find((w) => w?.[walletId.field as "id"] === walletId.value)
        : buyer.wallet;
      if (!wallet) throw new CrmError("NOT_FOUND", "The wallet was not found.");
      const balance = state.walletBalances.get(wallet.id) ?? 0;
      if (balance < cents) throw new CrmError("INSUFFICIENT_FUNDS", "The wallet does not have enough funds.");
      state.walletBalances.set(wallet.id, balance - cents);
    }
    if (backOffice !== undefined) state.backOfficeCodes.add(backOffice);
    const voucher = state.addVoucher({
      value: cents,
      type,
      description: stringParam(params, "description") ?? null,
      purchasedBy: buyer.id,
    });
    return ok(pick(voucherView(state, voucher), fieldsSet(params)));
  });
}

function missingOneOf(): never {
  throw new CrmError(
    "MISSING_PARAMETER",
    "One of purchased_by_identifier, rewards_participant_identifier is mandatory.",
  );
}
