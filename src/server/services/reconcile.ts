/**
 * Settling pending redemptions: a redemption whose provider answer was lost is settled by asking the
 * provider (`findRedemption`) before anything else is tried. Used by a retry under the same key, right
 * after a lost answer, and by the reconciler at start-up and periodically.
 */
import { isHttpProblem } from "../errors/http-problem.ts";
import type { ProviderAdapter } from "../providers/port.ts";
import { findHoldById } from "../store/holds-repo.ts";
import { settleKeyForResource } from "../store/idempotency-repo.ts";
import {
  claimPendingRedemption,
  findRedemption,
  listUnclaimedPending,
  unclaimRedemption,
} from "../store/redemptions-repo.ts";
import { after, type Deps, heldVoucher } from "./context.ts";
import { redemptionBody } from "./hold-view.ts";
import { commitPending, failPending } from "./redemption-outcome.ts";

/**
 * committed / failed: settled (now or before); busy: someone else is on it; unknown: the provider could
 * not tell, or not yet (a lookup that finds nothing within the settle grace).
 */
export type SettleOutcome = "committed" | "failed" | "busy" | "unknown";

/** The outcome; when unknown, also how many seconds until asking again can tell more. */
export type Settled =
  | { outcome: Exclude<SettleOutcome, "unknown"> }
  | { outcome: "unknown"; retryAfterSeconds: number };

/** When the provider could not be asked and said nothing of when to come back. */
export const LOOKUP_RETRY_SECONDS = 5;

export interface SettleOptions {
  /** The caller already holds the redemption's in-flight claim (it just made the call itself). */
  alreadyClaimed?: boolean;
  /** No request owns the idempotency key: settle it too (store the answer, or free the key). */
  settleKey?: boolean;
}

/** Finds out upstream what became of a pending redemption and records it. */
export async function settlePending(
  deps: Deps,
  adapter: ProviderAdapter,
  redemptionId: string,
  options: SettleOptions = {},
): Promise<Settled> {
  const now = deps.now();
  const claim = await deps.db.transaction(async (tx) => {
    const claimed = options.alreadyClaimed
      ? null
      : await claimPendingRedemption(tx, redemptionId, now, after(now, deps.leaseMs));
    const row = claimed ?? (await findRedemption(tx, redemptionId));
    const hold = row ? await findHoldById(tx, row.holdId) : null;
    return { row, hold, mine: options.alreadyClaimed || claimed !== null };
  });
  const { row: redemption, hold } = claim;
  if (!redemption || redemption.state === "failed") return { outcome: "failed" };
  if (redemption.state === "committed") return { outcome: "committed" };
  if (!claim.mine) return { outcome: "busy" };

  const keyOf = redemption.idempotencyKey;
  let found: Awaited<ReturnType<ProviderAdapter["findRedemption"]>>;
  try {
    if (!hold) throw new Error("pending redemption without its hold");
    found = await adapter.findRedemption(heldVoucher(deps, hold), redemption.orderRef);
  } catch (error) {
    deps.logger.warn(
      { redemptionId, err: errorSummary(error) },
      "could not learn a redemption's outcome; left pending",
    );
    await deps.db.transaction((tx) => unclaimRedemption(tx, redemptionId, deps.now()));
    const hinted = isHttpProblem(error) ? error.retryAfterSeconds : undefined;
    return { outcome: "unknown", retryAfterSeconds: hinted ?? LOOKUP_RETRY_SECONDS };
  }
  const graceLeftMs = deps.settleGraceMs - (deps.now().getTime() - redemption.createdAt.getTime());
  if (!found && graceLeftMs > 0) {
    // Nothing upstream yet, but the lost call may still land after this lookup (a provider works on past
    // our timeout): failing it now could lose a charge that happens a moment later. Ask again later.
    deps.logger.info({ redemptionId }, "no redemption upstream yet; left pending until the call cannot land");
    await deps.db.transaction((tx) => unclaimRedemption(tx, redemptionId, deps.now()));
    // Asking again before the grace is over can only find the same nothing (or the late charge).
    return { outcome: "unknown", retryAfterSeconds: Math.max(1, Math.ceil(graceLeftMs / 1000)) };
  }
  if (found) {
    await commitPending(deps, redemption, found, async (tx, row) => {
      if (options.settleKey && keyOf) {
        const body = { redemption: redemptionBody(row) };
        await settleKeyForResource(tx, row.accountId, keyOf, row.id, { status: 200, body }, deps.now());
      }
    });
    deps.logger.info({ redemptionId }, "pending redemption settled: committed upstream");
    return { outcome: "committed" };
  }
  await failPending(deps, redemption, "PROVIDER_UNAVAILABLE", async (tx) => {
    if (options.settleKey && keyOf) {
      await settleKeyForResource(tx, redemption.accountId, keyOf, redemption.id, null, deps.now());
    }
  });
  deps.logger.info({ redemptionId }, "pending redemption settled: nothing happened upstream");
  return { outcome: "failed" };
}

/** Settles every pending redemption nobody is working on; returns how many were settled. */
export async function reconcilePending(deps: Deps, batch = 100): Promise<number> {
  const ids = await deps.db.transaction((tx) => listUnclaimedPending(tx, deps.now(), batch));
  let settled = 0;
  for (const id of ids) {
    const row = await deps.db.transaction((tx) => findRedemption(tx, id));
    const account = row ? deps.getAccount(row.accountId) : undefined;
    if (!row || !account) {
      deps.logger.warn({ redemptionId: id }, "pending redemption of an unknown account; left pending");
      continue;
    }
    const { outcome } = await settlePending(deps, account.adapter, id, { settleKey: true });
    if (outcome === "committed" || outcome === "failed") settled++;
  }
  return settled;
}

/** An error's name and code, never its message (a provider's message might echo a code). */
function errorSummary(error: unknown): { name: string; code?: string } {
  const e = error as { name?: string; code?: unknown };
  return { name: e?.name ?? typeof error, ...(typeof e?.code === "string" ? { code: e.code } : {}) };
}
