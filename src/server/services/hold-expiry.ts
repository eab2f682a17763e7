/** Expiring holds: lazily when one is touched after its expiry, and in bulk by the sweeper. */
import type { Queryable } from "../store/db.ts";
import { expireHolds, type HoldRow, type HoldRowState, updateHold } from "../store/holds-repo.ts";
import { appendJournal } from "../store/journal.ts";
import type { Deps } from "./context.ts";

async function journalExpired(q: Queryable, hold: HoldRow, priorState: HoldRowState, now: Date): Promise<void> {
  // A pending hold never became one (no hold_created), so only holds that were active are journalled.
  if (priorState !== "active" && priorState !== "redeeming") return;
  await appendJournal(q, {
    at: now,
    accountId: hold.accountId,
    terminalId: hold.terminalId,
    event: "hold_expired",
    holdId: hold.id,
    amountMinor: hold.amountMinor,
    currency: hold.currency,
    detail: { maskedCode: hold.maskedCode, expiresAt: hold.expiresAt },
  });
}

/** Expires the live holds of one voucher whose time is up (before a new hold is placed on it). */
export async function expireVoucherHolds(q: Queryable, accountId: string, hmac: string, now: Date): Promise<void> {
  for (const hold of await expireHolds(q, now, { accountId, voucherHmac: hmac })) {
    await journalExpired(q, hold, hold.priorState, now);
  }
}

/** Moves one hold to expired (from `from` states), erasing its secrets; returns the updated row or null. */
export async function expireHold(
  q: Queryable,
  hold: HoldRow,
  now: Date,
  from: readonly HoldRowState[] = ["pending", "active"],
): Promise<HoldRow | null> {
  const row = await updateHold(q, hold.id, from, { state: "expired" }, now);
  if (row) await journalExpired(q, row, hold.state, now);
  return row;
}

/** Sweeps every hold past its expiry, in batches; returns how many it expired. */
export async function sweepExpired(deps: Deps, batch = 200): Promise<number> {
  let total = 0;
  for (;;) {
    const now = deps.now();
    const count = await deps.db.transaction(async (tx) => {
      const expired = await expireHolds(tx, now, { limit: batch });
      for (const hold of expired) await journalExpired(tx, hold, hold.priorState, now);
      return expired.length;
    });
    total += count;
    if (count < batch) return total;
  }
}
