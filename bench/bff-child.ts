/**
 * Child process: one BFF started with `startServer`, as production runs it, on the simulator at SIM_URL,
 * with PostgreSQL at DATABASE_URL or PGlite in DATA_DIR. Prints `{"url": …}` on its first line of stdout.
 */
import { randomBytes } from "node:crypto";
import { startServer } from "../src/server/server.ts";
import { abilities } from "../src/shared/index.ts";
import { BENCH_API_KEY } from "./processes.ts";

const env = process.env;
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
    ],
    apiKeys: [{ id: "bench", key: BENCH_API_KEY, accounts: ["jtl"], abilities: [...abilities] }],
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
