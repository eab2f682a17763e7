/** Db over PGlite: PostgreSQL in WebAssembly, a data directory on disk, or in memory for tests. */
import { PGlite, type Transaction } from "@electric-sql/pglite";
import { type Db, guardNesting, type Queryable, type QueryResult } from "./db.ts";

function wrap(target: PGlite | Transaction): Queryable {
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
    transaction: (fn) => pglite.transaction((tx) => fn(wrap(tx))),
    close: () => pglite.close(),
  });
}
