/**
 * Creating a hold: record a pending hold (the database refuses a second live hold on the voucher),
 * commit, ask the provider, then activate it. No transaction stays open across the provider call.
 *
 * Two statements on the way for most holds: the first claims the idempotency key and, under the
 * failed-attempt limits and while the voucher is free, records the pending hold linked to the key; the
 * second activates the hold, journals it and stores the answer under the key. Any other case (an earlier
 * attempt under the key, a locked PIN, a lapsed hold in the way) takes a transaction in between that
 * explains or mends it. A crash between them leaves a pending hold the key points at: a retry with the
 * key retires it and holds afresh, and the sweeper expires it otherwise.
 */
import { type HoldRequest, type HoldResponse, maskCode, normalizeCode } from "../../shared/index.ts";
import { HttpProblem, isHttpProblem } from "../errors/http-problem.ts";
import type { UpstreamHold } from "../providers/port.ts";
import { IF_FIRST_CHANGED, type Write, writeTogether } from "../store/atomic.ts";
import { underLimitsCondition } from "../store/attempts-repo.ts";
import type { Queryable } from "../store/db.ts";
import {
  claimKeyWithPendingHold,
  findHoldById,
  type HoldRow,
  insertPendingHoldIfFree,
  moveHold,
  type NewHold,
  updateHoldWrite,
} from "../store/holds-repo.ts";
import { journalWrite } from "../store/journal.ts";
import { assertNotLockedIn, recordingFailures } from "./attempts.ts";
import {
  accountMinor,
  after,
  type Deps,
  holdTtl,
  newId,
  requireAbility,
  sealHoldSecrets,
  transactionThenProblem,
  voucherHmac,
} from "./context.ts";
import { expireVoucherHolds } from "./hold-expiry.ts";
import { type HoldView, holdBody } from "./hold-view.ts";
import { runIdempotent } from "./idempotency.ts";
import type { RequestContext, StoredOutcome } from "./types.ts";

const voucherHeld = () => new HttpProblem("VOUCHER_HELD", "This voucher is already held by another sale.");

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
  const code = normalizeCode(req.code);
  const hmac = voucherHmac(deps, accountId, code);
  const id = newId("hold");
  const amount = { minor: amountMinor, currency: ctx.account.currency };

  /** The pending hold's row, as of now. */
  const pendingRow = (): NewHold => {
    const now = deps.now();
    return {
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
    };
  };
  /** Records the pending hold, linked to the key, unless the voucher has a live hold (then false). */
  const insertPending = (tx: Queryable) => insertPendingHoldIfFree(tx, pendingRow(), { accountId, key });
  /**
   * Refuses when the code or PIN is locked (PIN_LOCKED, RATE_LIMITED), then records the pending hold;
   * when the voucher has a live hold, expires its lapsed ones and tries once more (the one-live-hold index
   * decides). An HttpProblem thrown here leaves what was written before it committed.
   */
  const begin = async (tx: Queryable): Promise<void> => {
    await assertNotLockedIn(tx, deps, ctx, hmac);
    if (await insertPending(tx)) return;
    await expireVoucherHolds(tx, accountId, hmac, deps.now());
    if (!(await insertPending(tx))) throw voucherHeld();
  };

  return runIdempotent<HoldResponse, boolean>(
    deps,
    { ctx, key, route: "createHold", body: req },
    {
      // Most holds: a new key, a voucher under its limits and free. The claim and the pending hold are then
      // one statement; otherwise the key is claimed all the same and `begin` sorts out why in a transaction.
      claimFirst: async (claimKey) => {
        const since = new Date(deps.now().getTime() - deps.limits.windowSeconds * 1000);
        const underLimits = underLimitsCondition(accountId, hmac, ctx.terminalId, since, deps.limits);
        const { claimed, held } = await claimKeyWithPendingHold(deps.db, claimKey(id), pendingRow(), underLimits);
        return claimed ? { value: held } : null;
      },
      work: async (handle, started) => {
        if (!started) {
          // An earlier attempt under this key may have left a hold: its answer, or retire it.
          if (handle.resourceId !== null) {
            const earlier = await resumeEarlierAttempt(deps, handle.resourceId);
            if (earlier) return { status: 201, body: { hold: holdBody(earlier, deps.now()) } };
          }
          await transactionThenProblem(deps, begin);
        }
        const upstream = await recordingFailures(deps, ctx, hmac, async () => {
          try {
            return await adapter.hold({
              code,
              ...(req.pin !== undefined ? { pin: req.pin } : {}),
              amount,
              ttlSeconds,
            });
          } catch (error) {
            await deps.db.transaction((tx) => moveHold(tx, id, ["pending"], "failed", deps.now()));
            if (isHttpProblem(error) && error.outcomeUnknown) {
              // A reservation may exist upstream without our knowing its id; it lapses at the provider's expiry.
              deps.logger.warn({ holdId: id, code: error.code }, "hold outcome unknown; marked failed");
            }
            throw error;
          }
        });
        // The provider holds the amount now. Should activating fail, the key keeps pointing at the pending
        // hold, and a retry with it retires that hold at once instead of waiting out the key's lease.
        handle.keepOnFailure = true;
        const active: HoldView = {
          id,
          state: "active",
          amountMinor,
          currency: amount.currency,
          expiresAt: upstream.expiresAt,
          keptBy,
          maskedCode: maskCode(code),
          balanceMinor: upstream.balance?.minor ?? null,
          balanceCurrency: upstream.balance?.currency ?? null,
          redemptionId: null,
        };
        // Activated in the same statement that stores the answer under the key.
        return {
          answer: { status: 201, body: { hold: holdBody(active, deps.now()) } },
          write: async (db, storeAnswer) => activate(db, deps, ctx, active, upstream, [storeAnswer]),
          otherwise: async () => {
            // The pending row outlived its grace (the provider took longer than pendingHoldMs) and was swept.
            deps.logger.warn({ holdId: id }, "provider answered a hold after its pending row was swept");
            throw new HttpProblem("PROVIDER_UNAVAILABLE", "The voucher provider answered too late. Please try again.");
          },
        };
      },
    },
  );
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
    if (hold?.state === "pending") await moveHold(tx, holdId, ["pending"], "failed", deps.now());
    return null;
  });
}

/**
 * Activates the pending hold with the provider's answer and journals it, with `alsoWrite` (the stored
 * answer), in one statement; false when the hold was no longer pending (then nothing is written).
 */
async function activate(
  q: Queryable,
  deps: Deps,
  ctx: RequestContext,
  hold: HoldView,
  upstream: UpstreamHold,
  alsoWrite: readonly Write[],
): Promise<boolean> {
  const now = deps.now();
  const activated = await writeTogether(
    q,
    updateHoldWrite(
      hold.id,
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
    ),
    [
      journalWrite(
        {
          at: now,
          accountId: ctx.account.id,
          terminalId: ctx.terminalId,
          event: "hold_created",
          holdId: hold.id,
          amountMinor: hold.amountMinor,
          currency: hold.currency,
          detail: { maskedCode: hold.maskedCode, reservationId: upstream.reservationId, expiresAt: upstream.expiresAt },
        },
        IF_FIRST_CHANGED,
      ),
      ...alsoWrite,
    ],
  );
  return activated !== null;
}
