/** Rows of `failed_attempts`: wrong codes or PINs, per voucher (by HMAC) and per terminal. */
import type { Queryable } from "./db.ts";

export type AttemptScope = "voucher" | "terminal";

/** Records one failed attempt for each subject. */
export async function recordFailures(
  q: Queryable,
  accountId: string,
  subjects: readonly { scope: AttemptScope; subject: string }[],
  at: Date,
): Promise<void> {
  for (const s of subjects) {
    await q.query("INSERT INTO failed_attempts (account_id, scope, subject, at) VALUES ($1, $2, $3, $4)", [
      accountId,
      s.scope,
      s.subject,
      at,
    ]);
  }
}

/** Times of the failures for one subject since `since`, oldest first. */
export async function failuresSince(
  q: Queryable,
  accountId: string,
  scope: AttemptScope,
  subject: string,
  since: Date,
): Promise<Date[]> {
  const { rows } = await q.query<{ at: Date }>(
    `SELECT at FROM failed_attempts WHERE account_id = $1 AND scope = $2 AND subject = $3 AND at > $4
     ORDER BY at LIMIT 1000`,
    [accountId, scope, subject, since],
  );
  return rows.map((row) => row.at);
}

/** Deletes failures older than `before` (they no longer count towards any limit). */
export async function purgeFailures(q: Queryable, before: Date): Promise<number> {
  const { rowCount } = await q.query("DELETE FROM failed_attempts WHERE at < $1", [before]);
  return rowCount;
}
