/**
 * The redemption flow as a pure reducer (DESIGN §5, §6.2): `transition(state, action)` returns the next
 * state and does nothing else. Controllers run the requests and dispatch what came back; the widget renders
 * the state. An action that makes no sense in the current phase returns the same state object, which is
 * also how late answers to abandoned requests are ignored.
 */
import type { Hold, Redemption, VoucherSummary } from "../shared/contract.schema.ts";
import { type FlowRules, holdFirstRules, stepFor, verdictFor } from "./offer.ts";

/** Where the flow stands. `failed` shows the entry form with the error that stopped it. */
export const Phase = {
  Entering: "entering",
  Checking: "checking",
  Ready: "ready",
  /** The check's answer is the whole result (access codes, check-only accounts, vouchers that cannot be held). */
  Checked: "checked",
  Holding: "holding",
  Held: "held",
  Redeeming: "redeeming",
  Redeemed: "redeemed",
  Released: "released",
  Expired: "expired",
  Failed: "failed",
} as const;
export type Phase = (typeof Phase)[keyof typeof Phase];

/** The input fields an error can be about. */
export type Field = "code" | "pin" | "amount" | "validUntil";
/** What was being attempted when an error happened. */
export type Operation = "validate" | "check" | "hold" | "extend" | "release" | "redeem" | "issue" | "load";

/** An error as the flow keeps it: the code (server, client or widget validation), never a message. */
export interface FlowError {
  code: string;
  operation: Operation;
  retryable: boolean;
  field?: Field;
  /** HTTP status of a server refusal (0 or absent for client-side errors). */
  status?: number;
  retryAfterSeconds?: number;
}

export interface FlowState {
  readonly phase: Phase;
  /** What the account allows (kept through every reset; replaced by `configure`). */
  readonly rules: FlowRules;
  /** What a balance check said (accounts that support check). */
  readonly voucher: VoucherSummary | null;
  /** The live hold in held/redeeming; the ended one in released/expired. */
  readonly hold: Hold | null;
  readonly redemption: Redemption | null;
  readonly error: FlowError | null;
  /** A request running on the held voucher that leaves it held meanwhile. */
  readonly busy: "extend" | "release" | null;
  /** Escape was pressed on a hold: the widget asks before releasing it. */
  readonly confirmingRelease: boolean;
}

export type FlowAction =
  | { type: "configure"; rules: FlowRules }
  | { type: "edit"; field: Field }
  | { type: "check" }
  | { type: "checked"; voucher: VoucherSummary }
  | { type: "hold" }
  | { type: "held"; hold: Hold }
  | { type: "extend" }
  | { type: "extended"; hold: Hold }
  | { type: "askRelease" }
  | { type: "keepHold" }
  | { type: "release" }
  | { type: "released"; hold?: Hold }
  | { type: "redeem" }
  | { type: "redeemed"; redemption: Redemption }
  | { type: "expire" }
  | { type: "fail"; error: FlowError }
  | { type: "back" }
  | { type: "reset" }
  /** Split tender took the new hold over: the entry starts afresh for the next voucher (nothing is released). */
  | { type: "handOff" };

export const initialState: FlowState = {
  phase: Phase.Entering,
  rules: holdFirstRules,
  voucher: null,
  hold: null,
  redemption: null,
  error: null,
  busy: null,
  confirmingRelease: false,
};

/** Phases that show the entry form, from which a check or a hold may start. */
const entryPhases: ReadonlySet<Phase> = new Set([
  Phase.Entering,
  Phase.Ready,
  Phase.Failed,
  Phase.Released,
  Phase.Expired,
]);

/** A fresh start for this account: the initial state with the account's rules, and `patch`. */
function fresh(state: FlowState, patch: Partial<FlowState> = {}): FlowState {
  return { ...initialState, rules: state.rules, ...patch };
}

/** Nothing entered, nothing running, nothing to show: a reset would change nothing. */
function pristine(s: FlowState): boolean {
  return s.phase === Phase.Entering && !s.voucher && !s.hold && !s.redemption && !s.error && !s.busy;
}

/** Errors that mean the hold is gone, whatever was being done with it. */
function holdGone(state: FlowState, error: FlowError): FlowState {
  if (error.code === "HOLD_EXPIRED")
    return { ...state, phase: Phase.Expired, busy: null, error, confirmingRelease: false };
  return fresh(state, { phase: Phase.Failed, voucher: state.voucher, error });
}

