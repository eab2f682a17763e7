/**
 * The append-only journal of every money movement. Entries are only ever inserted (a trigger refuses
 * UPDATE, DELETE and TRUNCATE); `detail` holds masked codes, provider ids and error codes, never a secret.
 */
import type { Write } from "./atomic.ts";
import type { Queryable } from "./db.ts";

export const journalEvents = [
  "hold_created",
  "hold_extended",
  "hold_released",
  "hold_expired",
  "redemption_pending",
  "redemption_committed",
  "redemption_failed",
  "refund_pending",
  "refund_committed",
  "refund_failed",
  "voucher_issued",
] as const;

export type JournalEvent = (typeof journalEvents)[number];

export interface JournalEntry {
  at: Date;
  accountId: string;
  terminalId?: string | null;
  event: JournalEvent;
  holdId?: string;
  redemptionId?: string;
  refundId?: string;
  issuedId?: string;
  amountMinor?: number;
  currency?: string;
  detail?: Record<string, unknown>;
}

export interface JournalRow extends Required<Omit<JournalEntry, "terminalId">> {
  seq: number;
  terminalId: string | null;
}

/**
 * The insert of one entry; with `onlyIf`, an insert of nothing unless that condition holds (a member of
 * `writeTogether`). Types are cast, as a SELECT list does not take them from the target columns.
 */
export function journalWrite(e: JournalEntry, onlyIf?: string): Write {
  const values = [
    e.at,
    e.accountId,
    e.terminalId ?? null,
    e.event,
    e.holdId ?? null,
    e.redemptionId ?? null,
    e.refundId ?? null,
    e.issuedId ?? null,
    e.amountMinor ?? null,
    e.currency ?? null,
    JSON.stringify(e.detail ?? {}),
  ];
  const row = `$1::timestamptz, $2::text, $3::text, $4::text, $5::text, $6::text, $7::text, $8::text, $9::bigint,
       $10::text, $11::jsonb`;
  const sql = `INSERT INTO journal (at, account_id, terminal_id, event, hold_id, redemption_id, refund_id, issued_id,
       amount_minor, currency, detail) ${onlyIf ? `SELECT ${row} WHERE ${onlyIf}` : `VALUES (${row})`}`;
  return { sql, values };
}

/** Appends one entry, inside the caller's transaction so it commits with the state change it records. */
export async function appendJournal(q: Queryable, e: JournalEntry): Promise<void> {
  const { sql, values } = journalWrite(e);
  await q.query(sql, values);
}

/** Journal entries about one hold, its redemption and refunds, in order (for tests and audits). */
export async function journalForHold(q: Queryable, holdId: string): Promise<JournalRow[]> {
  const { rows } = await q.query<JournalRow>(
    `SELECT seq, at, account_id AS "accountId", terminal_id AS "terminalId", event, hold_id AS "holdId",
       redemption_id AS "redemptionId", refund_id AS "refundId", issued_id AS "issuedId",
       amount_minor AS "amountMinor", currency, detail
     FROM journal
     WHERE hold_id = $1 OR redemption_id IN (SELECT id FROM redemptions WHERE hold_id = $1)
     ORDER BY seq`,
    [holdId],
  );
  return rows;
}
