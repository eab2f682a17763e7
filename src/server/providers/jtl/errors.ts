/**
 * JTL answers → the BFF's closed error codes. JTL's business error codes for reservations and charges are
 * not public (see the simulator's errors.ts), so we match on their last segments (`.PIN.INVALID`,
 * `.INSUFFICIENT_BALANCE`, …), which follow the documented `<ENTITY>.<OP>.<FIELD>.<RULE>` pattern.
 *
 * Unknown code and wrong PIN give the same VOUCHER_INVALID. A missing PIN does too: only a voucher that
 * exists can require one, so PIN_REQUIRED would tell a guesser that the code is real.
 */
import type { ErrorCode } from "../../../shared/index.ts";
import { HttpProblem } from "../../errors/http-problem.ts";
import { statusProblem, type UpstreamResponse } from "../http.ts";
import { JtlErrorBody } from "./schemas.ts";

/** What the adapter was doing; the same JTL code can mean different things per step. */
export type JtlOperation = "reserve" | "charge" | "refund" | "issue" | "read";

interface Rule {
  match: RegExp;
  code: ErrorCode;
  /** Only for these operations (all when absent). */
  ops?: readonly JtlOperation[];
}

const rules: readonly Rule[] = [
  { match: /^VOUCHER\.NOT_FOUND$/, code: "VOUCHER_INVALID", ops: ["reserve"] },
  { match: /\.PIN\.(INVALID|REQUIRED)$/, code: "VOUCHER_INVALID" },
  { match: /\.INSUFFICIENT_BALANCE$/, code: "INSUFFICIENT_BALANCE" },
  { match: /\.VOUCHER\.INACTIVE$/, code: "VOUCHER_INACTIVE" },
  { match: /\.VOUCHER\.EXPIRED$/, code: "VOUCHER_EXPIRED" },
  { match: /\.CURRENCY\.MATCH$/, code: "CURRENCY_MISMATCH" },
  { match: /^RESERVATION\.(NOT_FOUND|CHARGE\.EXPIRED|CHARGE\.REPLACED)$/, code: "HOLD_EXPIRED" },
  { match: /\.ALREADY_CHARGED$/, code: "ALREADY_REDEEMED" },
  { match: /^CHARGE\.NOT_FOUND$/, code: "REDEMPTION_NOT_FOUND", ops: ["refund"] },
  { match: /\.AMOUNT\.MAX_REFUNDABLE$/, code: "REFUND_EXCEEDS_REDEMPTION" },
];

/** The error codes in a JTL error body: the top-level one and each field error's. */
export function jtlErrorCodes(body: unknown): string[] {
  const parsed = JtlErrorBody.safeParse(body);
  if (!parsed.success) return [];
  // Only identifier-shaped codes: nothing from a body may carry user input into our messages.
  return [parsed.data.code, ...(parsed.data.errors ?? []).map((e) => e.code)].filter((c) =>
    /^[A-Z0-9_.:]{1,120}$/.test(c),
  );
}

/** The HttpProblem for a JTL answer that is not 2xx. */
export function jtlProblem(response: UpstreamResponse, op: JtlOperation, movesMoney: boolean): HttpProblem {
  const codes = jtlErrorCodes(response.body);
  if (response.status === 404 || response.status === 422) {
    for (const rule of rules) {
      if (rule.ops && !rule.ops.includes(op)) continue;
      if (codes.some((c) => rule.match.test(c))) return new HttpProblem(rule.code);
    }
  }
  const shown = codes.length ? ` ${codes.join(", ")}` : "";
  return statusProblem("JTL", response, { movesMoney, detail: `JTL answered ${response.status}${shown}.` });
}
