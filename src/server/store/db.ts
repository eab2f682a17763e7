/**
 * The thin database interface the store and the services share. Two implementations: PGlite (embedded,
 * one connection) and PostgreSQL (`pg` Pool). Both speak the same SQL dialect; values come back the same
 * way (int8 as number, timestamptz as Date, jsonb parsed, bytea as Uint8Array).
 */
import { AsyncLocalStorage } from "node:async_hooks";

export type Row = Record<string, unknown>;

export interface QueryResult<T> {
  rows: T[];
  /** Rows returned, or rows changed by an INSERT/UPDATE/DELETE without RETURNING. */
  rowCount: number;
}

/** Something that runs SQL: the database itself (auto-commit) or an open transaction. */
export interface Queryable {
  /** One statement with `$1…` parameters. */
  query<T = Row>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
  /** A script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** An open transaction. */
export interface Transaction extends Queryable {
  /**
   * Makes `last`, statements already issued, the transaction's last: COMMIT is sent behind them at once
   * rather than after their answers (on PostgreSQL one round trip fewer). Return its result from the
   * transaction's function; a statement issued after it fails. When one of them fails, the whole
   * transaction rolls back (PostgreSQL turns the COMMIT into ROLLBACK) and that error is thrown. When
   * `fn` throws anything else after it (a problem decided from what the statements read), what they
   * wrote stays committed.
   */
  commitWith<T>(last: Promise<T>): Promise<T>;
}

export interface Db extends Queryable {
  readonly kind: "pglite" | "postgres";
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. On PGlite
   * transactions are serialized (one connection), so never await a provider call inside `fn`.
   */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** PostgreSQL error fields both drivers expose. */
export interface PgError {
  code?: string;
  constraint?: string;
}

/** True for a unique violation, optionally of one named constraint or index. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as PgError | null;
  return e?.code === "23505" && (constraint === undefined || e.constraint === constraint);
}

const insideTransaction = new AsyncLocalStorage<true>();

/**
 * Wraps a driver so that using the database handle inside its own transaction fails loudly instead of
 * silently deadlocking PGlite (its single connection is held by the transaction) or, on PostgreSQL,
 * quietly running outside the transaction on another connection.
 */
export function guardNesting(inner: Db): Db {
  const refuse = () => {
    if (insideTransaction.getStore()) {
      throw new Error("database handle used inside a transaction: use the transaction's own handle");
    }
  };
  return {
    kind: inner.kind,
    query: (sql, params) => {
      refuse();
      return inner.query(sql, params);
    },
    exec: (sql) => {
      refuse();
      return inner.exec(sql);
    },
    transaction: (fn) => {
      refuse();
      return inner.transaction((tx) => insideTransaction.run(true, () => fn(tx)));
    },
    close: () => inner.close(),
  };
}
