/** Rows of `refunds`: money given back on a committed redemption. */
import type { Queryable } from "./db.ts";
import type { MovementState } from "./redemptions-repo.ts";

export interface RefundRow {
  id: string;
  redemptionId: string;
  accountId: string;
  terminalId: string;
  state: MovementState;
  amountMinor: number;
  currency: string;
  upstreamId: string | null;
  errorCode: string | null;
  createdAt: Date;
}

export type NewRefund = Pick<
  RefundRow,
  "id" | "redemptionId" | "accountId" | "terminalId" | "amountMinor" | "currency" | "createdAt"
>;

/** Inserts a pending refund (its amount must already be reserved on the redemption). */
export async function insertPendingRefund(q: Queryable, r: NewRefund): Promise<void> {
  await q.query(
    `INSERT INTO refunds (id, redemption_id, account_id, terminal_id, state, amount_minor, currency, created_at,
       updated_at) VALUES ($1, $2, $3, $4, 'pending', $5, $6, $7, $7)`,
    [r.id, r.redemptionId, r.accountId, r.terminalId, r.amountMinor, r.currency, r.createdAt],
  );
}

/** Settles a pending refund as committed (with the provider's id) or failed (with the error code). */
export async function settleRefund(
  q: Queryable,
  id: string,
  outcome: { state: "committed"; upstreamId: string } | { state: "failed"; errorCode: string },
  now: Date,
): Promise<boolean> {
  const { rowCount } = await q.query(
    `UPDATE refunds SET state = $2, upstream_id = $3, error_code = $4, updated_at = $5
     WHERE id = $1 AND state = 'pending'`,
    [
      id,
      outcome.state,
      outcome.state === "committed" ? outcome.upstreamId : null,
      outcome.state === "failed" ? outcome.errorCode : null,
      now,
    ],
  );
  return rowCount > 0;
}
