/** Reading, extending and releasing a hold of the caller's account. */
import type { ExtendRequest, HoldResponse } from "../../shared/index.ts";
import { HttpProblem, isHttpProblem } from "../errors/http-problem.ts";
import { findHold, type HoldRow, updateHold } from "../store/holds-repo.ts";
import { appendJournal } from "../store/journal.ts";
import { type Deps, heldVoucher, holdTtl, requireAbility } from "./context.ts";
import { expireHold } from "./hold-expiry.ts";
import { holdBody } from "./hold-view.ts";
import type { RequestContext } from "./types.ts";

const notFound = () => new HttpProblem("HOLD_NOT_FOUND", "No such hold.");

/**
 * Reads a hold of the caller's account, expiring it first if its time is up. Pending (still being
 * created) and failed holds were never handed to a client, so they read as not found.
 */
export async function loadHold(deps: Deps, ctx: RequestContext, holdId: string): Promise<HoldRow> {
  const now = deps.now();
  const hold = await deps.db.transaction(async (tx) => {
    const row = await findHold(tx, ctx.account.id, holdId, { forUpdate: true });
    if (!row || row.state === "pending" || row.state === "failed") return null;
    if (row.state === "active" && row.expiresAt <= now) return (await expireHold(tx, row, now)) ?? row;
    return row;
  });
  if (!hold) throw notFound();
  return hold;
}

/** The problem for a hold that is not active, or null when it is. */
export function notActive(hold: HoldRow): HttpProblem | null {
  switch (hold.state) {
    case "active":
      return null;
    case "redeemed":
      return new HttpProblem("ALREADY_REDEEMED", "This hold has been redeemed.");
    case "redeeming":
      return new HttpProblem("ALREADY_REDEEMED", "A redemption of this hold is in progress.");
    case "expired":
      return new HttpProblem("HOLD_EXPIRED", "This hold has expired.");
    default:
      return new HttpProblem("HOLD_NOT_FOUND", "This hold has been released.");
  }
}

/** GET /holds/{id}. */
export async function getHold(deps: Deps, ctx: RequestContext, holdId: string): Promise<HoldResponse> {
  requireAbility(ctx, "redeem");
  return { hold: holdBody(await loadHold(deps, ctx, holdId), deps.now()) };
}

/** POST /holds/{id}/extend: the provider re-reserves (JTL: a new reservation with the same code and PIN). */
export async function extendHold(
  deps: Deps,
  ctx: RequestContext,
  holdId: string,
  req: ExtendRequest,
): Promise<HoldResponse> {
  requireAbility(ctx, "redeem");
  const { adapter } = ctx.account;
  if (!adapter.capabilities.extend) {
    throw new HttpProblem("NOT_SUPPORTED", "This voucher provider does not support extending a hold.");
  }
  const ttlSeconds = holdTtl(adapter.capabilities, req.ttlSeconds);
  const hold = await loadHold(deps, ctx, holdId);
  const problem = notActive(hold);
  if (problem) throw problem;

  let upstream: Awaited<ReturnType<typeof adapter.extend>>;
  try {
    upstream = await adapter.extend(heldVoucher(deps, hold), ttlSeconds);
  } catch (error) {
    if (isHttpProblem(error) && error.code === "HOLD_EXPIRED") {
      await deps.db.transaction((tx) => expireHold(tx, hold, deps.now(), ["active"]));
    }
    throw error;
  }
  const now = deps.now();
  const extended = await deps.db.transaction(async (tx) => {
    const row = await updateHold(
      tx,
      holdId,
      ["active"],
      {
        reservationId: upstream.reservationId,
        expiresAt: upstream.expiresAt,
        ...(upstream.voucherId ? { voucherRef: upstream.voucherId } : {}),
        ...(upstream.balance
          ? { balanceMinor: upstream.balance.minor, balanceCurrency: upstream.balance.currency }
          : {}),
      },
      now,
    );
    if (row) {
      await appendJournal(tx, {
        at: now,
        accountId: row.accountId,
        terminalId: ctx.terminalId,
        event: "hold_extended",
        holdId,
        amountMinor: row.amountMinor,
        currency: row.currency,
        detail: { reservationId: upstream.reservationId, expiresAt: upstream.expiresAt },
      });
    }
    return row;
  });
  // The hold moved on (redeemed, released) while the provider answered: say what it is now.
  if (!extended) throw notActive(await loadHold(deps, ctx, holdId)) ?? notFound();
  return { hold: holdBody(extended, now) };
}

/** DELETE /holds/{id}: release upstream where the provider can, then locally; secrets are erased. */
export async function releaseHold(deps: Deps, ctx: RequestContext, holdId: string): Promise<HoldResponse> {
  requireAbility(ctx, "redeem");
  const { adapter } = ctx.account;
  const hold = await loadHold(deps, ctx, holdId);
  // Releasing twice answers the same; an expired hold has nothing left to release and says so.
  if (hold.state === "released" || hold.state === "expired") return { hold: holdBody(hold, deps.now()) };
  const problem = notActive(hold);
  if (problem) throw problem;

  if (adapter.capabilities.release) {
    try {
      await adapter.release(heldVoucher(deps, hold));
    } catch (error) {
      // A provider without an upstream release (JTL) lets the reservation lapse: release locally.
      if (!isHttpProblem(error) || error.code !== "NOT_SUPPORTED") throw error;
    }
  }
  const now = deps.now();
  const released = await deps.db.transaction(async (tx) => {
    const row = await updateHold(tx, holdId, ["active"], { state: "released" }, now);
    if (row) {
      await appendJournal(tx, {
        at: now,
        accountId: row.accountId,
        terminalId: ctx.terminalId,
        event: "hold_released",
        holdId,
        amountMinor: row.amountMinor,
        currency: row.currency,
        detail: { maskedCode: row.maskedCode },
      });
    }
    return row;
  });
  if (released) return { hold: holdBody(released, now) };
  const current = await loadHold(deps, ctx, holdId);
  if (current.state === "released" || current.state === "expired") return { hold: holdBody(current, deps.now()) };
  throw notActive(current) ?? notFound();
}
