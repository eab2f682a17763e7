/** Rows of `failed_attempts`: wrong codes or PINs, per voucher (by HMAC) and per terminal. */
import type { Write } from "./atomic.ts";
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

/**
 * The failures since `since` of a voucher and of a terminal, each oldest first and at most 1000, in one
 * statement (one round trip for both subjects).
 */
export async function failuresOfVoucherAndTerminal(
  q: Queryable,
  accountId: string,
  voucherHmac: string,
  terminalId: string,
  since: Date,
): Promise<{ voucher: Date[]; terminal: Date[] }> {
  const { rows } = await q.query<{ scope: AttemptScope; at: Date }>(
    `(SELECT 'voucher' AS scope, at FROM failed_attempts
        WHERE account_id = $1 AND scope = 'voucher' AND subject = $2 AND at > $4 ORDER BY at LIMIT 1000)
     UNION ALL
     (SELECT 'terminal' AS scope, at FROM failed_attempts
        WHERE account_id = $1 AND scope = 'terminal' AND subject = $3 AND at > $4 ORDER BY at LIMIT 1000)`,
    [accountId, voucherHmac, terminalId, since],
  );
  const byTime = (a: Date, b: Date) => a.getTime() - b.getTime();
  // UNION ALL promises no order: each list is sorted here.
  return {
    voucher: rows.flatMap((r) => (r.scope === "voucher" ? [r.at] : [])).sort(byTime),
    terminal: rows.flatMap((r) => (r.scope === "terminal" ? [r.at] : [])).sort(byTime),
  };
}

/**
 * A condition that holds while the voucher and the terminal are both under their limits (fewer failures
 * since `since` than the limit: the rule of `assertNotLockedIn`, for a statement that must write only
 * then). Its parameters start at `$1`.
 */
export function underLimitsCondition(
  accountId: string,
  voucherHmac: string,
  terminalId: string,
  since: Date,
  limits: { perVoucher: number; perTerminal: number },
): Write {
  const failures = (subject: string) =>
    `(SELECT count(*) FROM failed_attempts WHERE account_id = $1 AND scope = '${subject}' AND subject = $${subject === "voucher" ? 2 : 3} AND at > $4)`;
  return {
    sql: `${failures("voucher")} < $5::bigint AND ${failures("terminal")} < $6::bigint`,
    values: [accountId, voucherHmac, terminalId, since, limits.perVoucher, limits.perTerminal],
  };
}

/** Deletes failures older than `before` (they no longer count towards any limit). */
export async function purgeFailures(q: Queryable, before: Date): Promise<number> {
  const { rowCount } = await q.query("DELETE FROM failed_attempts WHERE at < $1", [before]);
  return rowCount;
}
