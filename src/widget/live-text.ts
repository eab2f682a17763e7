/**
 * The words in the two live regions: `role="status"` (progress and results, polite) and `role="alert"`
 * (errors and the expiry notice, assertive). Derived from state, so an unchanged text is not re-announced.
 */
import type { CapabilitiesResult } from "../flow/capabilities-controller.ts";
import type { FlowError, FlowState } from "../flow/machine.ts";
import { Phase, retryWaitOf } from "../flow/machine.ts";
import { verdictFor } from "../flow/offer.ts";
import type { CapabilitiesResponse, Money } from "../shared/contract.schema.ts";
import { type ErrorContext, errorMessage, type Messages } from "./messages/index.ts";

/** Issue mode's own words (see `issue-mode.ts`); null while that module loads. */
export interface IssueWords {
  statusText(m: Messages, money: (value: Money) => string): string;
  errorText(m: Messages, data: CapabilitiesResponse): string;
}

export interface LiveInput {
  m: Messages;
  /** Set in issue mode. */
  issue?: IssueWords | null;
  caps: CapabilitiesResult;
  flow: FlowState;
  /** A one-off announcement (a countdown warning, "Code copied"), cleared on the next change. */
  announcement: string;
  money: (value: Money) => string;
  time: (iso: string) => string;
  date: (iso: string) => string;
}

/** The status line: loading, then the redeem flow's progress (issue mode brings its own words). */
export function statusText(i: LiveInput): string {
  const { m, flow } = i;
  if (i.announcement) return i.announcement;
  if (!i.caps.data) return i.caps.isError ? "" : m.loading;
  if (i.issue !== undefined) return i.issue ? i.issue.statusText(m, i.money) : m.loading;
  switch (flow.phase) {
    case Phase.Checking:
      return m.checking;
    case Phase.Ready:
    case Phase.Checked: {
      const v = flow.voucher;
      if (v?.kind === "access") {
        return verdictFor(flow.rules, v) === "valid" ? m.validStatus(v.validUntil ? i.date(v.validUntil) : null) : "";
      }
      return v?.balance ? m.checked(i.money(v.balance)) : "";
    }
    case Phase.Holding:
      return m.holding;
    case Phase.Held:
      if (flow.busy === "extend") return m.extending;
      if (flow.busy === "release") return m.releasing;
      return flow.hold ? m.heldUntil(i.money(flow.hold.amount), i.time(flow.hold.expiresAt)) : "";
    case Phase.Redeeming:
      return m.redeeming;
    case Phase.Redeemed: {
      const r = flow.redemption;
      return r ? m.redeemedStatus(i.money(r.amount), r.remainingBalance ? i.money(r.remainingBalance) : null) : "";
    }
    case Phase.Released:
      return m.released;
    default:
      return "";
  }
}

/** The error line: a failed load, a refusal, why a checked voucher stops here, or the expiry notice. */
export function errorText(i: LiveInput): string {
  const { m, flow } = i;
  const data = i.caps.data;
  if (!data) return i.caps.error ? errorMessage(m, (i.caps.error as { code?: string }).code ?? "INTERNAL") : "";
  // Issue mode's chunk not loaded: the only error is that it could not be (the flow's load failure).
  if (i.issue !== undefined) return i.issue?.errorText(m, data) ?? (flow.error ? errorMessage(m, flow.error.code) : "");
  if (!flow.rules.hold && !flow.rules.check) return m.errors.NOT_SUPPORTED;
  if (!data.abilities.includes("redeem")) return m.errors.FORBIDDEN;
  if (flow.error) return failureText(m, flow.error, { kind: data.voucherKind, pin: data.capabilities.pin });
  if (flow.phase === Phase.Checked && flow.voucher) {
    const verdict = verdictFor(flow.rules, flow.voucher);
    if (verdict === "valid" || verdict === "hold") return "";
    return flow.voucher.kind === "access" && verdict !== "not_redeemable" ? m.access[verdict] : m.stops[verdict];
  }
  return flow.phase === Phase.Expired ? m.expired : "";
}

/**
 * A failure in words (the single voucher's, and each split-tender voucher's). A charge not confirmed yet says
 * when to try again: the figure is fixed at the failure, so it is read out once, not every second.
 */
export function failureText(m: Messages, error: FlowError, context?: ErrorContext): string {
  const wait = retryWaitOf(error);
  return wait && error.code === "PROVIDER_UNAVAILABLE" ? m.unconfirmed(wait) : errorMessage(m, error.code, context);
}
