/** Checking a voucher by code (and PIN): balance, status and validity, under the failed-attempt limits. */
import { type CheckRequest, type CheckResponse, maskCode, money, normalizeCode } from "../../shared/index.ts";
import { hasLiveHold } from "../store/holds-repo.ts";
import { assertNotLockedIn, recordingFailures } from "./attempts.ts";
import { type Deps, transactionThenProblem, voucherHmac } from "./context.ts";
import type { RequestContext } from "./types.ts";

/**
 * POST /vouchers/check. Open to every session (a cashier selling vouchers may look one up too). Where
 * the provider cannot check by code (JTL) the adapter answers NOT_SUPPORTED, which passes through.
 */
export async function check(deps: Deps, ctx: RequestContext, req: CheckRequest): Promise<CheckResponse> {
  const code = normalizeCode(req.code);
  const hmac = voucherHmac(deps, ctx.account.id, code);
  // One read before the provider is asked: the limits, and whether the voucher is held here (the provider
  // may not know: emulated holds, or a sale on another terminal). Either answer is a snapshot; reading the
  // hold just before the provider call rather than just after it saves a transaction per check.
  // Both reads and the COMMIT leave together: one round trip.
  const [, heldHere] = await transactionThenProblem(deps, (tx) =>
    tx.commitWith(
      Promise.all([assertNotLockedIn(tx, deps, ctx, hmac), hasLiveHold(tx, ctx.account.id, hmac, deps.now())]),
    ),
  );
  const info = await recordingFailures(deps, ctx, hmac, () =>
    ctx.account.adapter.check({ code, ...(req.pin !== undefined ? { pin: req.pin } : {}) }),
  );
  const held = info.status === "active" && heldHere;
  return {
    voucher: {
      maskedCode: maskCode(code),
      kind: info.kind,
      status: held ? "held" : info.status,
      ...(info.balance ? { balance: money(info.balance.minor, info.balance.currency) } : {}),
      ...(info.validUntil !== undefined ? { validUntil: info.validUntil ? info.validUntil.toISOString() : null } : {}),
    },
  };
}
