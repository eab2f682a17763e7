/**
 * Refunding a committed redemption. The refund's amount is reserved on the redemption under a row lock
 * before the provider is called (the table's check keeps the total within what was redeemed), then the
 * refund is committed, or failed and the reservation given back.
 */
import type { RefundRequest, RefundResponse } from "../../shared/index.ts";
import { HttpProblem, isHttpProblem } from "../errors/http-problem.ts";
import { appendJournal } from "../store/journal.ts";
import { findRedemption, reserveRefund, unreserveRefund } from "../store/redemptions-repo.ts";
import { insertPendingRefund, type RefundRow, settleRefund } from "../store/refunds-repo.ts";
import { accountMinor, type Deps, newId, requireAbility } from "./context.ts";
import { refundBody } from "./hold-view.ts";
import { runIdempotent } from "./idempotency.ts";
import type { RequestContext, StoredOutcome } from "./types.ts";

/** POST /redemptions/{id}/refund. */
export async function refund(
  deps: Deps,
  ctx: RequestContext,
  redemptionId: string,
  req: RefundRequest,
  key: string,
): Promise<StoredOutcome<RefundResponse>> {
  requireAbility(ctx, "refund");
  const { adapter } = ctx.account;
  if (adapter.capabilities.refund === "none") {
    throw new HttpProblem("NOT_SUPPORTED", "This voucher provider does not support refunds.");
  }
  const amountMinor = accountMinor(ctx, req.amount);

  return runIdempotent(
    deps,
    { ctx, key, route: "refundRedemption", params: { id: redemptionId }, body: req },
    async () => {
      const now = deps.now();
      const pending: RefundRow = {
        id: newId("ref"),
        redemptionId,
        accountId: ctx.account.id,
        terminalId: ctx.terminalId,
        state: "pending",
        amountMinor,
        currency: ctx.account.currency,
        upstreamId: null,
        errorCode: null,
        createdAt: now,
      };
      const redemption = await deps.db.transaction(async (tx) => {
        const row = await findRedemption(tx, redemptionId, { accountId: ctx.account.id, forUpdate: true });
        if (row?.state !== "committed" || !row.upstreamId) return { problem: "REDEMPTION_NOT_FOUND" as const };
        if (adapter.capabilities.refund === "full" && (row.refundedMinor > 0 || amountMinor !== row.amountMinor)) {
          return { problem: "NOT_SUPPORTED" as const };
        }
        if (!(await reserveRefund(tx, redemptionId, amountMinor, now))) return { problem: "EXCEEDS" as const };
        await insertPendingRefund(tx, pending);
        await journal(tx, pending, "refund_pending", now, { upstreamRedemptionId: row.upstreamId });
        return { row };
      });
      if ("problem" in redemption) {
        if (redemption.problem === "REDEMPTION_NOT_FOUND") {
          throw new HttpProblem("REDEMPTION_NOT_FOUND", "No such redemption.");
        }
        if (redemption.problem === "NOT_SUPPORTED") {
          throw new HttpProblem("NOT_SUPPORTED", "This voucher provider refunds only the whole redemption, once.");
        }
        throw new HttpProblem("REFUND_EXCEEDS_REDEMPTION", "The refunds would exceed what was redeemed.");
      }
      const upstreamRedemption = {
        upstreamId: redemption.row.upstreamId as string,
        amount: { minor: redemption.row.amountMinor, currency: redemption.row.currency },
      };
      try {
        const upstream = await adapter.refund(upstreamRedemption, { minor: amountMinor, currency: pending.currency });
        await deps.db.transaction(async (tx) => {
          const at = deps.now();
          await settleRefund(tx, pending.id, { state: "committed", upstreamId: upstream.upstreamId }, at);
          await journal(tx, pending, "refund_committed", at, { upstreamId: upstream.upstreamId });
        });
        return { status: 201, body: { refund: refundBody(pending) } };
      } catch (error) {
        if (isHttpProblem(error) && !error.outcomeUnknown) {
          await deps.db.transaction(async (tx) => {
            const at = deps.now();
            await settleRefund(tx, pending.id, { state: "failed", errorCode: error.code }, at);
            await unreserveRefund(tx, redemptionId, amountMinor, at);
            await journal(tx, pending, "refund_failed", at, { errorCode: error.code });
          });
          throw error;
        }
        // The port has no way to ask what became of a refund, and a blind retry could refund twice: the
        // refund stays pending (its amount still reserved) for review, and the key answers this for good.
        deps.logger.error({ refundId: pending.id, redemptionId }, "refund outcome unknown; left pending for review");
        throw new HttpProblem(
          "PROVIDER_ERROR",
          "The voucher provider did not confirm the refund. It is recorded for review; do not repeat it.",
        );
      }
    },
  );
}

function journal(
  tx: Parameters<typeof appendJournal>[0],
  r: RefundRow,
  event: "refund_pending" | "refund_committed" | "refund_failed",
  at: Date,
  detail: Record<string, unknown>,
) {
  return appendJournal(tx, {
    at,
    accountId: r.accountId,
    terminalId: r.terminalId,
    event,
    redemptionId: r.redemptionId,
    refundId: r.id,
    amountMinor: r.amountMinor,
    currency: r.currency,
    detail,
  });
}
