/**
 * Spaaza answers → the BFF's closed error codes, keyed on the error's `name` (stable words; the numbers of
 * all but a few documented errors are not public, see the simulator's errors.ts). What a name means can
 * depend on the step: `voucher_locked` is another sale's hold when we try to hold, but our own hold lost
 * when we try to redeem or extend it.
 *
 * Unknown vouchers and vouchers of another chain (68, which Spaaza answers with HTTP 500) both read as
 * VOUCHER_INVALID, so a guesser learns nothing and a 500 that is really a "no" is not retried.
 */
import type { ErrorCode } from "../../../shared/index.ts";
import { HttpProblem } from "../../errors/http-problem.ts";
import { statusProblem, type UpstreamResponse } from "../http.ts";
import { ErrorEnvelope } from "./schemas.ts";

/** What the adapter was doing. */
export type SpaazaOperation = "read" | "hold" | "extend" | "unlock" | "claim" | "redeem";

type Table = Partial<Record<SpaazaOperation | "*", ErrorCode>>;

const byName: Record<string, Table> = {
  voucher_not_found: { "*": "VOUCHER_INVALID", redeem: "HOLD_EXPIRED", extend: "HOLD_EXPIRED" },
  permission_denied_or_non_existent: { "*": "VOUCHER_INVALID" },
  voucher_expired: { "*": "VOUCHER_EXPIRED" },
  voucher_already_redeemed: {
    "*": "INSUFFICIENT_BALANCE",
    claim: "ALREADY_REDEEMED",
    redeem: "ALREADY_REDEEMED",
    extend: "HOLD_EXPIRED",
  },
  voucher_locked: { "*": "VOUCHER_HELD", redeem: "HOLD_EXPIRED", extend: "HOLD_EXPIRED" },
  voucher_amount_too_high: { "*": "INSUFFICIENT_BALANCE" },
  invalid_voucher_lock_period: { "*": "INVALID_REQUEST" },
  // Only unlocking can meet it; the adapter takes it as "already released".
  voucher_not_locked: { unlock: "HOLD_NOT_FOUND" },
};

/** The error name of a Spaaza error body, if it is one; only identifier-shaped names pass. */
export function spaazaErrorName(body: unknown): string | undefined {
  const parsed = ErrorEnvelope.safeParse(body);
  return parsed.success && /^[a-z0-9_]{1,64}$/.test(parsed.data.error.name) ? parsed.data.error.name : undefined;
}

/** The HttpProblem for a Spaaza error answer (or a warning that means "no"). */
export function spaazaProblem(
  response: UpstreamResponse,
  op: SpaazaOperation,
  movesMoney: boolean,
  name = spaazaErrorName(response.body),
): HttpProblem {
  const table = name ? byName[name] : undefined;
  const code = table?.[op] ?? table?.["*"];
  if (code) return new HttpProblem(code);
  if (response.status === 429 || response.status === 408 || response.status >= 500) {
    return statusProblem("Spaaza", response, { movesMoney });
  }
  if (name === "no_valid_session") return new HttpProblem("PROVIDER_ERROR", "Spaaza refused the session twice.");
  return new HttpProblem("PROVIDER_ERROR", `Spaaza answered ${response.status}${name ? ` ${name}` : ""}.`);
}
