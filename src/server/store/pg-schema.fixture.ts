/**
 * Test support: a store on PostgreSQL in a schema of its own, dropped on close, so test files (and their
 * clocks and sweeps) never see each other's rows and migrations start from nothing.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openStore, type Store } from "./store.ts";

async function admin(databaseUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A connection string whose sessions use `schema` first (libpq's `options`, honoured by pg). */
export function withSchema(databaseUrl: string, schema: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return url.toString();
}

/** Creates a fresh schema; returns its name and a connection string for it. */
export async function freshSchema(
  databaseUrl: string,
): Promise<{ schema: string; url: string; drop(): Promise<void> }> {
  const schema = `vw_test_${randomBytes(5).toString("hex")}`;
  await admin(databaseUrl, `CREATE SCHEMA ${schema}`);
  return {
    schema,
    url: withSchema(databaseUrl, schema),
    drop: () => admin(databaseUrl, `DROP SCHEMA ${schema} CASCADE`),
  };
}

/** Opens a migrated store in a fresh schema; closing it drops the schema. */
export async function openPgTestStore(databaseUrl: string): Promise<Store> {
  const fresh = await freshSchema(databaseUrl);
  const store = await openStore({ databaseUrl: fresh.url });
  return {
    ...store,
    async close() {
      await store.close();
      await fresh.drop();
    },
  };
}
