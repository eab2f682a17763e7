/**
 * Several BFF instances on one PostgreSQL (`DATABASE_URL`), started with `startServer` exactly as in
 * production: they migrate concurrently at start, keep nothing on disk, and together keep every
 * concurrency guarantee, with terminals alternating instances. Collected only when TEST_DATABASE_URL is
 * set (`.ci/run` sets it); each run works in a schema of its own.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HoldResponse, RedemptionResponse } from "../../shared/index.ts";
import { loadConfig } from "../config/load-config.ts";
import { startServer } from "../server.ts";
import { migrations } from "../store/index.ts";
import { type Cluster, newKey, problemCode, startCluster } from "./cluster.fixture.ts";
import { describeConcurrency } from "./scenarios.fixture.ts";

const databaseUrl = process.env.TEST_DATABASE_URL;

async function sql<T>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

describe.runIf(databaseUrl)("several BFF instances on one PostgreSQL", () => {
  describeConcurrency("two instances, terminals alternating", () =>
    startCluster({ databaseUrl: databaseUrl as string, instances: 2 }),
  );

  describe("three instances started at once", () => {
    let cluster: Cluster;
    beforeAll(async () => {
      cluster = await startCluster({ databaseUrl: databaseUrl as string, instances: 3 });
    });
    afterAll(() => cluster?.close());

    it("applied each migration exactly once and used no data directory", async () => {
      const rows = await sql<{ version: number }>(cluster.schemaUrl as string, "SELECT version FROM schema_migrations");
      expect(rows.map((r) => r.version).sort()).toEqual(migrations.map((m) => m.version).sort());
      expect(cluster.store).toBe("postgres");
      expect(existsSync(cluster.dataDir)).toBe(false);
      for (const url of cluster.urls) expect((await fetch(`${url}/readyz`)).status).toBe(200);
    });

    it("one more instance configured only through the environment joins the same database", async () => {
      const dir = mkdtempSync(join(tmpdir(), "voucher-env-"));
      const file = join(dir, "bff.json");
      writeFileSync(
        file,
        JSON.stringify({
          accounts: [
            {
              id: "jtl",
              provider: "jtl",
              baseUrl: cluster.sim.url,
              currency: "EUR",
              credentials: { clientId: "demo-pos", clientSecret: "env:JTL_SECRET" },
            },
          ],
          apiKeys: [{ id: "env", key: "env-merchant-key-000000000000000000", accounts: ["jtl"] }],
          sessionSigningKey: "env:SIGNING_KEY",
          dataKey: "env:DATA_KEY",
        }),
      );
      const dataDir = join(dir, "never-created");
      const config = loadConfig({
        VOUCHER_CONFIG: file,
        DATABASE_URL: cluster.schemaUrl,
        DATA_DIR: dataDir,
        PORT: "0",
        LOG_LEVEL: "silent",
        JTL_SECRET: "demo-pos-secret",
        SIGNING_KEY: randomBytes(32).toString("base64"),
        DATA_KEY: randomBytes(32).toString("base64"),
      });
      expect(config?.databaseUrl).toBe(cluster.schemaUrl);
      const server = await startServer(config as NonNullable<typeof config>, { logger: false });
      try {
        expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
        const session = await fetch(`${server.url}/api/v1/sessions`, {
          method: "POST",
          headers: { authorization: "Bearer env-merchant-key-000000000000000000", "content-type": "application/json" },
          body: JSON.stringify({ account: "jtl", terminalId: "env-till" }),
        });
        expect(session.status).toBe(201);
        const rows = await sql<{ n: number }>(
          cluster.schemaUrl as string,
          "SELECT count(*)::int AS n FROM schema_migrations",
        );
        expect(rows[0]?.n).toBe(migrations.length);
        expect(existsSync(dataDir)).toBe(false);
      } finally {
        await server.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it("a hold made on one instance is held, read and redeemed across the others", async () => {
      const voucher = await cluster.seed("30.00", "1357");
      const [a, b, c] = await Promise.all([
        cluster.terminal("till-a", 0),
        cluster.terminal("till-b", 1),
        cluster.terminal("till-c", 2),
      ]);
      const body = { code: voucher.code, pin: "1357", amount: { amount: "12.50", currency: "EUR" } };
      const held = await a!.call("POST", "/api/v1/holds", body, { "idempotency-key": newKey() });
      expect(held.status).toBe(201);
      const holdId = HoldResponse.parse(held.body).hold.id;

      const elsewhere = await b!.call("POST", "/api/v1/holds", body, { "idempotency-key": newKey() });
      expect(problemCode(elsewhere)).toBe("VOUCHER_HELD");
      const read = await c!.call("GET", `/api/v1/holds/${holdId}`);
      expect(HoldResponse.parse(read.body).hold.state).toBe("active");

      const key = newKey();
      const redeemed = await b!.call(
        "POST",
        `/api/v1/holds/${holdId}/redeem`,
        { orderRef: "x-1" },
        { "idempotency-key": key },
      );
      expect(redeemed.status).toBe(200);
      // The same key at another instance replays the stored answer instead of charging again.
      const replay = await c!.call(
        "POST",
        `/api/v1/holds/${holdId}/redeem`,
        { orderRef: "x-1" },
        { "idempotency-key": key },
      );
      expect(replay.status).toBe(200);
      expect(replay.headers.get("idempotency-replayed")).toBe("true");
      expect(RedemptionResponse.parse(replay.body).redemption.id).toBe(
        RedemptionResponse.parse(redeemed.body).redemption.id,
      );
      expect(await cluster.charges(voucher.id)).toHaveLength(1);
      expect(await cluster.remainingCents(voucher.id)).toBe(1750);

      // Every money movement is journalled once in the shared database, whichever instance did it.
      const events = await sql<{ event: string }>(
        cluster.schemaUrl as string,
        "SELECT event FROM journal WHERE hold_id = $1 ORDER BY seq",
        [holdId],
      );
      expect(events.map((e) => e.event)).toEqual(["hold_created", "redemption_pending", "redemption_committed"]);
    });
  });
});
