/**
 * Issuing (selling) a voucher. The new code and PIN leave the BFF once, in the answer; the only copy kept
 * is that answer, sealed, so a retry with the same key gets the same voucher rather than a second one.
 */
import { type IssueRequest, type IssueResponse, maskCode, money, normalizeCode } from "../../shared/index.ts";
import { HttpProblem, isHttpProblem } from "../errors/http-problem.ts";
import { insertIssued } from "../store/issued-repo.ts";
import { appendJournal } from "../store/journal.ts";
import { accountMinor, type Deps, newId, requireAbility, voucherHmac } from "./context.ts";
import { runIdempotent } from "./idempotency.ts";
import type { RequestContext, StoredOutcome } from "./types.ts";

/** POST /vouchers. */
export async function issue(
  deps: Deps,
  ctx: RequestContext,
  req: IssueRequest,
  key: string,
): Promise<StoredOutcome<IssueResponse>> {
  requireAbility(ctx, "issue");
  const { adapter } = ctx.account;
  if (!adapter.capabilities.issue)
    throw new HttpProblem("NOT_SUPPORTED", "This voucher provider does not issue vouchers.");
  if (req.validUntil !== undefined && !adapter.capabilities.issueValidity) {
    throw new HttpProblem("NOT_SUPPORTED", "This voucher provider does not take a validity date.");
  }
  const amountMinor = accountMinor(ctx, req.amount);

  return runIdempotent(
    deps,
    { ctx, key, route: "issueVoucher", body: req },
    async () => {
      const id = newId("iss");
      let issued: Awaited<ReturnType<typeof adapter.issue>>;
      try {
        issued = await adapter.issue({
          amount: { minor: amountMinor, currency: ctx.account.currency },
          ...(req.validUntil ? { validUntil: new Date(req.validUntil) } : {}),
          ...(req.note !== undefined ? { note: req.note } : {}),
          ref: id,
        });
      } catch (error) {
        if (isHttpProblem(error) && error.outcomeUnknown) {
          // A voucher may have been made upstream, but no one has its code, so it cannot be spent;
          // the key is freed (the problem is retryable) and a retry issues the voucher the customer gets.
          deps.logger.warn({ issuedId: id, code: error.code }, "issue outcome unknown");
        }
        throw error;
      }
      const now = deps.now();
      const code = normalizeCode(issued.code);
      await deps.db.transaction(async (tx) => {
        await insertIssued(tx, {
          id,
          accountId: ctx.account.id,
          terminalId: ctx.terminalId,
          voucherHmac: voucherHmac(deps, ctx.account.id, code),
          maskedCode: maskCode(code),
          amountMinor: issued.amount.minor,
          currency: issued.amount.currency,
          validUntil: issued.validUntil,
          status: issued.status,
          idempotencyKey: key,
          createdAt: now,
        });
        await appendJournal(tx, {
          at: now,
          accountId: ctx.account.id,
          terminalId: ctx.terminalId,
          event: "voucher_issued",
          issuedId: id,
          amountMinor: issued.amount.minor,
          currency: issued.amount.currency,
          detail: { maskedCode: maskCode(code), status: issued.status },
        });
      });
      const voucher = {
        code: issued.code,
        ...(issued.pin !== undefined ? { pin: issued.pin } : {}),
        amount: money(issued.amount.minor, issued.amount.currency),
        validUntil: issued.validUntil ? issued.validUntil.toISOString() : null,
        status: issued.status,
      };
      return { status: 201, body: { voucher } };
    },
    { sealed: true },
  );
}
