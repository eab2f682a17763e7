/** Turns stored rows into the contract's response bodies. */
import { type Hold, money, type Redemption, type Refund } from "../../shared/index.ts";
import type { HoldRow } from "../store/holds-repo.ts";
import type { RedemptionRow } from "../store/redemptions-repo.ts";
import type { RefundRow } from "../store/refunds-repo.ts";

/** What of a hold row the client sees. */
export type HoldView = Pick<
  HoldRow,
  | "id"
  | "state"
  | "amountMinor"
  | "currency"
  | "expiresAt"
  | "keptBy"
  | "maskedCode"
  | "balanceMinor"
  | "balanceCurrency"
  | "redemptionId"
>;

/** The hold as the client sees it; a live hold past its expiry reads as expired. */
export function holdBody(row: HoldView, now: Date): Hold {
  const lapsed = (row.state === "active" || row.state === "pending") && row.expiresAt <= now;
  const state = lapsed || row.state === "failed" ? "expired" : row.state;
  return {
    id: row.id,
    state,
    amount: money(row.amountMinor, row.currency),
    expiresAt: row.expiresAt.toISOString(),
    serverTime: now.toISOString(),
    keptBy: row.keptBy,
    voucher: {
      maskedCode: row.maskedCode,
      ...(row.balanceMinor !== null && row.balanceCurrency
        ? { balance: money(row.balanceMinor, row.balanceCurrency) }
        : {}),
    },
    ...(row.redemptionId ? { redemptionId: row.redemptionId } : {}),
  };
}

/** What of a redemption row the client sees. */
export type RedemptionView = Pick<
  RedemptionRow,
  "id" | "holdId" | "amountMinor" | "currency" | "remainingMinor" | "remainingCurrency" | "orderRef" | "createdAt"
>;

/** A committed redemption as the client sees it. */
export function redemptionBody(row: RedemptionView): Redemption {
  return {
    id: row.id,
    holdId: row.holdId,
    amount: money(row.amountMinor, row.currency),
    ...(row.remainingMinor !== null && row.remainingCurrency
      ? { remainingBalance: money(row.remainingMinor, row.remainingCurrency) }
      : {}),
    orderRef: row.orderRef,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A committed refund as the client sees it. */
export function refundBody(row: RefundRow): Refund {
  return {
    id: row.id,
    redemptionId: row.redemptionId,
    amount: money(row.amountMinor, row.currency),
    createdAt: row.createdAt.toISOString(),
  };
}
