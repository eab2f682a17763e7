/**
 * `POST /v1/charges/{id}/refund`: partial refunds of one charge, never more than what is left of it.
 * Documented: amount ≥ 0.01 and "less than the Charge Amount"; we read that as "at most what is left",
 * so a full refund is possible. ASSUMPTIONS (not public): error codes, that a refund keeps the charge's
 * `order_number`, and that only `type: "charge"` entries can be refunded.
 */
import type { FastifyInstance } from "fastify";
import { JtlError, notFound, ruleBroken } from "./errors.ts";
import { toCents } from "./format.ts";
import type { JtlState } from "./state.ts";
import { BodyCheck } from "./validate.ts";
import { chargeView } from "./views.ts";

const REFUND = "CHARGE.REFUND";

export function registerChargeRoutes(app: FastifyInstance, state: JtlState): void {
  app.post<{ Params: { id: string } }>("/v1/charges/:id/refund", { config: { scope: "use" } }, async (request) => {
    const charge = state.charges.get(request.params.id);
    if (!charge) throw notFound("CHARGE");
    const check = new BodyCheck(REFUND, request.body);
    const amount = check.amount("amount", 1);
    const currency = check.currency("currency");
    check.done();

    if (charge.type !== "charge") throw new JtlError(422, `${REFUND}.NOT_A_CHARGE`, "Only charges can be refunded.");
    const voucher = state.vouchers.get(charge.voucher_id);
    if (!voucher) throw notFound("VOUCHER");
    if (currency !== voucher.currency) {
      throw ruleBroken(REFUND, "currency", "match", "The currency must match the currency of the voucher.");
    }
    const cents = toCents(amount!);
    if (cents > state.refundable(charge)) {
      throw ruleBroken(
        REFUND,
        "amount",
        "max_refundable",
        "The amount may not be greater than what is left of the charge.",
      );
    }
    const refund = state.addCharge(voucher, "refund", cents, charge.order_number, charge.id, request.jtlClientId);
    return chargeView(refund);
  });
}
