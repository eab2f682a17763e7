/**
 * Recording what became of a pending redemption: committed (hold redeemed, its secrets erased) or failed
 * (hold back to active, or expired when the provider says its time is up). Each in one transaction with
 * its journal entry.
 */
import type { UpstreamRedemption } from "../providers/port.ts";
import { IF_FIRST_CHANGED, type Write, writeTogether } from "../store/atomic.ts";
import type { Queryable } from "../store/db.ts";
import { findHoldById, moveHold, moveHoldWrite } from "../store/holds-repo.ts";
import { appendJournal, journalWrite } from "../store/journal.ts";
import {
  commitRedemptionWrite,
  failRedemption,
  findRedemption,
  type RedemptionRow,
} from "../store/redemptions-repo.ts";
import type { Deps } from "./context.ts";
import { expireHold } from "./hold-expiry.ts";
import type { RedemptionView } from "./hold-view.ts";

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
 * `commitPending` inside the caller's transaction, or on its own as one auto-committed statement: the
 * redemption committed, the hold redeemed and the journal entry, with `alsoWrite` (each built with
 * `IF_FIRST_CHANGED`, such as the request's stored answer), all in one statement. `changed` is false when
 * the redemption was no longer pending (then nothing is written).
 */
export async function commitPendingIn(
  q: Queryable,
  deps: Deps,
  redemption: RedemptionRow,
  upstream: UpstreamRedemption,
  alsoWrite: readonly Write[] = [],
): Promise<{ row: RedemptionRow; changed: boolean }> {
  const now = deps.now();
  const remaining = upstream.remainingBalance;
  const committed = await writeTogether<RedemptionRow>(
    q,
    commitRedemptionWrite(
      redemption.id,
      {
        upstreamId: upstream.upstreamId,
        ...(remaining ? { remainingMinor: remaining.minor, remainingCurrency: remaining.currency } : {}),
      },
      now,
    ),
    [
      moveHoldWrite(redemption.holdId, ["redeeming"], "redeemed", now, IF_FIRST_CHANGED),
      journalWrite(
        {
          at: now,
          accountId: redemption.accountId,
          terminalId: redemption.terminalId,
          event: "redemption_committed",
          holdId: redemption.holdId,
          redemptionId: redemption.id,
          amountMinor: redemption.amountMinor,
          currency: redemption.currency,
          detail: {
            upstreamId: upstream.upstreamId,
            orderRef: redemption.orderRef,
            ...(remaining ? { remainingMinor: remaining.minor } : {}),
          },
        },
        IF_FIRST_CHANGED,
      ),
      ...alsoWrite,
    ],
  );
  if (committed) return { row: committed, changed: true };
  const row = (await findRedemption(q, redemption.id)) as RedemptionRow;
  if (row.state === "failed") {
    // Only possible if a call outlived its lease and the reconciler settled it meanwhile.
    deps.logger.error(
      { redemptionId: row.id, upstreamId: upstream.upstreamId },
      "provider redeemed a redemption recorded as failed",
    );
  }
  return { row, changed: false };
}

/** What the client sees of the pending redemption once `commitPendingIn` has committed it. */
export function asCommitted(redemption: RedemptionRow, upstream: UpstreamRedemption): RedemptionView {
  const remaining = upstream.remainingBalance;
  return { ...redemption, remainingMinor: remaining?.minor ?? null, remainingCurrency: remaining?.currency ?? null };
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
