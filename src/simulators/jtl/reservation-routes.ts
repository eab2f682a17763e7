/**
 * `POST /v1/reservations` and `POST /v1/reservations/{id}/charge`.
 *
 * Documented: a reservation checks code, PIN, currency and balance, lasts 30 minutes, and is replaced when
 * a new one is requested for the same voucher. ASSUMPTIONS (not public): the business error codes, the
 * order of the checks (PIN before anything that would reveal the voucher's state), that a PIN sent for a
 * voucher without one is ignored, and that open reservations do not lower `remaining_amount`.
 */
import type { FastifyInstance } from "fastify";
import { sameSecret } from "./auth.ts";
import { JtlError, notFound, ruleBroken } from "./errors.ts";
import { newId, toCents, wholeSeconds } from "./format.ts";
import type { JtlState, ReservationRecord } from "./state.ts";
import { BodyCheck } from "./validate.ts";
import { chargeView, reservationView } from "./views.ts";

/** Fixed by JTL; not configurable through the API. */
export const RESERVATION_TTL_MS = 30 * 60 * 1000;

const CREATE = "RESERVATION.CREATE";
const CHARGE = "RESERVATION.CHARGE";

export function registerReservationRoutes(app: FastifyInstance, state: JtlState): void {
  app.post("/v1/reservations", { config: { scope: "use" } }, async (request) => {
    const check = new BodyCheck(CREATE, request.body);
    const amount = check.amount("amount", 1);
    const currency = check.currency("currency");
    const code = check.string("code", { required: true, max: 255 });
    const pin = check.string("pin", { max: 255 });
    check.done();

    const voucher = state.findByCode(code!);
    if (!voucher) throw notFound("VOUCHER");
    if (voucher.pin !== null) {
      if (pin === undefined) throw ruleBroken(CREATE, "pin", "required", "The pin field is required for this voucher.");
      if (!sameSecret(pin, voucher.pin)) throw ruleBroken(CREATE, "pin", "invalid", "The pin is invalid.");
    }
    if (voucher.status !== "active") throw ruleBroken(CREATE, "voucher", "inactive", "The voucher is not active.");
    if (state.isExpired(voucher)) throw ruleBroken(CREATE, "voucher", "expired", "The voucher has expired.");
    if (currency !== voucher.currency) {
      throw ruleBroken(CREATE, "currency", "match", "The currency must match the currency of the voucher.");
    }
    const cents = toCents(amount!);
    if (cents > state.remaining(voucher)) {
      throw ruleBroken(CREATE, "amount", "insufficient_balance", "The voucher balance is not sufficient.");
    }

    const now = wholeSeconds(state.now());
    for (const previous of state.reservations.values()) {
      if (previous.voucher_id === voucher.id && previous.state === "open") {
        previous.state = "replaced";
        previous.updated_at = now;
      }
    }
    const reservation: ReservationRecord = {
      id: newId(),
      voucher_id: voucher.id,
      client_id: request.jtlClientId,
      amount: cents,
      valid_until: now + RESERVATION_TTL_MS,
      state: "open",
      created_at: now,
      updated_at: now,
    };
    state.reservations.set(reservation.id, reservation);
    return reservationView(state, reservation);
  });

  app.post<{ Params: { id: string } }>("/v1/reservations/:id/charge", { config: { scope: "use" } }, async (request) => {
    const reservation = state.reservations.get(request.params.id);
    if (!reservation) throw notFound("RESERVATION");
    const check = new BodyCheck(CHARGE, request.body);
    const orderNumber = check.string("order_number", { required: true, max: 255 });
    check.done();

    if (reservation.state === "charged") {
      throw new JtlError(422, `${CHARGE}.ALREADY_CHARGED`, "The reservation has already been charged.");
    }
    if (reservation.state === "replaced") {
      throw new JtlError(422, `${CHARGE}.REPLACED`, "The reservation was replaced by a newer one.");
    }
    if (state.now() > reservation.valid_until) {
      throw new JtlError(422, `${CHARGE}.EXPIRED`, "The reservation has expired.");
    }
    const voucher = state.vouchers.get(reservation.voucher_id);
    if (!voucher) throw notFound("VOUCHER");
    if (voucher.status !== "active") throw ruleBroken(CHARGE, "voucher", "inactive", "The voucher is not active.");
    if (state.isExpired(voucher)) throw ruleBroken(CHARGE, "voucher", "expired", "The voucher has expired.");
    if (reservation.amount > state.remaining(voucher)) {
      throw ruleBroken(CHARGE, "amount", "insufficient_balance", "The voucher balance is not sufficient.");
    }
    const charge = state.addCharge(voucher, "charge", reservation.amount, orderNumber!, null, request.jtlClientId);
    reservation.state = "charged";
    reservation.updated_at = charge.created_at;
    return chargeView(charge);
  });
}