/** Failures while a hold exists: the hold stays unless the error says it is gone. */
function failOnHold(state: FlowState, error: FlowError): FlowState {
  if (error.code === "HOLD_EXPIRED" || error.code === "HOLD_NOT_FOUND" || error.code === "ALREADY_REDEEMED") {
    return holdGone(state, error);
  }
  return { ...state, phase: Phase.Held, busy: null, error, confirmingRelease: false };
}

/**
 * The seconds a retryable redeem failure asked to wait before trying again (`retryAfterSeconds`, e.g. a
 * charge the provider has not confirmed yet); 0 when there is nothing to wait for.
 */
export function retryWaitOf(error: FlowError | null): number {
  return error?.operation === "redeem" && error.retryable ? (error.retryAfterSeconds ?? 0) : 0;
}

/** The next state; the same object when the action does not apply to this phase. */
export function transition(state: FlowState, action: FlowAction): FlowState {
  const { phase } = state;
  switch (action.type) {
    case "configure":
      // Another account (a new token): whatever was under way belonged to the old one.
      return fresh({ ...state, rules: action.rules });
    case "edit": {
      if (!entryPhases.has(phase)) return state;
      // A new code or PIN makes the last balance check meaningless; a new amount does not.
      const voucher = action.field === "code" || action.field === "pin" ? null : state.voucher;
      const next = voucher ? Phase.Ready : Phase.Entering;
      if (next === phase && voucher === state.voucher && !state.error && !state.hold) return state;
      return fresh(state, { phase: next, voucher });
    }
    case "check":
      return entryPhases.has(phase) && state.rules.check ? fresh(state, { phase: Phase.Checking }) : state;
    case "checked": {
      if (phase !== Phase.Checking) return state;
      const next = verdictFor(state.rules, action.voucher) === "hold" ? Phase.Ready : Phase.Checked;
      return { ...state, phase: next, voucher: action.voucher, error: null };
    }
    case "hold":
      // Only what the account offers for this voucher: a check-first account holds a checked, active one.
      return entryPhases.has(phase) && stepFor(state) === "hold"
        ? fresh(state, { phase: Phase.Holding, voucher: state.voucher })
        : state;
    case "held":
      return phase === Phase.Holding ? { ...state, phase: Phase.Held, hold: action.hold, error: null } : state;
    case "extend":
      return phase === Phase.Held && !state.busy
        ? { ...state, busy: "extend", error: null, confirmingRelease: false }
        : state;
    case "extended":
      return phase === Phase.Held && state.busy === "extend" ? { ...state, busy: null, hold: action.hold } : state;
    case "askRelease":
      return phase === Phase.Held && !state.busy ? { ...state, confirmingRelease: true } : state;
    case "keepHold":
      return state.confirmingRelease ? { ...state, confirmingRelease: false } : state;
    case "release":
      return phase === Phase.Held && !state.busy
        ? { ...state, busy: "release", error: null, confirmingRelease: false }
        : state;
    case "released":
      return phase === Phase.Held && state.busy === "release"
        ? fresh(state, { phase: Phase.Released, hold: action.hold ?? state.hold })
        : state;
    case "redeem":
      return phase === Phase.Held && !state.busy
        ? { ...state, phase: Phase.Redeeming, error: null, confirmingRelease: false }
        : state;
    case "redeemed":
      return phase === Phase.Redeeming ? { ...state, phase: Phase.Redeemed, redemption: action.redemption } : state;
    case "expire":
      // A redeem already on its way decides for itself (the server answers HOLD_EXPIRED if it was too late).
      return phase === Phase.Held ? { ...state, phase: Phase.Expired, busy: null, confirmingRelease: false } : state;
    case "fail":
      if (phase === Phase.Held || phase === Phase.Redeeming) return failOnHold(state, action.error);
      if (phase === Phase.Checking || phase === Phase.Holding || entryPhases.has(phase)) {
        return fresh(state, { phase: Phase.Failed, voucher: state.voucher, error: action.error });
      }
      return state;
    case "back":
      if (phase === Phase.Held)
        return transition(state, state.confirmingRelease ? { type: "keepHold" } : { type: "askRelease" });
      // A hold or redeem on its way cannot be called back; a check can (its late answer is then ignored).
      if (phase === Phase.Entering || phase === Phase.Holding || phase === Phase.Redeeming) return state;
      return fresh(state);
    case "reset":
      return pristine(state) ? state : fresh(state);
    case "handOff":
      return phase === Phase.Held && !state.busy ? fresh(state) : state;
  }
}
