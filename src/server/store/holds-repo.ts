/** Rows of `holds`: one reservation of an amount on one voucher, from pending to its end. */
import { IF_FIRST_CHANGED, shifted, type Write } from "./atomic.ts";
import type { Queryable } from "./db.ts";

export type HoldRowState = "pending" | "active" | "redeeming" | "redeemed" | "released" | "expired" | "failed";

/** States in which a hold blocks its voucher (the partial unique index uses the same list). */
export const LIVE_HOLD_STATES = ["pending", "active", "redeeming"] as const;

/** The partial unique index that keeps one live hold per (account, voucher). */
export const ONE_LIVE_HOLD_INDEX = "holds_one_live_per_voucher";

export interface HoldRow {
  id: string;
  accountId: string;
  terminalId: string;
  voucherHmac: string;
  maskedCode: string;
  state: HoldRowState;
  amountMinor: number;
  currency: string;
  keptBy: "provider" | "service";
  reservationId: string | null;
  voucherRef: string | null;
  balanceMinor: number | null;
  balanceCurrency: string | null;
  expiresAt: Date;
  secrets: Uint8Array | null;
  createdAt: Date;
  updatedAt: Date;
  endedAt: Date | null;
  /** The hold's committed redemption, where there is one. */
  redemptionId: string | null;
}

/** A hold's columns as a `HoldRow`, from `holds h`. */
export const HOLD_COLUMNS = `h.id, h.account_id AS "accountId", h.terminal_id AS "terminalId", h.voucher_hmac AS "voucherHmac",
  h.masked_code AS "maskedCode", h.state, h.amount_minor AS "amountMinor", h.currency, h.kept_by AS "keptBy",
  h.reservation_id AS "reservationId", h.voucher_ref AS "voucherRef", h.balance_minor AS "balanceMinor",
  h.balance_currency AS "balanceCurrency", h.expires_at AS "expiresAt", h.secrets, h.created_at AS "createdAt",
  h.updated_at AS "updatedAt", h.ended_at AS "endedAt",
  (SELECT r.id FROM redemptions r WHERE r.hold_id = h.id AND r.state = 'committed') AS "redemptionId"`;

export interface NewHold {
  id: string;
  accountId: string;
  terminalId: string;
  voucherHmac: string;
  maskedCode: string;
  amountMinor: number;
  currency: string;
  keptBy: "provider" | "service";
  expiresAt: Date;
  secrets: Uint8Array;
  now: Date;
}

/** Inserts a pending hold; throws a unique violation of ONE_LIVE_HOLD_INDEX when the voucher is held. */
export async function insertPendingHold(q: Queryable, h: NewHold): Promise<void> {
  await q.query(INSERT_HOLD, holdValues(h));
}

/** The INSERT of a pending hold from `holdValues` ($1…$11), of nothing unless `onlyIf` holds. */
const insertHoldIf = (
  onlyIf: string,
) => `INSERT INTO holds (id, account_id, terminal_id, voucher_hmac, masked_code, state,
       amount_minor, currency, kept_by, expires_at, secrets, created_at, updated_at)
     SELECT $1::text, $2::text, $3::text, $4::text, $5::text, 'pending', $6::bigint, $7::text, $8::text, $9::timestamptz,
       $10::bytea, $11::timestamptz, $11::timestamptz
     WHERE ${onlyIf}`;

const INSERT_HOLD = insertHoldIf("true");

/** Makes an insert of a hold do nothing when the voucher has a live hold (ONE_LIVE_HOLD_INDEX is the arbiter). */
const UNLESS_VOUCHER_HELD =
  "ON CONFLICT (account_id, voucher_hmac) WHERE state IN ('pending', 'active', 'redeeming') DO NOTHING";

const holdValues = (h: NewHold): unknown[] => [
  h.id,
  h.accountId,
  h.terminalId,
  h.voucherHmac,
  h.maskedCode,
  h.amountMinor,
  h.currency,
  h.keptBy,
  h.expiresAt,
  Buffer.from(h.secrets),
  h.now,
];

