/** Db over a real PostgreSQL through a `pg` Pool, so several BFF instances can share one database. */
import pg from "pg";
import { type Db, guardNesting, type Queryable, type QueryResult } from "./db.ts";

const INT8_OID = 20;

/**
 * pg hands int8 back as a string; PGlite as a number. Amounts never exceed MAX_MINOR (a safe integer),
 * so both read int8 as a number and the store sees one shape.
 */
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === INT8_OID && format !== "binary") return (value: string) => Number(value);
    // biome-ignore lint/suspicious/noExplicitAny: pg's overloads do not accept a union format argument.
    return (pg.types.getTypeParser as any)(oid, format);
  },
};

function wrap(target: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      const result = await target.query(sql, [...params]);
      return { rows: result.rows as T[], rowCount: result.rowCount ?? result.rows.length };
    },
    async exec(sql: string): Promise<void> {
      // Without parameters pg uses the simple protocol, which accepts several statements.
      await target.query(sql);
    },
  };
}

/** Connects a pool to `databaseUrl` and checks the connection once. */
export async function openPgDb(databaseUrl: string, options: { max?: number } = {}): Promise<Db> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.max ?? 10, types });
  // An idle client that loses its server emits 'error' on the pool; without a listener that kills the process.
  pool.on("error", () => {});
  await pool.query("SELECT 1");
  const base = wrap(pool);
  return guardNesting({
    kind: "postgres",
    ...base,
    async transaction(fn) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query("BEGIN");
        const result = await fn(wrap(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        // A client whose ROLLBACK fails is in an unknown state: destroy it rather than return it to the pool.
        await client.query("ROLLBACK").catch((rollbackError: Error) => {
          broken = rollbackError;
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  });
}
