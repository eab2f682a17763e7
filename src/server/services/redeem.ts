/**
 * Redeeming a hold, exactly once. The redemption is journalled as pending and the hold moved to
 * `redeeming` with the key's claim, all or nothing (one statement for a new key on an active hold, else a
 * transaction), before the provider is called. When the provider's answer is lost, the
 * provider is asked what happened before anything else; if even that fails, the redemption stays pending
 * and a retry with the same key (or the reconciler) settles it first, so money never moves twice.
 */
import type { RedeemRequest, RedemptionResponse } from "../../shared/index.ts";
import { HttpProblem, isHttpProblem } from "../errors/http-problem.ts";
import type { HeldVoucher, UpstreamRedemption } from "../providers/port.ts";
import type { Transaction } from "../store/db.ts";
import { findHold, type HoldRow, moveHold } from "../store/holds-repo.ts";
import { appendJournal } from "../store/journal.ts";
import {
  claimKeyAndStartRedemption,
  findRedemption,
  insertPendingRedemption,
  type RedemptionRow,
  type StartingRedemption,
} from "../store/redemptions-repo.ts";
import { after, type Deps, heldVoucher, newId, requireAbility, transactionThenProblem } from "./context.ts";
import { expireHold } from "./hold-expiry.ts";
import { notActive } from "./hold-lifecycle.ts";
import { redemptionBody } from "./hold-view.ts";
import { type KeyHandle, runIdempotent, type WorkResult } from "./idempotency.ts";
import { settlePending } from "./reconcile.ts";
import { asCommitted, commitPendingIn, failPending } from "./redemption-outcome.ts";
import type { RequestContext, StoredOutcome } from "./types.ts";

/**
 * The answer a caller gets when the outcome is unknown and the provider cannot tell yet: retry with the
 * same key after `retryAfterSeconds` (the rest of the settle grace, or the provider's own hint).
 */
export const stillPending = (retryAfterSeconds: number) =>
  new HttpProblem(
    "PROVIDER_UNAVAILABLE",
    "The voucher provider did not confirm the redemption. Retry with the same Idempotency-Key to settle it.",
    { retryAfterSeconds },
  );

/** POST /holds/{id}/redeem. */
export async function redeem(
  deps: Deps,
  ctx: RequestContext,
  holdId: string,
  req: RedeemRequest,
  key: string,
): Promise<StoredOutcome<RedemptionResponse>> {
  requireAbility(ctx, "redeem");
  if (ctx.account.adapter.capabilities.redeem === "none") {
    throw new HttpProblem("NOT_SUPPORTED", "This voucher provider does not support redemption.");
  }
  // Two statements on the happy path: the key's claim with the pending redemption (durable before the
  // provider is called), then the committed redemption with the key's stored answer.
  const starting = (id: string) => {
    const now = deps.now();
    return {
      id,
      holdId,
      accountId: ctx.account.id,
      terminalId: ctx.terminalId,
      orderRef: req.orderRef,
      idempotencyKey: key,
      inFlightUntil: after(now, deps.leaseMs),
      now,
    };
  };
  return runIdempotent<RedemptionResponse, Started | null>(
    deps,
    { ctx, key, route: "redeemHold", params: { id: holdId }, body: req },
    {
      // A new key on an active hold: claimed and started in one statement. Null when the key was claimed
      // but the hold was not active (the transaction below says why).
      claimFirst: async (claimKey) => {
        const id = newId("red");
        const { claimed, hold, redemption } = await claimKeyAndStartRedemption(deps.db, claimKey(id), starting(id));
        if (!claimed) return null;
        return { value: hold && redemption ? { hold, redemption } : null };
      },
      start: (tx) => startRedemptionIn(tx, ctx, holdId, starting(newId("red"))),
      work: async (handle, started) => {
        let begun = started;
        if (begun === undefined) {
          const settled = await settleEarlierAttempt(deps, ctx, handle);
          if (settled) return { status: 200, body: { redemption: redemptionBody(settled) } };
        }
        begun ??= await transactionThenProblem(deps, (tx) =>
          startRedemptionIn(tx, ctx, holdId, starting(newId("red"))),
        );
        handle.resourceId = begun.redemption.id;
        return callProvider(deps, ctx, begun, handle);
      },
    },
  );
}

/** An earlier attempt under this key left a redemption: settle it; returns it if it went through. */
async function settleEarlierAttempt(deps: Deps, ctx: RequestContext, handle: KeyHandle): Promise<RedemptionRow | null> {
  const id = handle.resourceId as string;
  const settled = await settlePending(deps, ctx.account.adapter, id);
  if (settled.outcome === "busy") {
    // Keep the record: whoever is settling it (the reconciler) stores the answer for this key.
    handle.keepOnFailure = true;
    throw new HttpProblem("IDEMPOTENCY_IN_PROGRESS", "This redemption is being settled.", { retryAfterSeconds: 1 });
  }
  if (settled.outcome === "unknown") {
    handle.keepOnFailure = true;
    throw stillPending(settled.retryAfterSeconds);
  }
  const row = await deps.db.transaction((tx) => findRedemption(tx, id));
  // Failed: nothing moved upstream, so this request goes on to redeem afresh.
  return row?.state === "committed" ? row : null;
}

