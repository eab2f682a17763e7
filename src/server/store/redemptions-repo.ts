/** Rows of `redemptions` and `refunds`: money taken from a held voucher, and money given back. */
import { IF_FIRST_CHANGED, type Write } from "./atomic.ts";
import type { Queryable } from "./db.ts";
import { HOLD_COLUMNS, type HoldRow } from "./holds-repo.ts";

export type MovementState = "pending" | "committed" | "failed";

export interface RedemptionRow {
  id: string;
  holdId: string;
  accountId: string;
  terminalId: string;
  state: MovementState;
  amountMinor: number;
  currency: string;
  orderRef: string;
  idempotencyKey: string | null;
  upstreamId: string | null;
  remainingMinor: number | null;
  remainingCurrency: string | null;
  refundedMinor: number;
  errorCode: string | null;
  inFlightUntil: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `id, hold_id AS "holdId", account_id AS "accountId", terminal_id AS "terminalId", state,
  amount_minor AS "amountMinor", currency, order_ref AS "orderRef", idempotency_key AS "idempotencyKey",
  upstream_id AS "upstreamId", remaining_minor AS "remainingMinor", remaining_currency AS "remainingCurrency",
  refunded_minor AS "refundedMinor", error_code AS "errorCode", in_flight_until AS "inFlightUntil",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

export type NewRedemption = Pick<
  RedemptionRow,
  "id" | "holdId" | "accountId" | "terminalId" | "amountMinor" | "currency" | "orderRef" | "idempotencyKey"
> & { inFlightUntil: Date; now: Date };

/**
 * Inserts a pending redemption, already claimed by the caller until `inFlightUntil`, and returns it. With
 * `linkKey`, the same statement links that idempotency record to it (a retry under the key settles it).
 */
export async function insertPendingRedemption(
  q: Queryable,
  r: NewRedemption,
  linkKey?: { accountId: string; key: string },
): Promise<RedemptionRow> {
  const insert = `INSERT INTO redemptions (id, hold_id, account_id, terminal_id, state, amount_minor, currency, order_ref,
       idempotency_key, in_flight_until, created_at, updated_at)
     VALUES ($1, $2, $3, $4, 'pending', $5, $6, $7, $8, $9, $10, $10) RETURNING ${COLUMNS}`;
  const values = [
    r.id,
    r.holdId,
    r.accountId,
    r.terminalId,
    r.amountMinor,
    r.currency,
    r.orderRef,
    r.idempotencyKey,
    r.inFlightUntil,
    r.now,
  ];
  const { rows } = linkKey
    ? await q.query<RedemptionRow>(
        `WITH r AS (${insert}),
           k AS (UPDATE idempotency_keys SET resource_id = r.id FROM r WHERE account_id = $11 AND key = $12)
         SELECT * FROM r`,
        [...values, linkKey.accountId, linkKey.key],
      )
    : await q.query<RedemptionRow>(insert, values);
  return rows[0] as RedemptionRow;
}

/** A redemption about to start, for `claimKeyAndStartRedemption`: what is known before the hold is read. */
export type StartingRedemption = Omit<NewRedemption, "amountMinor" | "currency">;

/**
 * Claims an idempotency key and starts a redemption of an active, unexpired hold in one auto-committed
 * statement: `claimKey` (the key's INSERT, pointing at the redemption) first; then, only when it inserted,
 * the hold moved to `redeeming`, the pending redemption of its amount and its `redemption_pending`
 * journal entry. `hold` is the hold as moved, or null when nothing but the key was written (the hold was
 * not active, had expired, or is not this account's); nothing at all is written when the key was there
 * already (`claimed` false).
 */
export async function claimKeyAndStartRedemption(
  q: Queryable,
  claimKey: Write,
  r: StartingRedemption,
): Promise<{ claimed: boolean; hold: HoldRow | null; redemption: RedemptionRow | null }> {
  const at = claimKey.values.length;
  const p = (n: number) => `$${at + n}`;
  const { rows } = await q.query<HoldRow & { claimed: boolean }>(
    `WITH first_write AS (${claimKey.sql}),
       moved AS (UPDATE holds h SET state = 'redeeming', updated_at = ${p(5)}::timestamptz
         WHERE h.id = ${p(2)}::text AND h.account_id = ${p(3)}::text AND h.state = 'active'
           AND h.expires_at > ${p(5)}::timestamptz AND ${IF_FIRST_CHANGED}
         RETURNING ${HOLD_COLUMNS}),
       r AS (INSERT INTO redemptions (id, hold_id, account_id, terminal_id, state, amount_minor, currency, order_ref,
           idempotency_key, in_flight_until, created_at, updated_at)
         SELECT ${p(1)}::text, moved.id, moved."accountId", ${p(4)}::text, 'pending', moved."amountMinor", moved.currency,
           ${p(6)}::text, ${p(7)}::text, ${p(8)}::timestamptz, ${p(5)}::timestamptz, ${p(5)}::timestamptz FROM moved),
       j AS (INSERT INTO journal (at, account_id, terminal_id, event, hold_id, redemption_id, amount_minor, currency, detail)
         SELECT ${p(5)}::timestamptz, moved."accountId", ${p(4)}::text, 'redemption_pending', moved.id, ${p(1)}::text,
           moved."amountMinor", moved.currency,
           jsonb_build_object('orderRef', ${p(6)}::text, 'reservationId', moved."reservationId") FROM moved)
     SELECT EXISTS (SELECT 1 FROM first_write) AS claimed, moved.* FROM (SELECT 1) AS one LEFT JOIN moved ON true`,
    [
      ...claimKey.values,
      r.id,
      r.holdId,
      r.accountId,
      r.terminalId,
      r.now,
      r.orderRef,
      r.idempotencyKey,
      r.inFlightUntil,
    ],
  );
  const { claimed, ...moved } = rows[0] as HoldRow & { claimed: boolean };
  if (!claimed || moved.id === null) return { claimed, hold: null, redemption: null };
  const hold = moved as HoldRow;
  const redemption: RedemptionRow = {
    id: r.id,
    holdId: r.holdId,
    accountId: r.accountId,
    terminalId: r.terminalId,
    orderRef: r.orderRef,
    idempotencyKey: r.idempotencyKey,
    inFlightUntil: r.inFlightUntil,
    state: "pending",
    amountMinor: hold.amountMinor,
    currency: hold.currency,
    upstreamId: null,
    remainingMinor: null,
    remainingCurrency: null,
    refundedMinor: 0,
    errorCode: null,
    createdAt: r.now,
    updatedAt: r.now,
  };
  return { claimed, hold, redemption };
}

/** One redemption; `accountId` limits it to one account, `forUpdate` locks it. */
export async function findRedemption(
  q: Queryable,
  id: string,
  options: { accountId?: string; forUpdate?: boolean } = {},
): Promise<RedemptionRow | null> {
  const params: unknown[] = [id];
  let where = "id = $1";
  if (options.accountId !== undefined) {
    params.push(options.accountId);
    where += " AND account_id = $2";
  }
  const { rows } = await q.query<RedemptionRow>(
    `SELECT ${COLUMNS} FROM redemptions WHERE ${where}${options.forUpdate ? " FOR UPDATE" : ""}`,
    params,
  );
  return rows[0] ?? null;
}

/**
 * Claims a pending redemption for settling until `until`, unless a live request or another instance is
 * already on it. Returns the row when claimed.
 */
export async function claimPendingRedemption(
  q: Queryable,
  id: string,
  now: Date,
  until: Date,
): Promise<RedemptionRow | null> {
  const { rows } = await q.query<RedemptionRow>(
    `UPDATE redemptions SET in_flight_until = $3, updated_at = $2
     WHERE id = $1 AND state = 'pending' AND (in_flight_until IS NULL OR in_flight_until <= $2) RETURNING ${COLUMNS}`,
    [id, now, until],
  );
  return rows[0] ?? null;
}

/** Gives a pending redemption's claim back so a retry or the reconciler can settle it later. */
export async function unclaimRedemption(q: Queryable, id: string, now: Date): Promise<void> {
  await q.query("UPDATE redemptions SET in_flight_until = NULL, updated_at = $2 WHERE id = $1 AND state = 'pending'", [
    id,
    now,
  ]);
}

/** Pending redemptions nobody is working on (oldest first). */
export async function listUnclaimedPending(q: Queryable, now: Date, limit: number): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(
    `SELECT id FROM redemptions WHERE state = 'pending' AND (in_flight_until IS NULL OR in_flight_until <= $1)
     ORDER BY created_at LIMIT $2`,
    [now, limit],
  );
  return rows.map((row) => row.id);
}

export interface RedemptionOutcome {
  upstreamId: string;
  remainingMinor?: number;
  remainingCurrency?: string;
}

/**
 * Moves a pending redemption to committed: the update, guarded by the pending state and returning the
 * committed row, as the first write of a `writeTogether` (no row: it was no longer pending).
 */
export function commitRedemptionWrite(id: string, outcome: RedemptionOutcome, now: Date): Write {
  return {
    sql: `UPDATE redemptions SET state = 'committed', upstream_id = $2, remaining_minor = $3, remaining_currency = $4,
       in_flight_until = NULL, updated_at = $5 WHERE id = $1 AND state = 'pending' RETURNING ${COLUMNS}`,
    values: [id, outcome.upstreamId, outcome.remainingMinor ?? null, outcome.remainingCurrency ?? null, now],
  };
}

/** Moves a pending redemption to failed; returns false when it was no longer pending. */
export async function failRedemption(q: Queryable, id: string, errorCode: string, now: Date): Promise<boolean> {
  const { rowCount } = await q.query(
    `UPDATE redemptions SET state = 'failed', error_code = $2, in_flight_until = NULL, updated_at = $3
     WHERE id = $1 AND state = 'pending'`,
    [id, errorCode, now],
  );
  return rowCount > 0;
}

/**
 * Reserves `amountMinor` of a committed redemption for a refund. Runs on the row locked by the caller;
 * returns false when the reservation would exceed what was redeemed (the table's check is the backstop).
 */
export async function reserveRefund(q: Queryable, id: string, amountMinor: number, now: Date): Promise<boolean> {
  const { rowCount } = await q.query(
    `UPDATE redemptions SET refunded_minor = refunded_minor + $2, updated_at = $3
     WHERE id = $1 AND state = 'committed' AND refunded_minor + $2 <= amount_minor`,
    [id, amountMinor, now],
  );
  return rowCount > 0;
}

/** Gives back a reservation whose refund failed. */
export async function unreserveRefund(q: Queryable, id: string, amountMinor: number, now: Date): Promise<void> {
  await q.query("UPDATE redemptions SET refunded_minor = refunded_minor - $2, updated_at = $3 WHERE id = $1", [
    id,
    amountMinor,
    now,
  ]);
}
