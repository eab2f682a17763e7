/**
 * What the flow offers, from the account's capabilities alone (DESIGN §1: the widget never branches on a
 * provider's name). Pure functions shared by the reducer, the views and the tests, so the steps the
 * widget shows and the steps the reducer accepts cannot disagree.
 */
import type { CapabilitiesResponse, Money, VoucherStatus, VoucherSummary } from "../shared/contract.schema.ts";

/** The account's steps as the flow needs them (derived once from `GET /capabilities`). */
export interface FlowRules {
  /** A check by code comes first; its answer decides whether anything follows. */
  readonly check: boolean;
  /** Value vouchers can be held here, and so redeemed. */
  readonly hold: boolean;
  /** Redeem takes the voucher's whole value only: a hold is for the checked balance, never typed. */
  readonly fullValue: boolean;
}

/** Until the capabilities arrive: hold first, the flow the widget started with (nothing renders meanwhile). */
export const holdFirstRules: FlowRules = { check: false, hold: true, fullValue: false };

/** The rules for an account. Access codes (no money) are checked, never held, whatever else is claimed. */
export function rulesFor(data: Pick<CapabilitiesResponse, "capabilities" | "voucherKind">): FlowRules {
  const c = data.capabilities;
  return {
    check: c.check,
    hold: c.hold && c.redeem !== "none" && data.voucherKind === "value",
    fullValue: c.redeem === "full",
  };
}

export function sameRules(a: FlowRules, b: FlowRules): boolean {
  return a.check === b.check && a.hold === b.hold && a.fullValue === b.fullValue;
}

/** Why a checked voucher goes no further here: its status, or that this account cannot redeem it. */
export type StopReason = Exclude<VoucherStatus, "active"> | "not_redeemable";

/**
 * What a check's answer means here: `hold` (go on to the amount), `valid` (a good access code: checking
 * is all there is to do with it), or the reason the voucher stops at the check.
 */
export type CheckVerdict = "hold" | "valid" | StopReason;

export function verdictFor(rules: FlowRules, voucher: VoucherSummary): CheckVerdict {
  if (voucher.status !== "active") return voucher.status;
  if (voucher.kind === "access") return "valid";
  return rules.hold ? "hold" : "not_redeemable";
}

/** The state the next two functions read (a structural slice of the flow's state). */
export interface OfferState {
  readonly rules: FlowRules;
  readonly voucher: VoucherSummary | null;
}

/**
 * The step the entry form's submit runs now: the check while one is due, else the hold when this
 * voucher (or, on hold-first accounts, any code) may be held; null when nothing is offered.
 */
export function stepFor({ rules, voucher }: OfferState): "check" | "hold" | null {
  if (rules.check && !voucher) return "check";
  if (!rules.hold) return null;
  return voucher ? (verdictFor(rules, voucher) === "hold" ? "hold" : null) : "hold";
}

/** Whether the amount belongs on the form: on hold-first accounts always, after a good check otherwise. */
export function showsAmount(state: OfferState): boolean {
  return stepFor(state) === "hold" && (!state.rules.check || state.voucher !== null);
}

/** Full-value-only accounts: the amount a hold is for (the checked balance); null where any amount may be typed. */
export function fullValueOf({ rules, voucher }: OfferState): Money | null {
  return rules.fullValue ? (voucher?.balance ?? null) : null;
}
