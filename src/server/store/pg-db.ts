/** Db over a real PostgreSQL through a `pg` Pool, so several BFF instances can share one database. */
import { createHash } from "node:crypto";
import pg from "pg";
import { type Db, guardNesting, type Queryable, type QueryResult, type Transaction } from "./db.ts";

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

/**
 * Distinct statement texts sent as named prepared statements. The store's SQL is a fixed set of texts
 * (a few dozen, values always as parameters), so each connection parses and plans each text once and
 * then only binds and executes it: about 40 % less PostgreSQL CPU per money flow on the benchmark. The
 * bound keeps a caller that builds texts dynamically from growing every connection's statement cache
 * without end: texts past it go unnamed (parsed each time), as every text did before.
 */
export const MAX_NAMED_STATEMENTS = 500;

/**
 * The name for a statement text, or undefined once the bound is reached. Derived from the text itself
 * (not a counter), so one text has one name on every connection and in every pool of this process.
 */
function statementNamer(limit: number): (sql: string) => string | undefined {
  const names = new Map<string, string>();
  return (sql) => {
    let name = names.get(sql);
    if (name === undefined && names.size < limit) {
      name = `vw_${createHash("sha1").update(sql).digest("base64url")}`;
      names.set(sql, name);
    }
    return name;
  };
}

/** The socket under a pooled client (pg keeps it on `connection.stream`). */
type Corkable = { cork(): void; uncork(): void };
const socketOf = (client: pg.PoolClient) =>
  (client as unknown as { connection: { stream: Corkable } }).connection.stream;

/**
 * Holds the client's writes until the end of the current tick, so statements issued together (BEGIN and
 * the first statement; `Promise.all` of independent writes) leave in one write to the socket, not one each.
 */
function corkPerTick(client: pg.PoolClient): () => void {
  let corked = false;
  return () => {
    if (corked) return;
    const socket = socketOf(client);
    corked = true;
    socket.cork();
    process.nextTick(() => {
      corked = false;
      socket.uncork();
    });
  };
}

function wrap(
  target: pg.Pool | pg.PoolClient,
  nameOf: (sql: string) => string | undefined,
  beforeWrite: () => void = () => {},
): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      beforeWrite();
      const name = nameOf(sql);
      const values = [...params];
      const result = await (name === undefined ? target.query(sql, values) : target.query({ name, text: sql, values }));
      return { rows: result.rows as T[], rowCount: result.rowCount ?? result.rows.length };
    },
    async exec(sql: string): Promise<void> {
      // Without parameters (and unnamed) pg uses the simple protocol, which accepts several statements.
      await target.query(sql);
    },
  };
}

/** Connections kept open however long the BFF has been idle. */
export const KEPT_CONNECTIONS = 2;

/** Connects a pool to `databaseUrl` and checks the connection once. */
export async function openPgDb(
  databaseUrl: string,
  options: { max?: number; namedStatements?: number; idleTimeoutMs?: number } = {},
): Promise<Db> {
  // Pipeline mode: a query issued while another is in flight on the same connection is written at once
  // instead of after the answer, so a transaction's BEGIN travels with its first statement (below).
  // A few connections outlive the idle timeout (10 s): a till's first request after a quiet spell would
  // otherwise wait for a new connection, its password exchange and its statements prepared again (measured
  // here, a hold after 11 s without requests: 14–49 ms, half of them over 40 ms, with none kept; 15–21 ms
  // with two). TCP keep-alive stops whatever lies between the BFF and PostgreSQL dropping them silently.
  const max = options.max ?? 10;
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max,
    min: Math.min(KEPT_CONNECTIONS, max),
    idleTimeoutMillis: options.idleTimeoutMs ?? 10_000,
    keepAlive: true,
    types,
    pipeline: true,
  });
  // An idle client that loses its server emits 'error' on the pool; without a listener that kills the process.
  pool.on("error", () => {});
  await pool.query("SELECT 1");
  const nameOf = statementNamer(options.namedStatements ?? MAX_NAMED_STATEMENTS);
  const base = wrap(pool, nameOf);
  return guardNesting({
    kind: "postgres",
    ...base,
    async transaction(fn) {
      const client = await pool.connect();
      let broken: Error | undefined;
      // Not awaited before the work starts: BEGIN and the work's first statement share one round trip.
      // BEGIN fails only with the connection, and then so does every statement behind it.
      const cork = corkPerTick(client);
      cork();
      const begun = client.query("BEGIN");
      begun.catch(() => {}); // Seen below; marked handled now so a failure is never an unhandled rejection.
      // Sent by commitWith behind the transaction's last statements, or here once `fn` is done.
      let commit: Promise<pg.QueryResult> | undefined;
      const sendCommit = () => {
        cork();
        commit = client.query("COMMIT");
        commit.catch(() => {});
        return commit;
      };
      const statements = wrap(client, nameOf, () => {
        if (commit) throw new Error("statement issued after commitWith: it would run outside the transaction");
        cork();
      });
      const tx: Transaction = {
        ...statements,
        commitWith(last) {
          if (!commit) sendCommit();
          return last;
        },
      };
      try {
        let result: Awaited<ReturnType<typeof fn>>;
        try {
          result = await fn(tx);
        } catch (error) {
          // COMMIT already sent: the transaction ended with it (rolled back if a statement failed).
          if (commit) await commit.catch(() => {});
          throw error;
        }
        await begun;
        // PostgreSQL answers COMMIT of a transaction a failed statement aborted with ROLLBACK, not an error.
        const committed = await (commit ?? sendCommit());
        if (committed.command === "ROLLBACK") throw new Error("the transaction was rolled back at COMMIT");
        return result;
      } catch (error) {
        // A client whose ROLLBACK fails is in an unknown state: destroy it rather than return it to the pool.
        // After a COMMIT this finds no transaction, which PostgreSQL answers with a warning only.
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
