/**
 * Opens the BFF's store: PostgreSQL when a `databaseUrl` is given (several instances may share it),
 * otherwise embedded PGlite in `dataDir` (or in memory, for tests). Migrations run before it is handed out.
 */
import type { Db } from "./db.ts";
import { migrate } from "./migrations.ts";
import { openPgDb } from "./pg-db.ts";
import { openPgliteDb } from "./pglite-db.ts";

export interface StoreOptions {
  /** PGlite data directory; created on first open. Omitted (and no databaseUrl): in memory. */
  dataDir?: string;
  /** PostgreSQL connection string; wins over dataDir. */
  databaseUrl?: string;
}

export interface Store {
  readonly kind: Db["kind"];
  readonly db: Db;
  /** Resolves when the database answers (readiness probe); rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Opens and migrates the store. */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const db = options.databaseUrl ? await openPgDb(options.databaseUrl) : await openPgliteDb(options.dataDir);
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
  let closed: Promise<void> | undefined;
  return {
    kind: db.kind,
    db,
    async ping() {
      await db.query("SELECT 1");
    },
    close: () => {
      closed ??= db.close();
      return closed;
    },
  };
}
