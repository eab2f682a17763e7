/**
 * Split tender: several vouchers held on one sale, as a pure reducer beside the single-voucher flow
 * (`machine.ts`). The entry flow holds one voucher at a time and hands each hold over to this list; the
 * list keeps every hold with its own state until the sale redeems them all. A failure belongs to its item
 * alone: the others keep their outcome (a redeemed one is never redeemed again), and the failed one can be
 * retried (same hold, same body, so the same idempotency key) or removed.
 */
import type { Hold, Money, Redemption } from "../shared/contract.schema.ts";
import { toMinor } from "../shared/money.ts";
import type { FlowError } from "./machine.ts";

/** Where one voucher of the sale stands. */
export const ItemState = {
  Held: "held",
  Redeeming: "redeeming",
  Redeemed: "redeemed",
  /** The redeem (or a release) was refused or its answer lost: `error` says why; the hold may still live. */
  Failed: "failed",
  Releasing: "releasing",
} as const;
export type ItemState = (typeof ItemState)[keyof typeof ItemState];

export interface TenderItem {
  readonly hold: Hold;
  readonly state: ItemState;
  readonly redemption: Redemption | null;
  readonly error: FlowError | null;
}

/** A hold that left the list by itself (its time ran out, or the server says it is gone). */
export interface TenderNotice {
  readonly code: "HOLD_EXPIRED" | "HOLD_NOT_FOUND";
  readonly maskedCode: string;
}

export interface TenderState {
  readonly items: readonly TenderItem[];
  readonly notice: TenderNotice | null;
}

export type TenderAction =
  | { type: "add"; hold: Hold }
  | { type: "redeem"; id: string }
  | { type: "redeemed"; id: string; redemption: Redemption }
  | { type: "release"; id: string }
  | { type: "released"; id: string }
  | { type: "expire"; id: string }
  | { type: "fail"; id: string; error: FlowError }
  | { type: "clear" };

export const emptyTender: TenderState = { items: [], notice: null };

/** Errors that mean the hold no longer exists upstream: nothing to retry or release. */
const goneCodes: ReadonlySet<string> = new Set(["HOLD_EXPIRED", "HOLD_NOT_FOUND"]);

function update(state: TenderState, id: string, from: readonly ItemState[], patch: Partial<TenderItem>): TenderState {
  const item = state.items.find((i) => i.hold.id === id);
  if (!item || !from.includes(item.state)) return state;
  return { ...state, items: state.items.map((i) => (i === item ? { ...item, ...patch } : i)) };
}

function drop(state: TenderState, id: string, notice: TenderNotice | null): TenderState {
  const items = state.items.filter((item) => item.hold.id !== id);
  return items.length === state.items.length ? state : { items, notice };
}

/** The next tender state; the same object when the action does not apply. */
export function tenderTransition(state: TenderState, action: TenderAction): TenderState {
  switch (action.type) {
    case "add":
      if (state.items.some((item) => item.hold.id === action.hold.id)) return state;
      return {
        items: [...state.items, { hold: action.hold, state: ItemState.Held, redemption: null, error: null }],
        notice: null,
      };
    case "redeem":
      // A failed redeem is retried from Failed; a redeemed item is never sent again.
      return update(state, action.id, [ItemState.Held, ItemState.Failed], { state: ItemState.Redeeming, error: null });
    case "redeemed":
      return update(state, action.id, [ItemState.Redeeming], {
        state: ItemState.Redeemed,
        redemption: action.redemption,
        error: null,
      });
    case "release":
      return update(state, action.id, [ItemState.Held, ItemState.Failed], { state: ItemState.Releasing, error: null });
    case "released":
      return drop(state, action.id, null);
    case "expire": {
      const item = state.items.find((i) => i.hold.id === action.id);
      // A redeem on its way decides for itself; a redeemed item's countdown no longer matters.
      if (!item || !stillHeld(item)) return state;
      return drop(state, action.id, { code: "HOLD_EXPIRED", maskedCode: item.hold.voucher.maskedCode });
    }
    case "fail": {
      const item = state.items.find((i) => i.hold.id === action.id);
      if (!item || !inFlight(item)) return state;
      if (goneCodes.has(action.error.code)) {
        return drop(state, action.id, {
          code: action.error.code as TenderNotice["code"],
          maskedCode: item.hold.voucher.maskedCode,
        });
      }
      // A refused release leaves the voucher held; a refused redeem leaves it to be retried or removed.
      const next = item.state === ItemState.Releasing ? ItemState.Held : ItemState.Failed;
      return update(state, action.id, [item.state], { state: next, error: action.error });
    }
    case "clear":
      return state.items.length || state.notice ? emptyTender : state;
  }
}

/** The item still holds its voucher (held, or a redeem or release that failed): it may be released. */
export function stillHeld(item: TenderItem): boolean {
  return item.state === ItemState.Held || item.state === ItemState.Failed;
}

/** The amount the sale's vouchers cover, in minor units (every item in the list counts). */
export function coveredMinor(state: TenderState): number {
  return state.items.reduce((sum, item) => sum + minorOf(item.hold.amount), 0);
}

/** What the sale's vouchers redeemed, in minor units (a redemption's own amount where there is one). */
export function redeemedMinor(state: TenderState): number {
  return state.items.reduce((sum, item) => sum + minorOf(item.redemption?.amount ?? item.hold.amount), 0);
}

/** What is still due after the vouchers: never below zero; null when the sale's due amount is unknown. */
export function remainingDueMinor(state: TenderState, dueMinor: number | null): number | null {
  return dueMinor === null ? null : Math.max(0, dueMinor - coveredMinor(state));
}

/** Every voucher of the sale is redeemed (and there is at least one). */
export function tenderComplete(state: TenderState): boolean {
  return state.items.length > 0 && state.items.every((item) => item.state === ItemState.Redeemed);
}

/** The item's redeem failed in a way that may be tried again (same hold, same key). */
export function mayRetry(item: TenderItem): boolean {
  return item.state === ItemState.Failed && item.error?.retryable !== false;
}

/** A redeem or release of the item is on its way. */
export function inFlight(item: TenderItem): boolean {
  return item.state === ItemState.Redeeming || item.state === ItemState.Releasing;
}

/** Something is on its way for some item: the list's actions wait. */
export function tenderBusy(state: TenderState): boolean {
  return state.items.some(inFlight);
}

/** The items a "redeem all" sends: held ones, and failed ones that may be retried. */
export function redeemable(state: TenderState): TenderItem[] {
  return state.items.filter((item) => item.state === ItemState.Held || mayRetry(item));
}

/** The sale has started redeeming: no voucher may be added any more (the page's total is being settled). */
export function tenderSettling(state: TenderState): boolean {
  return state.items.some((item) => item.state === ItemState.Redeeming || item.state === ItemState.Redeemed);
}

function minorOf(money: Money): number {
  return toMinor(money.amount, money.currency) ?? 0;
}
