/**
 * The voucher methods the widget needs: `GET vouchers/show`, `GET vouchers/retrieve_secret_number` (R5+)
 * and `POST vouchers/use` (one voucher per call, its full value: partial use is not documented).
 *
 * ASSUMPTION: the `vouchers/use` pages list no voucher identifier, only `secret_number` ("mandatory on
 * conditions"). We require the secret number for every simulated type and also take `voucher_identifier`
 * ({id} or {number}); given both, they must name the same voucher. Without it the secret number alone
 * identifies the voucher.
 */
import type { FastifyInstance } from "fastify";
import { requireToken } from "./auth.ts";
import { CrmError, ok } from "./envelope.ts";
import {
  bodyIdentifier,
  bodyParams,
  fieldsSet,
  onlyKnown,
  pick,
  queryIdentifier,
  queryParams,
  stringParam,
} from "./params.ts";
import type { CrmState, VoucherRecord } from "./state.ts";
import { voucherView } from "./views.ts";

const BASE = "/crmapi/rest/v2/vouchers";
const VOUCHER_FIELDS = ["id", "number"] as const;

const notFound = () => new CrmError("NOT_FOUND", "The voucher was not found.");

/** GET parameters of show / retrieve_secret_number: the token checked first, then the voucher found. */
function voucherFromQuery(state: CrmState, params: Record<string, unknown>): VoucherRecord {
  onlyKnown(params, ["token", "voucher_identifier", "fields_set"]);
  requireToken(state, params.token);
  const id = queryIdentifier(params, "voucher_identifier", VOUCHER_FIELDS);
  const voucher = state.findVoucher(id.field, id.value);
  if (!voucher) throw notFound();
  return voucher;
}

/** Why a voucher cannot be used now, or null when it can. */
export function unusable(state: CrmState, v: VoucherRecord): CrmError | null {
  if (v.state !== "ACTIVATED") {
    return new CrmError("INVALID_LIFE_CYCLE_STATE", `The voucher is ${v.state} and cannot be used.`);
  }
  if (v.effectiveDate > state.now()) return new CrmError("VOUCHER_NOT_EFFECTIVE", "The voucher is not yet effective.");
  if (v.expirationDate !== null && v.expirationDate < state.now()) {
    return new CrmError("VOUCHER_EXPIRED", "The voucher has expired.");
  }
  return null;
}

export function registerVoucherRoutes(app: FastifyInstance, state: CrmState): void {
  app.get(`${BASE}/show`, async (request) => {
    const params = queryParams(request);
    const voucher = voucherFromQuery(state, params);
    return ok(pick(voucherView(state, voucher), fieldsSet(params)));
  });

  app.get(`${BASE}/retrieve_secret_number`, async (request) => {
    const params = queryParams(request);
    const voucher = voucherFromQuery(state, params);
    return ok(pick({ id: voucher.id, secret_number: voucher.secretNumber }, fieldsSet(params)));
  });

  app.post(`${BASE}/use`, async (request) => {
    const params = bodyParams(request);
    onlyKnown(params, [
      "token",
      "voucher_identifier",
      "secret_number",
      "accounts_receivable_identifier",
      "customer_identification_medium_value",
      "payment_category_identifier",
      "notes",
      "fields_set",
    ]);
    requireToken(state, params.token);
    const id = bodyIdentifier(params, "voucher_identifier", VOUCHER_FIELDS);
    const secret = stringParam(params, "secret_number", true);
    const ar = bodyIdentifier(params, "accounts_receivable_identifier", ["id", "number"]);
    if (ar && ![...state.accounts.values()].some((a) => (ar.field === "id" ? a.id : a.number) === ar.value)) {
      throw new CrmError("NOT_FOUND", "The accounts receivable was not found.");
    }
    bodyIdentifier(params, "payment_category_identifier", ["id", "name", "code"]);
    stringParam(params, "customer_identification_medium_value");
    stringParam(params, "notes");

    let voucher: VoucherRecord | undefined;
    if (id) {
      voucher = state.findVoucher(id.field, id.value);
      if (!voucher) throw notFound();
    } else {
      voucher = [...state.vouchers.values()].find((v) => v.secretNumber === secret);
    }
    if (!voucher || voucher.secretNumber !== secret) {
      throw new CrmError("INVALID_SECRET_NUMBER", "The secret number is not valid.");
    }
    const problem = unusable(state, voucher);
    if (problem) throw problem;
    state.use(voucher);
    return ok(pick(voucherView(state, voucher), fieldsSet(params)));
  });
}
