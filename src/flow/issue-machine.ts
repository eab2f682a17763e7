/**
 * Selling (issuing) a voucher, as a pure reducer beside the redemption flow: amount (and validity where
 * the account allows it) → issuing → issued, showing the new code. Same rules as `machine.ts`.
 */
import type { IssuedVoucher } from "../shared/contract.schema.ts";
import type { FlowError } from "./machine.ts";

export const IssuePhase = {
  Entering: "entering",
  Issuing: "issuing",
  Issued: "issued",
  Failed: "failed",
} as const;
export type IssuePhase = (typeof IssuePhase)[keyof typeof IssuePhase];

export interface IssueState {
  readonly phase: IssuePhase;
  readonly voucher: IssuedVoucher | null;
  readonly error: FlowError | null;
}

export type IssueAction =
  | { type: "issue" }
  | { type: "issued"; voucher: IssuedVoucher }
  | { type: "fail"; error: FlowError }
  | { type: "edit" }
  | { type: "reset" };

export const initialIssueState: IssueState = { phase: IssuePhase.Entering, voucher: null, error: null };

/** The next issue state; the same object when the action does not apply. */
export function transitionIssue(state: IssueState, action: IssueAction): IssueState {
  const { phase } = state;
  const entry = phase === IssuePhase.Entering || phase === IssuePhase.Failed;
  switch (action.type) {
    case "issue":
      return entry ? { ...initialIssueState, phase: IssuePhase.Issuing } : state;
    case "issued":
      return phase === IssuePhase.Issuing ? { phase: IssuePhase.Issued, voucher: action.voucher, error: null } : state;
    case "fail":
      return entry || phase === IssuePhase.Issuing
        ? { ...initialIssueState, phase: IssuePhase.Failed, error: action.error }
        : state;
    case "edit":
      return phase === IssuePhase.Failed ? initialIssueState : state;
    case "reset":
      return phase === IssuePhase.Issuing || state === initialIssueState ? state : initialIssueState;
  }
}