/**
 * Inserts a pending hold unless the voucher already has a live one, and links the idempotency record
 * `linkKey` to it in the same statement. Returns false (nothing written, the transaction still usable)
 * when the voucher is held. The partial unique index ONE_LIVE_HOLD_INDEX decides, as for
 * `insertPendingHold`: `ON CONFLICT … DO NOTHING` names it as the arbiter, so a concurrent insert of the
 * same voucher waits for the other transaction and then finds the conflict; any other violation throws.
 */
export async function insertPendingHoldIfFree(
  q: Queryable,
  h: NewHold,
  linkKey?: { accountId: string; key: string },
): Promise<boolean> {
  const insert = `${INSERT_HOLD} ${UNLESS_VOUCHER_HELD} RETURNING id`;
  if (!linkKey) return (await q.query(insert, holdValues(h))).rows.length > 0;
  // A data-modifying CTE runs whether or not the outer query reads it; the link is made only when the
  // hold was inserted (the join on `h` is empty otherwise).
  const { rows } = await q.query(
    `WITH h AS (${insert}),
       k AS (UPDATE idempotency_keys SET resource_id = h.id FROM h WHERE account_id = $12 AND key = $13)
     SELECT id FROM h`,
    [...holdValues(h), linkKey.accountId, linkKey.key],
  );
  return rows.length > 0;
}

/**
 * Claims an idempotency key and records the pending hold in one auto-committed statement: `claimKey`
 * (the key's INSERT, pointing at the hold) first, then the hold, only when the key was inserted, `onlyIf`
 * holds and the voucher has no live hold (the same arbiter as `insertPendingHoldIfFree`). Nothing is
 * written when the key was there already; a claimed key with no hold means `onlyIf` failed or the
 * voucher was held.
 */
export async function claimKeyWithPendingHold(
  q: Queryable,
  claimKey: Write,
  h: NewHold,
  onlyIf: Write,
): Promise<{ claimed: boolean; held: boolean }> {
  const values = holdValues(h);
  const insert = `${insertHoldIf(`${IF_FIRST_CHANGED} AND ${shifted(onlyIf.sql, values.length)}`)} ${UNLESS_VOUCHER_HELD} RETURNING id`;
  const { rows } = await q.query<{ claimed: boolean; held: boolean }>(
    `WITH first_write AS (${claimKey.sql}), h AS (${shifted(insert, claimKey.values.length)})
     SELECT EXISTS (SELECT 1 FROM first_write) AS claimed, EXISTS (SELECT 1 FROM h) AS held`,
    [...claimKey.values, ...values, ...onlyIf.values],
  );
  const row = rows[0] as { claimed: boolean; held: boolean };
  return { claimed: row.claimed, held: row.held };
}

