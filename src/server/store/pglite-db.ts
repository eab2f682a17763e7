/** Db over PGlite: PostgreSQL in WebAssembly, a data directory on disk, or in memory for tests. */
import { PGlite, type Transaction as PgliteTransaction } from "@electric-sql/pglite";
import { type Db, guardNesting, type Queryable, type QueryResult } from "./db.ts";

function wrap(target: PGlite | PgliteTransaction): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      const result = await target.query<T>(sql, [...params]);
      // PGlite reports affectedRows 0 for SELECT, so the returned rows count instead.
      return { rows: result.rows, rowCount: result.affectedRows || result.rows.length };
    },
    async exec(sql: string): Promise<void> {
      await target.exec(sql);
    },
  };
}

/** Opens PGlite on `dataDir` (created on first use, which takes a few seconds) or in memory. */
export async function openPgliteDb(dataDir?: string): Promise<Db> {
  const pglite = dataDir ? new PGlite(dataDir) : new PGlite();
  await pglite.waitReady;
  const base = wrap(pglite);
  return guardNesting({
    kind: "pglite",
    ...base,
    // PGlite's own transaction() holds its single connection and queues every other caller.
    async transaction(fn) {
      // Its statements run one after the other in this process anyway: the last ones just finish before
      // COMMIT. What `fn` throws after them is passed on once the transaction has ended, as on PostgreSQL
      // (committed, or rolled back when one of them failed).
      let committing = false;
      let thrown: { error: unknown } | undefined;
      const ending = pglite.transaction(async (tx) => {
        try {
          return await fn({
            ...wrap(tx),
            commitWith(last) {
              committing = true;
              return last;
            },
          });
        } catch (error) {
          if (!committing) throw error;
          thrown = { error };
          return undefined;
        }
      });
      // A failed statement among the last makes PGlite's COMMIT fail too: that statement's error is the one.
      const result = await ending.catch((error: unknown) => {
        throw thrown ? thrown.error : error;
      });
      if (thrown) throw thrown.error;
      return result as Awaited<ReturnType<typeof fn>>;
    },
    close: () => pglite.close(),
  });
}
