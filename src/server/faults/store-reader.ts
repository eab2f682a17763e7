/**
 * Reads what a stopped (or killed) BFF left in its PGlite data directory: some holds' redemptions and
 * journals, and whatever is still pending or running. Only while no BFF has the directory open.
 */
import { openStore } from "../store/index.ts";
import { journalForHold } from "../store/journal.ts";

export interface HoldRecord {
  redemptions: { id: string; state: string }[];
  /** Journal events of the hold, oldest first. */
  journal: string[];
}

export interface StoreSnapshot {
  holds: Record<string, HoldRecord>;
  /** Redemptions still pending and idempotency keys still running, in the whole store. */
  unsettled: { pendingRedemptions: number; runningKeys: number };
}

export async function readStore(dataDir: string, holdIds: string[]): Promise<StoreSnapshot> {
  const store = await openStore({ dataDir });
  try {
    const holds: Record<string, HoldRecord> = {};
    for (const holdId of holdIds) {
      const { rows } = await store.db.query<{ id: string; state: string }>(
        "SELECT id, state FROM redemptions WHERE hold_id = $1 ORDER BY created_at",
        [holdId],
      );
      const journal = await store.db.transaction((tx) => journalForHold(tx, holdId));
      holds[holdId] = { redemptions: rows, journal: journal.map((entry) => entry.event) };
    }
    const count = async (sql: string) => Number((await store.db.query<{ n: number }>(sql)).rows[0]?.n ?? 0);
    return {
      holds,
      unsettled: {
        pendingRedemptions: await count("SELECT count(*)::int AS n FROM redemptions WHERE state = 'pending'"),
        runningKeys: await count("SELECT count(*)::int AS n FROM idempotency_keys WHERE state = 'running'"),
      },
    };
  } finally {
    await store.close();
  }
}
