/**
 * Creating a hold: record a pending hold (the database refuses a second live hold on the voucher),
 * commit, ask the provider, then activate it. No transaction stays open across the provider call.
 */
import { type HoldRequest, type HoldResponse, maskCode, normalizeCode } from "../../shared/index.ts";
import { HttpProblem, isHttpProblem } from "../errors/http-problem.ts";
import type { UpstreamHold } from "../providers/port.ts";
import { isUniqueViolation } from "../store/db.ts";
import { findHoldById, type HoldRow, insertPendingHold, ONE_LIVE_HOLD_INDEX, updateHold } from "../store/holds-repo.ts";
import { setKeyResource } from "../store/idempotency-repo.ts";
import { appendJournal } from "../store/journal.ts";
import { underAttemptLimits } from "./attempts.ts";
import {
  accountMinor,
  after,
  type Deps,
  holdTtl,
  newId,
  requireAbility,
  sealHoldSecrets,
  voucherHmac,
} from "./context.ts";
import { expireVoucherHolds } from "./hold-expiry.ts";
import { holdBody } from "./hold-view.ts";
import { runIdempotent } from "./idempotency.ts";
import type { RequestContext, StoredOutcome } from "./types.ts";

/** POST /holds. */
export async function createHold(
  deps: Deps,
  ctx: RequestContext,
  req: HoldRequest,
  key: string,
): Promise<StoredOutcome<HoldResponse>> {
  requireAbility(ctx, "redeem");
  const { adapter, id: accountId } = ctx.account;
  if (!adapter.capabilities.hold)
    throw new HttpProblem("NOT_SUPPORTED", "This voucher provider does not support holds.");
  const amountMinor = accountMinor(ctx, req.amount);
  const ttlSeconds = holdTtl(adapter.capabilities, req.ttlSeconds);
  const keptBy = adapter.capabilities.holdKeptBy ?? "service";

  return runIdempotent(deps, { ctx, key, route: "createHold", body: req }, async (handle) => {
    if (handle.resourceId) {
      const earlier = await resumeEarlierAttempt(deps, handle.resourceId);
      if (earlier) return { status: 201, body: { hold: holdBody(earlier, deps.now()) } };
    }
    const code = normalizeCode(req.code);
    const hmac = voucherHmac(deps, accountId, code);
    const id = newId("hold");
    const amount = { minor: amountMinor, currency: ctx.account.currency };
    const upstream = await underAttemptLimits(deps, ctx, hmac, async () => {
      const now = deps.now();
      await deps.db.transaction(async (tx) => {
        await expireVoucherHolds(tx, accountId, hmac, now);
        try {
          await insertPendingHold(tx, {
            id,
            accountId,
            terminalId: ctx.terminalId,
            voucherHmac: hmac,
            maskedCode: maskCode(code),
            amountMinor,
            currency: amount.currency,
            keptBy,
            expiresAt: after(now, deps.pendingHoldMs),
            secrets: sealHoldSecrets(deps, id, { code, ...(req.pin !== undefined ? { pin: req.pin } : {}) }),
            now,
          });
          await setKeyResource(tx, accountId, key, id);
        } catch (error) {
          if (isUniqueViolation(error, ONE_LIVE_HOLD_INDEX)) {
            throw new HttpProblem("VOUCHER_HELD", "This voucher is already held by another sale.");
          }
          throw error;
        }
      });
      try {
        return await adapter.hold({ code, ...(req.pin !== undefined ? { pin: req.pin } : {}), amount, ttlSeconds });
      } catch (error) {
        await deps.db.transaction((tx) => updateHold(tx, id, ["pending"], { state: "failed" }, deps.now()));
        if (isHttpProblem(error) && error.outcomeUnknown) {
          // A reservation may exist upstream without our knowing its id; it lapses at the provider's expiry.
          deps.logger.warn({ holdId: id, code: error.code }, "hold outcome unknown; marked failed");
        }
        throw error;
      }
    });
    const hold = await activate(deps, ctx, id, upstream);
    return { status: 201, body: { hold: holdBody(hold, deps.now()) } };
  });
}

/**
 * An earlier request under this key died (its lease ran out). If its hold became active, that is the
 * answer; if it was still pending, its provider call never reported back: retire it so this attempt can
 * hold the voucher again (a reservation it may have left upstream is replaced or lapses by itself).
 */
async function resumeEarlierAttempt(deps: Deps, holdId: string): Promise<HoldRow | null> {
  return deps.db.transaction(async (tx) => {
    const hold = await findHoldById(tx, holdId);
    if (hold?.state === "active") return hold;
    if (hold?.state === "pending") await updateHold(tx, holdId, ["pending"], { state: "failed" }, deps.now());
    return null;
  });
}

async function activate(deps: Deps, ctx: RequestContext, id: string, upstream: UpstreamHold) {
  const now = deps.now();
  const hold = await deps.db.transaction(async (tx) => {
    const row = await updateHold(
      tx,
      id,
      ["pending"],
      {
        state: "active",
        reservationId: upstream.reservationId,
        voucherRef: upstream.voucherId ?? null,
        balanceMinor: upstream.balance?.minor ?? null,
        balanceCurrency: upstream.balance?.currency ?? null,
        expiresAt: upstream.expiresAt,
      },
      now,
    );
    if (row) {
      await appendJournal(tx, {
        at: now,
        accountId: ctx.account.id,
        terminalId: ctx.terminalId,
        event: "hold_created",
        holdId: id,
        amountMinor: row.amountMinor,
        currency: row.currency,
        detail: { maskedCode: row.maskedCode, reservationId: upstream.reservationId, expiresAt: upstream.expiresAt },
      });
    }
    return row;
  });
  if (!hold) {
    // The pending row outlived its grace (the provider took longer than pendingHoldMs) and was swept.
    deps.logger.warn({ holdId: id }, "provider answered a hold after its pending row was swept");
    throw new HttpProblem("PROVIDER_UNAVAILABLE", "The voucher provider answered too late. Please try again.");
  }
  return hold;
}
