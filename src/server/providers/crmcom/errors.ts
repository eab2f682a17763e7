/**
 * CRM.COM's `status.code` → the BFF's closed error codes. The public pages document only "OK"; the other
 * codes are the simulator's names (see its envelope.ts), so anything unknown becomes PROVIDER_ERROR with
 * the code named (identifier-shaped codes only: nothing from a body carries user input into a message).
 *
 * An unknown number and a wrong secret number give the same VOUCHER_INVALID.
 */
import type { ErrorCode } from "../../../shared/index.ts";
import { HttpProblem } from "../../errors/http-problem.ts";

/**
 * What the adapter was doing. NOT_FOUND means "no such voucher" only where the user named the voucher
 * (`voucher`); on `use` the voucher was found moments before, so it names something configured (the
 * accounts receivable) and is the merchant's problem, not the shopper's.
 */
export type CrmOperation = "voucher" | "use" | "issue" | "lookup";

const voucherCodes: Record<string, ErrorCode> = {
  NOT_FOUND: "VOUCHER_INVALID",
  INVALID_SECRET_NUMBER: "VOUCHER_INVALID",
  VOUCHER_EXPIRED: "VOUCHER_EXPIRED",
  VOUCHER_NOT_EFFECTIVE: "VOUCHER_INACTIVE",
  INVALID_LIFE_CYCLE_STATE: "VOUCHER_INACTIVE",
};

/** The HttpProblem for an envelope whose code is not "OK". */
export function crmProblem(code: string, op: CrmOperation): HttpProblem {
  const mapped = op === "voucher" || (op === "use" && code !== "NOT_FOUND") ? voucherCodes[code] : undefined;
  if (mapped) return new HttpProblem(mapped);
  const shown = /^[A-Z0-9_]{1,60}$/.test(code) ? ` ${code}` : "";
  if (code === "INVALID_TOKEN") return new HttpProblem("PROVIDER_ERROR", "CRM.COM refused a fresh token.");
  if (op === "issue")
    return new HttpProblem("PROVIDER_ERROR", `CRM.COM refused the purchase:${shown || " unknown reason"}.`);
  return new HttpProblem("PROVIDER_ERROR", `CRM.COM answered${shown || " an error"}.`);
}
