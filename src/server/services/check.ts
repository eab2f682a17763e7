/** Checking a voucher by code (and PIN): balance, status and validity, under the failed-attempt limits. */
import { type CheckRequest, type CheckResponse, maskCode, money, normalizeCode } from "../../shared/index.ts";
import { hasLiveHold } from "../store/holds-repo.ts";
import { underAttemptLimits } from "./attempts.ts";
import { type Deps, voucherHmac } from "./context.ts";
import type { RequestContext } from "./types.ts";

/**
 * POST /vouchers/check. Open to every session (a cashier selling vouchers may look one up too). Where
 * the provider cannot check by code (JTL) the adapter answers NOT_SUPPORTED, which passes through.
 */
export async function check(deps: Deps, ctx: RequestContext, req: CheckRequest): Promise<CheckResponse> {
  const code = normalizeCode(req.code);
  const hmac = voucherHmac(deps, ctx.account.id, code);
  const info = await underAttemptLimits(deps, ctx, hmac, () =>
    ctx.account.adapter.check({ code, ...(req.pin !== undefined ? { pin: req.pin } : {}) }),
  );
  // The provider may not know a voucher is held here (emulated holds, or a sale on another terminal).
  const held =
    info.status === "active" && (await deps.db.transaction((tx) => hasLiveHold(tx, ctx.account.id, hmac, deps.now())));
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
