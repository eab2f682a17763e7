/**
 * Schema migrations: an ordered list, each applied once and recorded in `schema_migrations`. The whole
 * run takes a transaction-scoped advisory lock first, so two instances starting at once against one
 * PostgreSQL apply each migration exactly once (the second waits, then finds nothing to do).
 */
import type { Db } from "./db.ts";
import { schema0001 } from "./schema-0001.ts";
import { schema0002 } from "./schema-0002.ts";

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Append only: never edit a migration that has shipped; add the next number instead. */
export const migrations: readonly Migration[] = [
  { version: 1, name: "money tables", sql: schema0001 },
  { version: 2, name: "one-live-hold index by voucher first", sql: schema0002 },
];

/** An arbitrary constant shared by every instance of this service (advisory locks are keyed by int8). */
const MIGRATION_LOCK_KEY = 7_340_112_905;

/** Applies the migrations not yet recorded; returns the versions it applied. */
export async function migrate(db: Db, list: readonly Migration[] = migrations): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    integer PRIMARY KEY,
      name       text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await tx.query<{ version: number }>("SELECT version FROM schema_migrations");
    const applied = new Set(rows.map((row) => row.version));
    const done: number[] = [];
    for (const migration of [...list].sort((a, b) => a.version - b.version)) {
      if (applied.has(migration.version)) continue;
      await tx.exec(migration.sql);
      await tx.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [
        migration.version,
        migration.name,
      ]);
      done.push(migration.version);
    }
    return done;
  });
}
