/**
 * Rows of `idempotency_keys`: one per (account, key). A record is `running` while a request works under
 * it (guarded by a lease, so a crashed request frees its key) and `done` once its final answer is stored.
 */
import type { Write } from "./atomic.ts";
import type { Queryable } from "./db.ts";

export interface IdempotencyRow {
  accountId: string;
  key: string;
  route: string;
  fingerprint: string;
  state: "running" | "done";
  lockedUntil: Date | null;
  resourceId: string | null;
  status: number | null;
  isError: boolean;
  body: unknown;
  sealedBody: Uint8Array | null;
  createdAt: Date;
}

const COLUMNS = `account_id AS "accountId", key, route, fingerprint, state, locked_until AS "lockedUntil",
  resource_id AS "resourceId", status, is_error AS "isError", body, sealed_body AS "sealedBody",
  created_at AS "createdAt"`;

/** A running record, as a request claims its key. */
export interface NewKey {
  accountId: string;
  key: string;
  route: string;
  fingerprint: string;
  lockedUntil: Date;
  now: Date;
}

/**
 * The INSERT of a running record, pointing at `resourceId` when given; it returns the record only when
 * the key was not there yet.
 */
export function insertKeyWrite(r: NewKey, resourceId: string | null = null): Write {
  return {
    sql: `INSERT INTO idempotency_keys (account_id, key, route, fingerprint, state, locked_until, created_at, resource_id)
       VALUES ($1, $2, $3, $4, 'running', $5, $6, $7) ON CONFLICT (account_id, key) DO NOTHING RETURNING ${COLUMNS}`,
    values: [r.accountId, r.key, r.route, r.fingerprint, r.lockedUntil, r.now, resourceId],
  };
}

/**
 * Inserts a running record, or locks and returns the existing one. `inserted` tells which; the caller
 * decides between replay, conflict, in-progress and take-over.
 */
export async function insertOrLockKey(q: Queryable, r: NewKey): Promise<{ inserted: boolean; row: IdempotencyRow }> {
  const insert = insertKeyWrite(r);
  // A record deleted between the two statements (its request released the key) just means: try again.
  for (;;) {
    const inserted = await q.query<IdempotencyRow>(insert.sql, insert.values);
    if (inserted.rows[0]) return { inserted: true, row: inserted.rows[0] };
    const existing = await q.query<IdempotencyRow>(
      `SELECT ${COLUMNS} FROM idempotency_keys WHERE account_id = $1 AND key = $2 FOR UPDATE`,
      [r.accountId, r.key],
    );
    if (existing.rows[0]) return { inserted: false, row: existing.rows[0] };
  }
}

/** Sets (or clears, with null) the running record's lease. */
export async function setKeyLease(q: Queryable, accountId: string, key: string, until: Date | null): Promise<void> {
  await q.query(
    "UPDATE idempotency_keys SET locked_until = $3 WHERE account_id = $1 AND key = $2 AND state = 'running'",
    [accountId, key, until],
  );
}

/** What a finished request stores under its key. */
export type KeyAnswer = { accountId: string; key: string; status: number; isError: boolean; now: Date } & (
  | { body: unknown; sealedBody?: undefined }
  | { body?: undefined; sealedBody: Uint8Array }
);

/** The update that stores the final answer; with `onlyIf`, only when that condition holds too. */
export function completeKeyWrite(r: KeyAnswer, onlyIf?: string): Write {
  return {
    sql: `UPDATE idempotency_keys SET state = 'done', locked_until = NULL, status = $3::integer, is_error = $4::boolean,
       body = $5::jsonb, sealed_body = $6::bytea, completed_at = $7::timestamptz
       WHERE account_id = $1 AND key = $2${onlyIf ? ` AND ${onlyIf}` : ""}`,
    values: [
      r.accountId,
      r.key,
      r.status,
      r.isError,
      r.body === undefined ? null : JSON.stringify(r.body),
      r.sealedBody ? Buffer.from(r.sealedBody) : null,
      r.now,
    ],
  };
}

/** Stores the final answer: plain JSON, or sealed when it holds a secret (an issued code and PIN). */
export async function completeKey(q: Queryable, r: KeyAnswer): Promise<void> {
  const { sql, values } = completeKeyWrite(r);
  await q.query(sql, values);
}

/** Forgets a running record so the client may retry with the same key. */
export async function deleteKey(q: Queryable, accountId: string, key: string): Promise<void> {
  await q.query("DELETE FROM idempotency_keys WHERE account_id = $1 AND key = $2 AND state = 'running'", [
    accountId,
    key,
  ]);
}

/**
 * Deletes finished records created before `before` (keep at least 24 h). Running records stay: one may
 * still point at a pending redemption.
 */
export async function purgeKeys(q: Queryable, before: Date): Promise<number> {
  const { rowCount } = await q.query("DELETE FROM idempotency_keys WHERE state = 'done' AND created_at < $1", [before]);
  return rowCount;
}

/**
 * Settles a running record whose request left `resourceId` pending and is gone: stores the final answer
 * (`done`) or frees the key (`null`). Records another request has already finished are left alone.
 */
export async function settleKeyForResource(
  q: Queryable,
  accountId: string,
  key: string,
  resourceId: string,
  done: { status: number; body: unknown } | null,
  now: Date,
): Promise<void> {
  if (done) {
    await q.query(
      `UPDATE idempotency_keys SET state = 'done', locked_until = NULL, status = $4, body = $5::jsonb, completed_at = $6
       WHERE account_id = $1 AND key = $2 AND resource_id = $3 AND state = 'running'`,
      [accountId, key, resourceId, done.status, JSON.stringify(done.body), now],
    );
  } else {
    await q.query(
      "DELETE FROM idempotency_keys WHERE account_id = $1 AND key = $2 AND resource_id = $3 AND state = 'running'",
      [accountId, key, resourceId],
    );
  }
}
