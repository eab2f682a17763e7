/**
 * PostgreSQL for the benchmark: BENCH_DATABASE_URL or DATABASE_URL when set; otherwise, as root on a
 * machine with Debian's packages, the cluster and `voucher` role `.ci/run` uses (started if it is down).
 * Each run works in a fresh schema, dropped afterwards.
 */
import { spawnSync } from "node:child_process";
import pg from "pg";
import { freshSchema } from "../src/server/store/pg-schema.fixture.ts";

function sh(command: string, args: string[]): string | null {
  const result = spawnSync(command, args, { encoding: "utf8" });
  return result.status === 0 ? result.stdout : null;
}

/** A connection string for a server that answers, or null (PostgreSQL is then skipped). */
export async function findPostgres(): Promise<string | null> {
  const given = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  if (given) return given;
  if (process.getuid?.() !== 0 || sh("which", ["pg_lsclusters"]) === null) return null;
  const line = sh("pg_lsclusters", ["-h"])?.trim().split("\n").at(-1);
  const [version, cluster, port] = line?.split(/\s+/) ?? [];
  if (!version || !cluster || !port) return null;
  sh("pg_ctlcluster", [version, cluster, "start"]);
  const psql = (sql: string) => sh("su", ["postgres", "-c", `psql -p ${port} -qtAc "${sql}"`]);
  if (psql("SELECT 1 FROM pg_roles WHERE rolname='voucher'")?.trim() !== "1") {
    psql("CREATE ROLE voucher LOGIN PASSWORD 'voucher-ci'");
  }
  if (psql("SELECT 1 FROM pg_database WHERE datname='voucher_test'")?.trim() !== "1") {
    sh("su", ["postgres", "-c", `createdb -p ${port} -O voucher voucher_test`]);
  }
  return `postgres://voucher:voucher-ci@127.0.0.1:${port}/voucher_test`;
}

/** A fresh schema on `url`, its server's version, and how to drop it. */
export async function benchSchema(url: string) {
  const schema = await freshSchema(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const settings = await client.query<{ version: string; sync: string }>(
    "SELECT current_setting('server_version') AS version, current_setting('synchronous_commit') AS sync",
  );
  await client.end();
  return { ...schema, version: settings.rows[0]?.version ?? "?", synchronousCommit: settings.rows[0]?.sync ?? "?" };
}
