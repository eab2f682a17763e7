/**
 * An in-process BFF for route tests: the real app, services, store (in-memory PGlite) and JTL adapter,
 * talking over real HTTP to a JTL simulator. Requests go through `app.inject`.
 */
import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { Logger } from "pino";
import { startJtlSimulator } from "../../simulators/jtl/index.ts";
import { buildApp } from "../app.ts";
import type { Account } from "../http/request-context.ts";
import { createAdapter } from "../providers/registry.ts";
import { createMoneyServices } from "../services/index.ts";
import { openStore } from "../store/index.ts";

export const TEST_API_KEY = "test-merchant-key-000000000000000";

export interface TestBff {
  app: FastifyInstance;
  simUrl: string;
  /** A session token for the jtl account. */
  token(terminalId?: string, abilities?: string[]): Promise<string>;
  close(): Promise<void>;
}

export async function startTestBff(
  options: { allowedOrigins?: string[]; demo?: boolean; logger?: Logger } = {},
): Promise<TestBff> {
  const sim = await startJtlSimulator({ port: 0 });
  const store = await openStore({});
  const key = randomBytes(32).toString("base64");
  const account = {
    id: "jtl",
    provider: "jtl" as const,
    baseUrl: sim.url,
    currency: "EUR",
    allowedOrigins: options.allowedOrigins ?? ["https://shop.example"],
    timeoutMs: 3000,
    credentials: { clientId: "demo-pos", clientSecret: "demo-pos-secret" },
  };
  const accounts = new Map<string, Account>([["jtl", { ...account, adapter: createAdapter(account) }]]);
  const services = createMoneyServices({
    store,
    secretKey: randomBytes(32),
    getAccount: (id) => accounts.get(id),
    logger: options.logger,
  });
  const app = await buildApp({
    config: {
      apiKeys: [
        { id: "test", key: TEST_API_KEY, accounts: ["jtl"], abilities: ["redeem", "issue", "refund", "codes"] },
      ],
      sessionSigningKey: key,
      sessionTtlSeconds: 600,
      demo: options.demo ?? false,
      logLevel: options.logger ? "trace" : "silent",
    },
    accounts,
    services,
    ping: () => store.ping(),
    widgetDir: "/nonexistent",
    logger: options.logger ?? false,
  });
  return {
    app,
    simUrl: sim.url,
    async token(terminalId = "till-1", abilities?: string[]) {
      const response = await app.inject({
        method: "POST",
        url: "/api/v1/sessions",
        headers: { authorization: `Bearer ${TEST_API_KEY}` },
        payload: { account: "jtl", terminalId, ...(abilities ? { scopes: abilities } : {}) },
      });
      if (response.statusCode !== 201) throw new Error(`session: ${response.statusCode} ${response.body}`);
      return response.json().token as string;
    },
    async close() {
      await app.close();
      await store.close();
      await sim.close();
    },
  };
}
