/**
 * Redeem mode's body: picks the view for the flow's phase (entry form, check result, held voucher,
 * redemption) and feeds it what the account's rules say. Pure: state and formatters in, template out.
 */
import { nothing, type TemplateResult } from "lit";
import { formatRemaining } from "../../flow/countdown-controller.ts";
import { exceedsDue } from "../../flow/entry-input.ts";
import { type FlowState, Phase } from "../../flow/machine.ts";
import { fullValueOf, verdictFor } from "../../flow/offer.ts";
import type { CapabilitiesResponse, Money } from "../../shared/contract.schema.ts";
import type { Messages } from "../messages/index.ts";
import { checkedView } from "./checked-view.ts";
import { type EntryFieldValues, entryView } from "./entry-view.ts";
import { type CountdownLevel, heldView, redeemedView } from "./held-view.ts";

export interface RedeemViewInput {
  m: Messages;
  flow: FlowState;
  data: CapabilitiesResponse;
  values: EntryFieldValues;
  currency: string;
  /** The sale's due amount in minor units, null when the page gave none. */
  dueMinor: number | null;
  money: (value: Money) => string;
  date: (iso: string) => string;
  /** Milliseconds left on the hold (the countdown's figure). */
  remainingMs: number;
  /** Seconds before a failed redeem may be tried again (0: at once). */
  retryIn: number;
  /** The countdown's state by the warning marks it has reached (null above them). */
  countdownLevel: CountdownLevel | null;
  /** The browser reads barcodes: the entry form offers the camera. */
  camera: boolean;
}

export function redeemView(i: RedeemViewInput): TemplateResult | typeof nothing {
  const { m, flow, money, date } = i;
  const caps = i.data.capabilities;
  // Nothing this account could do here: the alert region says so.
  if (!flow.rules.hold && !flow.rules.check) return nothing;
  if ((flow.phase === Phase.Held || flow.phase === Phase.Redeeming) && flow.hold) {
    const left = i.remainingMs;
    return heldView({
      m,
      state: flow,
      hold: flow.hold,
      caps,
      money,
      remaining: formatRemaining(left),
      level: i.countdownLevel,
      retryIn: i.retryIn,
    });
  }
  if (flow.phase === Phase.Redeemed) return redeemedView(m, flow, money);
  if (flow.phase === Phase.Checked && flow.voucher) {
    return checkedView({ m, voucher: flow.voucher, verdict: verdictFor(flow.rules, flow.voucher), money, date });
  }
  const fullValue = fullValueOf(flow);
  return entryView({
    m,
    state: flow,
    pin: caps.pin,
    access: i.data.voucherKind === "access",
    values: i.values,
    currency: i.currency,
    money,
    date,
    fullValue,
    overDue: fullValue !== null && exceedsDue(fullValue, i.dueMinor),
    camera: i.camera,
  });
}
