/**
 * The classic voucher calls: `PUT /lock-voucher`, `PUT|POST /unlock-voucher`, `POST|PUT /claim-voucher`,
 * `POST|PUT /auth/redeem-voucher`. All form-encoded, all behind an admin session.
 *
 * Documented: lock period 120–3600 s (default 300), `voucher_locked_until` in UTC without offset; unlock
 * for admin/privileged logins; claim turns generated → claimed, which redemption needs; redeem takes
 * `chain_id` (mandatory) and an optional float `amount` (absent = all), and a partial redemption answers a
 * `regenerated_voucher` holding the rest under its own key. ASSUMPTIONS (the docs are silent): a lock is
 * owned by the login that made it; that login may lock again (a new `voucher_locked_until`) and redeem it,
 * other logins get 273 `voucher_locked` until it lapses; a voucher locked with a `voucher_locking_code` can
 * only be redeemed through a basket with that code (documented), so redeem-voucher refuses it; any admin of
 * the chain may unlock; unlocking an unlocked voucher is error 272; the regenerated voucher is `claimed`.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { E, ok, SpaazaError, W } from "./errors.ts";
import { formParams } from "./form.ts";
import { parseAmount, wholeSeconds } from "./format.ts";
import { findVoucher, requireUsable } from "./lookup.ts";
import type { SpaazaState } from "./state.ts";
import { lockView, voucherView } from "./views.ts";

export const LOCK_PERIOD = { min: 120, max: 3600, default: 300 } as const;

export function registerVoucherRoutes(app: FastifyInstance, state: SpaazaState): void {
  app.put("/lock-voucher", async (request) => {
    const params = formParams(request);
    const voucher = findVoucher(state, request.spaazaUser, params.voucherRef());
    const periodText = params.string("voucher_lock_period");
    const period = periodText === undefined ? LOCK_PERIOD.default : Number(periodText);
    if (!/^\d+$/.test(periodText ?? "300") || period < LOCK_PERIOD.min || period > LOCK_PERIOD.max) {
      throw new SpaazaError(E.lockPeriod, "The voucher_lock_period must be between 120 and 3600 seconds.");
    }
    const lockingCode = params.string("voucher_locking_code") ?? null;
    const basketCode = params.string("retailer_basket_code") ?? null;
    requireUsable(state, voucher);
    const lock = state.liveLock(voucher);
    if (lock && lock.userId !== request.spaazaUser.userId) {
      throw new SpaazaError(E.locked, "The voucher is locked by another session.");
    }
    voucher.lock = {
      until: wholeSeconds(state.now()) + period * 1000,
      userId: request.spaazaUser.userId,
      lockingCode,
      basketCode,
    };
    return ok(lockView(state, voucher));
  });

  const unlock = async (request: FastifyRequest) => {
    const voucher = findVoucher(state, request.spaazaUser, formParams(request).voucherRef());
    if (!state.liveLock(voucher)) throw new SpaazaError(E.notLocked, "The voucher is not locked.");
    voucher.lock = null;
    return ok(voucherView(state, voucher, "unlock-voucher"));
  };
  app.put("/unlock-voucher", unlock);
  app.post("/unlock-voucher", unlock);

  const claim = async (request: FastifyRequest) => {
    const params = formParams(request);
    // Vouchers in this simulator have no third-party id, so naming one finds nothing.
    if (params.has("third_party_id") && !params.has("voucher_key") && !params.has("voucher_id")) {
      throw new SpaazaError(E.notFound, "The voucher was not found.");
    }
    const voucher = findVoucher(state, request.spaazaUser, params.voucherRef());
    requireUsable(state, voucher);
    if (voucher.status === "claimed") {
      const warning = { ...W.alreadyClaimed, description: "The voucher had already been claimed." };
      return ok(voucherView(state, voucher, "claim-voucher"), [warning]);
    }
    voucher.status = "claimed";
    return ok(voucherView(state, voucher, "claim-voucher"));
  };
  app.post("/claim-voucher", claim);
  app.put("/claim-voucher", claim);

  const redeem = async (request: FastifyRequest) => {
    const params = formParams(request);
    const ref = params.voucherRef();
    const chainId = params.int("chain_id", true);
    const userId = params.int("user_id");
    const amountText = params.string("amount");
    const cents = amountText === undefined ? undefined : parseAmount(amountText);
    if (cents === null || cents === 0) {
      throw new SpaazaError(E.parameter, "The parameter amount must be a positive number.");
    }
    const voucher = findVoucher(state, request.spaazaUser, ref, chainId);
    requireUsable(state, voucher);
    if (voucher.status === "generated") {
      throw new SpaazaError(E.notClaimed, "The voucher must be claimed before it can be redeemed.");
    }
    const lock = state.liveLock(voucher);
    if (lock && (lock.userId !== request.spaazaUser.userId || lock.lockingCode !== null)) {
      throw new SpaazaError(E.locked, "The voucher is locked and cannot be redeemed by this session.");
    }
    const redeemed = cents ?? voucher.amount;
    if (redeemed > voucher.amount) {
      throw new SpaazaError(E.amountTooHigh, "The amount is higher than the amount available on the voucher.");
    }
    const now = wholeSeconds(state.now());
    let regenerated = null;
    if (redeemed < voucher.amount) {
      regenerated = state.addVoucher({
        chainId: voucher.chainId,
        campaignId: voucher.campaignId,
        campaignTitle: voucher.campaignTitle,
        status: "claimed",
        amount: voucher.amount - redeemed,
        currencyId: voucher.currencyId,
        expiresAt: voucher.expiresAt,
        userId: voucher.userId,
        parentId: voucher.id,
      });
      voucher.regeneratedId = regenerated.id;
    }
    Object.assign(voucher, {
      status: "redeemed",
      amount: redeemed,
      amountRedeemed: redeemed,
      redeemedAt: now,
      lock: null,
      userId: voucher.userId ?? userId ?? null,
    });
    return ok({
      ...voucherView(state, voucher, "redeem-voucher"),
      redeeming_basket: [],
      regenerated_voucher: regenerated ? voucherView(state, regenerated) : null,
    });
  };
  app.post("/auth/redeem-voucher", redeem);
  app.put("/auth/redeem-voucher", redeem);
}
