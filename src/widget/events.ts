/**
 * The widget's events (DESIGN §5): names, detail shapes, and the pure mapping from a flow change to the
 * events it announces. Details carry masked codes and ids only, never a PIN or a full voucher code; the one
 * exception is `voucher-issued`, whose code is the point of the event (its PIN is still left out).
 */
import type { FlowAction, FlowState, Operation } from "../flow/machine.ts";
import { Phase } from "../flow/machine.ts";
import type { Money, Redemption, VoucherKind, VoucherStatus } from "../shared/contract.schema.ts";

export interface VoucherCheckedDetail {
  maskedCode: string;
  kind: VoucherKind;
  status: VoucherStatus;
  balance?: Money;
  validUntil?: string | null;
}
export interface VoucherHeldDetail {
  holdId: string;
  amount: Money;
  expiresAt: string;
  maskedCode: string;
  balance?: Money;
  /** True when this hold replaces the previous one after "Extend". */
  extended: boolean;
}
export interface VoucherExpiringDetail {
  holdId: string;
  expiresAt: string;
  secondsLeft: number;
}
export interface VoucherHoldEndedDetail {
  holdId: string;
}
export interface VoucherRedeemedDetail {
  holdId: string;
  redemptionId: string;
  amount: Money;
  remainingBalance?: Money;
  orderRef: string;
  createdAt: string;
}
export interface VoucherIssuedDetail {
  /** The new voucher's full code, for the receipt. Its PIN (if any) is shown on screen, never put in an event. */
  code: string;
  amount: Money;
  validUntil: string | null;
}
export interface VoucherErrorDetail {
  code: string;
  operation: Operation;
  retryable: boolean;
  status?: number;
  /** The localized message the widget shows. */
  message: string;
}

/** Split tender: the sale's vouchers after every change (added, redeemed, failed, removed, expired). */
export interface VoucherTenderDetail {
  items: {
    holdId: string;
    maskedCode: string;
    amount: Money;
    state: "held" | "redeeming" | "redeemed" | "failed" | "releasing";
    redemptionId?: string;
    /** The error code of a failed redeem (or release). */
    error?: string;
  }[];
  /** What the vouchers on the list cover. */
  covered: Money;
  /** What is left to pay by other means; null when the page gave no amount. */
  remainingDue: Money | null;
  /** Every voucher on the list is redeemed. */
  complete: boolean;
}

/** Event name → detail type, for `addEventListener` typing. */
export interface VoucherEventMap {
  "voucher-checked": CustomEvent<VoucherCheckedDetail>;
  "voucher-held": CustomEvent<VoucherHeldDetail>;
  "voucher-expiring": CustomEvent<VoucherExpiringDetail>;
  "voucher-expired": CustomEvent<VoucherHoldEndedDetail>;
  "voucher-released": CustomEvent<VoucherHoldEndedDetail>;
  "voucher-redeemed": CustomEvent<VoucherRedeemedDetail>;
  "voucher-issued": CustomEvent<VoucherIssuedDetail>;
  "voucher-error": CustomEvent<VoucherErrorDetail>;
  "voucher-tender": CustomEvent<VoucherTenderDetail>;
}
export type VoucherEventName = keyof VoucherEventMap;
type Detail<K extends VoucherEventName> = VoucherEventMap[K]["detail"];
export type PendingEvent = { [K in VoucherEventName]: [K, Detail<K>] }[VoucherEventName];

/** The events one flow change announces (errors excepted: those need words, see the element). */
export function flowEvents(next: FlowState, previous: FlowState, action: FlowAction): PendingEvent[] {
  const events: PendingEvent[] = [];
  const hold = next.hold;
  if (action.type === "checked" && next.voucher) {
    const { maskedCode, kind, status, balance, validUntil } = next.voucher;
    events.push(["voucher-checked", { maskedCode, kind, status, balance, validUntil }]);
  }
  if ((action.type === "held" || action.type === "extended") && hold) {
    events.push([
      "voucher-held",
      {
        holdId: hold.id,
        amount: hold.amount,
        expiresAt: hold.expiresAt,
        maskedCode: hold.voucher.maskedCode,
        balance: hold.voucher.balance,
        extended: action.type === "extended",
      },
    ]);
  }
  if (next.phase === Phase.Released && previous.phase !== Phase.Released && hold) {
    events.push(["voucher-released", { holdId: hold.id }]);
  }
  if (next.phase === Phase.Expired && previous.phase !== Phase.Expired && hold) {
    events.push(["voucher-expired", { holdId: hold.id }]);
  }
  if (next.phase === Phase.Redeemed && previous.phase !== Phase.Redeemed && next.redemption) {
    events.push(["voucher-redeemed", redeemedDetail(next.redemption)]);
  }
  return events;
}

/** The `voucher-redeemed` detail for a redemption (one voucher's, alone or in split tender). */
export function redeemedDetail(r: Redemption): VoucherRedeemedDetail {
  const { id, holdId, amount, remainingBalance, orderRef, createdAt } = r;
  return { holdId, redemptionId: id, amount, remainingBalance, orderRef, createdAt };
}
