/**
 * Limits on wrong codes and PINs: counted per voucher (by HMAC, so guessing PINs for one voucher locks
 * it) and per terminal (so one terminal cannot sweep through codes). Checked before the provider is asked,
 * inside the caller's transaction (a hold checks them in the one that claims its key).
 */
import { HttpProblem, isHttpProblem } from "../errors/http-problem.ts";
import { failuresOfVoucherAndTerminal, recordFailures } from "../store/attempts-repo.ts";
import type { Queryable } from "../store/db.ts";
import type { Deps } from "./context.ts";
import type { RequestContext } from "./types.ts";

export interface AttemptLimits {
  /** Failures for one voucher within the window that lock it (PIN_LOCKED). */
  perVoucher: number;
  /** Failures from one terminal within the window that stop it (RATE_LIMITED). */
  perTerminal: number;
  windowSeconds: number;
}

export const defaultAttemptLimits: AttemptLimits = { perVoucher: 5, perTerminal: 10, windowSeconds: 15 * 60 };

/** Seconds until the count of failures in the window drops below `limit`, or null when under it. */
function lockedFor(times: readonly Date[], limit: number, windowMs: number, now: Date): number | null {
  if (times.length < limit) return null;
  const freesAt = (times[times.length - limit] as Date).getTime() + windowMs;
  return Math.max(1, Math.ceil((freesAt - now.getTime()) / 1000));
}

/** Throws PIN_LOCKED or RATE_LIMITED when too many failures were seen recently (read in `tx`). */
export async function assertNotLockedIn(
  tx: Queryable,
  deps: Deps,
  ctx: RequestContext,
  voucherHmac: string,
): Promise<void> {
  const now = deps.now();
  const windowMs = deps.limits.windowSeconds * 1000;
  const since = new Date(now.getTime() - windowMs);
  const { voucher, terminal } = await failuresOfVoucherAndTerminal(
    tx,
    ctx.account.id,
    voucherHmac,
    ctx.terminalId,
    since,
  );
  const voucherWait = lockedFor(voucher, deps.limits.perVoucher, windowMs, now);
  if (voucherWait !== null) {
    throw new HttpProblem("PIN_LOCKED", "Too many wrong codes or PINs for this voucher. Try again later.", {
      retryAfterSeconds: voucherWait,
    });
  }
  const terminalWait = lockedFor(terminal, deps.limits.perTerminal, windowMs, now);
  if (terminalWait !== null) {
    throw new HttpProblem("RATE_LIMITED", "Too many wrong codes or PINs from this terminal. Try again later.", {
      retryAfterSeconds: terminalWait,
    });
  }
}

/**
 * Runs a provider call that tests a code (and PIN) whose limits the caller has already checked
 * (`assertNotLockedIn`), recording a failure for the voucher and the terminal on VOUCHER_INVALID.
 */
export async function recordingFailures<T>(
  deps: Deps,
  ctx: RequestContext,
  voucherHmac: string,
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isHttpProblem(error) && error.code === "VOUCHER_INVALID") {
      await deps.db.transaction((tx) =>
        recordFailures(
          tx,
          ctx.account.id,
          [
            { scope: "voucher", subject: voucherHmac },
            { scope: "terminal", subject: ctx.terminalId },
          ],
          deps.now(),
        ),
      );
      deps.logger.info({ account: ctx.account.id, terminal: ctx.terminalId }, "voucher code or PIN refused");
    }
    throw error;
  }
}
