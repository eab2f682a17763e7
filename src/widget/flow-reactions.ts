/**
 * What the element does when the flow changes, as pure functions: which events to fire, whether the
 * countdown starts or stops, what the form value becomes, where focus goes. The element applies them.
 */
import type { FlowAction, FlowState } from "../flow/machine.ts";
import { Phase } from "../flow/machine.ts";
import { flowEvents, type PendingEvent } from "./events.ts";

export interface FlowReaction {
  events: PendingEvent[];
  /** A new expiry to count down to (a new hold, or an extended one). */
  startCountdown: string | null;
  stopCountdown: boolean;
  /** The PIN has done its job (or the attempt is over): do not keep it in the field. */
  clearPin: boolean;
  /** The form value: the hold id while there is one. */
  formValue: string | null;
}

const holdPhases: ReadonlySet<Phase> = new Set([Phase.Held, Phase.Redeeming, Phase.Redeemed]);

export function reactToFlow(next: FlowState, previous: FlowState, action: FlowAction): FlowReaction {
  const counting = next.phase === Phase.Held || next.phase === Phase.Redeeming;
  const newExpiry = counting && next.hold && next.hold.expiresAt !== previous.hold?.expiresAt;
  return {
    events: flowEvents(next, previous, action),
    startCountdown: newExpiry && next.hold ? next.hold.expiresAt : null,
    stopCountdown: !counting,
    clearPin: next.phase === Phase.Held && previous.phase !== Phase.Held,
    formValue: holdPhases.has(next.phase) && next.hold ? next.hold.id : null,
  };
}

/** The element where the next keystroke belongs in this state (a selector in the shadow root). */
export function focusTargetFor(state: FlowState): string | null {
  switch (state.phase) {
    case Phase.Entering:
    case Phase.Released:
    case Phase.Expired:
      return "#code";
    case Phase.Failed:
      // The field the error is about; a fault worth retrying (network, busy provider): the button, so Enter retries.
      if (state.error?.field) return `#${state.error.field}`;
      return state.error?.retryable ? "form [type=submit]" : "#code";
    case Phase.Ready:
      // Also where the amount is read-only (full value only): its description says why, and Enter holds.
      return "#amount";
    case Phase.Checked:
      return "[data-action=next]";
    case Phase.Held:
      if (state.busy) return null;
      return state.confirmingRelease ? "[part~=confirm] [data-action=release]" : "[data-action=redeem]";
    case Phase.Redeemed:
      return "[data-action=next]";
    default:
      return null;
  }
}