/** One hold of one account, optionally locked for the rest of the transaction. */
export async function findHold(
  q: Queryable,
  accountId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<HoldRow | null> {
  const lock = options.forUpdate ? " FOR UPDATE OF h" : "";
  const { rows } = await q.query<HoldRow>(
    `SELECT ${HOLD_COLUMNS} FROM holds h WHERE h.id = $1 AND h.account_id = $2${lock}`,
    [id, accountId],
  );
  return rows[0] ?? null;
}

/** Any hold by id (reconciliation works across accounts). */
export async function findHoldById(q: Queryable, id: string): Promise<HoldRow | null> {
  const { rows } = await q.query<HoldRow>(`SELECT ${HOLD_COLUMNS} FROM holds h WHERE h.id = $1`, [id]);
  return rows[0] ?? null;
}

/** True when the voucher has a live, unexpired hold (a check then reports it as held). */
export async function hasLiveHold(q: Queryable, accountId: string, voucherHmac: string, now: Date): Promise<boolean> {
  const { rows } = await q.query(
    `SELECT 1 FROM holds WHERE account_id = $1 AND voucher_hmac = $2 AND state IN ('pending', 'active', 'redeeming')
       AND (state = 'redeeming' OR expires_at > $3)`,
    [accountId, voucherHmac, now],
  );
  return rows.length > 0;
}

export interface HoldPatch {
  state?: HoldRowState;
  reservationId?: string;
  voucherRef?: string | null;
  balanceMinor?: number | null;
  balanceCurrency?: string | null;
  expiresAt?: Date;
}

const PATCH_COLUMNS: Record<keyof HoldPatch, string> = {
  state: "state",
  reservationId: "reservation_id",
  voucherRef: "voucher_ref",
  balanceMinor: "balance_minor",
  balanceCurrency: "balance_currency",
  expiresAt: "expires_at",
};

const ENDED = new Set<HoldRowState>(["redeemed", "released", "expired", "failed"]);

/**
 * Updates a hold if it is still in one of `from` states; returns the updated row (read back by RETURNING,
 * in the same statement) or null when it had moved on. Moving to an ended state erases the secrets in the
 * same statement (the table's check insists).
 */
export async function updateHold(
  q: Queryable,
  id: string,
  from: readonly HoldRowState[],
  patch: HoldPatch,
  now: Date,
): Promise<HoldRow | null> {
  const { sql, values } = updateHoldWrite(id, from, patch, now);
  const { rows } = await q.query<HoldRow>(sql, values);
  return rows[0] ?? null;
}

/** The update of `updateHold`, guarded by the `from` states and returning the row (for `writeTogether`). */
export function updateHoldWrite(id: string, from: readonly HoldRowState[], patch: HoldPatch, now: Date): Write {
  const sets = ["updated_at = $1"];
  const values: unknown[] = [now];
  for (const [key, column] of Object.entries(PATCH_COLUMNS) as [keyof HoldPatch, string][]) {
    if (patch[key] === undefined) continue;
    values.push(patch[key]);
    sets.push(`${column} = $${values.length}`);
  }
  if (patch.state && ENDED.has(patch.state)) sets.push("secrets = NULL", "ended_at = $1");
  values.push(id, [...from]);
  return {
    sql: `UPDATE holds h SET ${sets.join(", ")} WHERE h.id = $${values.length - 1} AND h.state = ANY($${values.length}::text[])
     RETURNING ${HOLD_COLUMNS}`,
    values,
  };
}

/** Like `updateHold`, for callers that need only to know whether the hold moved (no row read back). */
export async function moveHold(
  q: Queryable,
  id: string,
  from: readonly HoldRowState[],
  to: HoldRowState,
  now: Date,
): Promise<boolean> {
  const { sql, values } = moveHoldWrite(id, from, to, now);
  const { rowCount } = await q.query(sql, values);
  return rowCount > 0;
}

/** The update of `moveHold`; with `onlyIf`, only when that condition holds too. */
export function moveHoldWrite(
  id: string,
  from: readonly HoldRowState[],
  to: HoldRowState,
  now: Date,
  onlyIf?: string,
): Write {
  const ends = ENDED.has(to) ? ", secrets = NULL, ended_at = $1" : "";
  return {
    sql: `UPDATE holds SET state = $2::text, updated_at = $1::timestamptz${ends}
       WHERE id = $3 AND state = ANY($4::text[])${onlyIf ? ` AND ${onlyIf}` : ""}`,
    values: [now, to, id, [...from]],
  };
}

/**
 * Marks pending/active holds past their expiry as expired (secrets erased) and returns them with their
 * prior state, skipping rows another transaction holds. Limited to one voucher when `voucherHmac` is given.
 */
export async function expireHolds(
  q: Queryable,
  now: Date,
  scope: { accountId: string; voucherHmac: string } | { limit: number },
): Promise<(HoldRow & { priorState: HoldRowState })[]> {
  const byVoucher = "voucherHmac" in scope;
  const filter = byVoucher ? "AND account_id = $2 AND voucher_hmac = $3" : "LIMIT $2";
  const params = byVoucher ? [now, scope.accountId, scope.voucherHmac] : [now, scope.limit];
  const { rows } = await q.query<HoldRow & { priorState: HoldRowState }>(
    `WITH due AS (
       SELECT id, state FROM holds WHERE state IN ('pending', 'active') AND expires_at <= $1 ${byVoucher ? filter : ""}
       ORDER BY expires_at ${byVoucher ? "" : filter} FOR UPDATE SKIP LOCKED)
     UPDATE holds h SET state = 'expired', secrets = NULL, ended_at = $1, updated_at = $1
     FROM due WHERE h.id = due.id RETURNING ${HOLD_COLUMNS}, due.state AS "priorState"`,
    params,
  );
  return rows;
}
