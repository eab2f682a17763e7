/**
 * Recording what became of a pending redemption: committed (hold redeemed, its secrets erased) or failed
 * (hold back to active, or expired when the provider says its time is up). Each in one transaction with
 * its journal entry.
 */
import type { UpstreamRedemption } from "../providers/port.ts";
import type { Queryable } from "../store/db.ts";
import { findHoldById, moveHold } from "../store/holds-repo.ts";
import { appendJournal } from "../store/journal.ts";
import { commitRedemption, failRedemption, findRedemption, type RedemptionRow } from "../store/redemptions-repo.ts";
import type { Deps } from "./context.ts";
import { expireHold } from "./hold-expiry.ts";

/** Commits a pending redemption with the provider's answer; returns the row as it now stands. */
export async function commitPending(
  deps: Deps,
  redemption: RedemptionRow,
  upstream: UpstreamRedemption,
  inTx?: (tx: Queryable, row: RedemptionRow) => Promise<void>,
): Promise<RedemptionRow> {
  return deps.db.transaction(async (tx) => {
    const { row, changed } = await commitPendingIn(tx, deps, redemption, upstream);
    if (changed && inTx) await inTx(tx, row);
    return row;
  });
}

/**
 * `commitPending` inside the caller's transaction (the one that also stores the request's answer).
 * `changed` is false when the redemption was no longer pending (then nothing is written).
 */
export async function commitPendingIn(
  tx: Queryable,
  deps: Deps,
  redemption: RedemptionRow,
  upstream: UpstreamRedemption,
): Promise<{ row: RedemptionRow; changed: boolean }> {
  const now = deps.now();
  const committed = await commitRedemption(
    tx,
    redemption.id,
    {
      upstreamId: upstream.upstreamId,
      ...(upstream.remainingBalance
        ? { remainingMinor: upstream.remainingBalance.minor, remainingCurrency: upstream.remainingBalance.currency }
        : {}),
    },
    now,
  );
  if (!committed) {
    const row = (await findRedemption(tx, redemption.id)) as RedemptionRow;
    if (row.state === "failed") {
      // Only possible if a call outlived its lease and the reconciler settled it meanwhile.
      deps.logger.error(
        { redemptionId: row.id, upstreamId: upstream.upstreamId },
        "provider redeemed a redemption recorded as failed",
      );
    }
    return { row, changed: false };
  }
  const row = committed;
  await Promise.all([
    moveHold(tx, redemption.holdId, ["redeeming"], "redeemed", now),
    appendJournal(tx, {
      at: now,
      accountId: row.accountId,
      terminalId: row.terminalId,
      event: "redemption_committed",
      holdId: row.holdId,
      redemptionId: row.id,
      amountMinor: row.amountMinor,
      currency: row.currency,
      detail: {
        upstreamId: upstream.upstreamId,
        orderRef: row.orderRef,
        ...(upstream.remainingBalance ? { remainingMinor: upstream.remainingBalance.minor } : {}),
      },
    }),
  ]);
  return { row, changed: true };
}

/** Fails a pending redemption and gives the hold back (or expires it for HOLD_EXPIRED). */
export async function failPending(
  deps: Deps,
  redemption: RedemptionRow,
  errorCode: string,
  inTx?: (tx: Queryable) => Promise<void>,
): Promise<void> {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    if (!(await failRedemption(tx, redemption.id, errorCode, now))) return;
    await appendJournal(tx, {
      at: now,
      accountId: redemption.accountId,
      terminalId: redemption.terminalId,
      event: "redemption_failed",
      holdId: redemption.holdId,
      redemptionId: redemption.id,
      amountMinor: redemption.amountMinor,
      currency: redemption.currency,
      detail: { errorCode, orderRef: redemption.orderRef },
    });
    if (errorCode === "HOLD_EXPIRED") {
      const hold = await findHoldById(tx, redemption.holdId);
      if (hold) await expireHold(tx, hold, now, ["redeeming"]);
    } else {
      await moveHold(tx, redemption.holdId, ["redeeming"], "active", now);
    }
    if (inTx) await inTx(tx);
  });
}
