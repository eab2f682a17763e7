/**
 * Child process: one BFF started with `startServer`, as production runs it, with a JTL account on the
 * simulator at SIM_URL and, when SPAAZA_URL is set, a Spaaza account on that simulator (for the check
 * flow), with PostgreSQL at DATABASE_URL or PGlite in DATA_DIR. Prints `{"url": …}` on its first line.
 */
import { randomBytes } from "node:crypto";
import { startServer } from "../src/server/server.ts";
import { abilities } from "../src/shared/index.ts";
import { DEMO_CHAIN_ID, demoUsers } from "../src/simulators/spaaza/demo-data.ts";
import { BENCH_API_KEY } from "./processes.ts";

const env = process.env;
const pos = demoUsers[0]!;
const spaaza = env.SPAAZA_URL
  ? [
      {
        id: "spaaza",
        provider: "spaaza" as const,
        baseUrl: env.SPAAZA_URL,
        currency: "EUR",
        allowedOrigins: [],
        timeoutMs: 10_000,
        credentials: { username: pos.username, password: pos.password },
        chainId: DEMO_CHAIN_ID,
        currencyIds: { "2": "EUR" },
        lockPeriodSeconds: 300,
      },
    ]
  : [];
const server = await startServer(
  {
    accounts: [
      {
        id: "jtl",
        provider: "jtl",
        baseUrl: env.SIM_URL as string,
        currency: "EUR",
        allowedOrigins: [],
        timeoutMs: 10_000,
        credentials: { clientId: "demo-pos", clientSecret: "demo-pos-secret" },
      },
      ...spaaza,
    ],
    apiKeys: [
      { id: "bench", key: BENCH_API_KEY, accounts: ["jtl", ...spaaza.map((a) => a.id)], abilities: [...abilities] },
    ],
    sessionSigningKey: randomBytes(32).toString("base64"),
    dataKey: randomBytes(32).toString("base64"),
    sessionTtlSeconds: 3600,
    port: 0,
    host: "127.0.0.1",
    dataDir: env.DATA_DIR ?? "",
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    // Production's level: nothing is logged per request on the happy path.
    logLevel: "info",
    demo: false,
  },
  { logger: true },
);
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
process.once("SIGTERM", async () => {
  await server.close();
  process.exit(0);
});