interface Started {
  redemption: RedemptionRow;
  /** The hold being redeemed (its secrets are opened for the provider call). */
  hold: HoldRow;
}

/**
 * Checks the hold and records the pending redemption, in the caller's transaction. A problem is thrown
 * after anything it must keep was written (an expiry found on the way), never after a failed statement.
 */
async function startRedemptionIn(
  tx: Transaction,
  ctx: RequestContext,
  holdId: string,
  starting: StartingRedemption,
): Promise<Started> {
  const { now } = starting;
  // Locked only here, once the key is ours: a request refused for its key must not hold the hold's lock
  // while the request that owns the key commits (that commit takes the hold's row and then the key's).
  const hold = await findHold(tx, ctx.account.id, holdId, { forUpdate: true });
  if (!hold || hold.state === "pending" || hold.state === "failed") {
    throw new HttpProblem("HOLD_NOT_FOUND", "No such hold.");
  }
  if (hold.state === "active" && hold.expiresAt <= now) {
    await expireHold(tx, hold, now);
    throw new HttpProblem("HOLD_EXPIRED", "This hold has expired.");
  }
  const problem = notActive(hold);
  if (problem) throw problem;
  const { id } = starting;
  // Three independent writes, sent together with the COMMIT.
  const [redemption] = await tx.commitWith(
    Promise.all([
      insertPendingRedemption(
        tx,
        { ...starting, amountMinor: hold.amountMinor, currency: hold.currency },
        { accountId: ctx.account.id, key: starting.idempotencyKey as string },
      ),
      moveHold(tx, holdId, ["active"], "redeeming", now),
      appendJournal(tx, {
        at: now,
        accountId: ctx.account.id,
        terminalId: ctx.terminalId,
        event: "redemption_pending",
        holdId,
        redemptionId: id,
        amountMinor: hold.amountMinor,
        currency: hold.currency,
        detail: { orderRef: starting.orderRef, reservationId: hold.reservationId },
      }),
    ]),
  );
  return { redemption, hold };
}

/** Calls the provider and records the outcome; settles by lookup when the answer is lost. */
async function callProvider(
  deps: Deps,
  ctx: RequestContext,
  started: Started,
  handle: KeyHandle,
): Promise<WorkResult<RedemptionResponse>> {
  const { adapter } = ctx.account;
  const { redemption } = started;
  let held: HeldVoucher;
  try {
    held = heldVoucher(deps, started.hold);
  } catch (error) {
    // The voucher's code cannot be read back: nothing is sent, and the redemption fails.
    await failPending(deps, redemption, isHttpProblem(error) ? error.code : "INTERNAL");
    throw error;
  }
  let upstream: UpstreamRedemption | undefined;
  try {
    upstream = await adapter.redeem(held, redemption.orderRef);
  } catch (error) {
    if (isHttpProblem(error) && !error.outcomeUnknown) {
      await failPending(deps, redemption, error.code);
      throw error;
    }
    deps.logger.warn(
      { redemptionId: redemption.id, code: isHttpProblem(error) ? error.code : "UNEXPECTED" },
      "redemption outcome unknown; asking the provider",
    );
  }
  if (upstream) {
    const charged = upstream;
    // Money has moved: if recording it fails, keep the key so a retry settles instead of starting over.
    handle.keepOnFailure = true;
    // Committed in the same statement that stores the answer under the key.
    return {
      answer: { status: 200, body: { redemption: redemptionBody(asCommitted(redemption, charged)) } },
      write: async (db, storeAnswer) => (await commitPendingIn(db, deps, redemption, charged, [storeAnswer])).changed,
      // No longer pending (settled meanwhile by the reconciler): the answer is the redemption as it stands.
      otherwise: async (tx) => {
        const { row } = await commitPendingIn(tx, deps, redemption, charged);
        return { status: 200, body: { redemption: redemptionBody(row) } };
      },
    };
  }
  const settled = await settlePending(deps, adapter, redemption.id, { alreadyClaimed: true });
  if (settled.outcome === "committed") {
    const row = (await deps.db.transaction((tx) => findRedemption(tx, redemption.id))) as RedemptionRow;
    return { status: 200, body: { redemption: redemptionBody(row) } };
  }
  if (settled.outcome === "failed") {
    // The provider confirmed nothing happened: the client may simply try again.
    throw new HttpProblem("PROVIDER_UNAVAILABLE", "The voucher provider did not answer. Please try again.");
  }
  handle.keepOnFailure = true;
  // Unknown (busy cannot happen: this request holds the claim).
  throw stillPending(settled.outcome === "unknown" ? settled.retryAfterSeconds : 1);
}
