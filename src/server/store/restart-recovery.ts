/**
 * Leases left by a process that died. A pending redemption and its idempotency key are leased to the
 * request working on them (5 min by default), so a live request is never disturbed by a retry or the
 * reconciler. After a crash those leases would keep the client's retry at IDEMPOTENCY_IN_PROGRESS and the
 * reconciler away for the rest of the lease. On the embedded store only one process ever opens the data
 * directory, so at start-up every lease in it belongs to a process that is gone and can be let go at once.
 * (On a shared PostgreSQL another instance may be working under a lease: there they run out instead.)
 */
import type { Db } from "./db.ts";

/** Releases every lease on pending redemptions and running idempotency keys; returns how many. */
export async function releaseDeadLeases(db: Db, now: Date): Promise<{ redemptions: number; keys: number }> {
  return db.transaction(async (tx) => {
    const redemptions = await tx.query(
      `UPDATE redemptions SET in_flight_until = NULL, updated_at = $1
       WHERE state = 'pending' AND in_flight_until IS NOT NULL`,
      [now],
    );
    const keys = await tx.query(
      "UPDATE idempotency_keys SET locked_until = NULL WHERE state = 'running' AND locked_until IS NOT NULL",
    );
    return { redemptions: redemptions.rowCount, keys: keys.rowCount };
  });
}
