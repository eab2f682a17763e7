/**
 * An in-process BFF for the codes route tests: the real app (sessions, CORS, problems, voucher routes) with
 * a Mews account on a Mews simulator and a JTL account (no codes admin), plus the codes routes when the app
 * does not register them itself yet. Requests go through `app.inject`.
 */
import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { startMewsSimulator } from "../../simulators/mews/index.ts";
import { buildApp } from "../app.ts";
import { createSessionTokens } from "../auth/session-token.ts";
import { type Account, createAuthenticator } from "../http/request-context.ts";
import { createJtlAdapter } from "../providers/jtl/index.ts";
import { simAccount } from "../providers/mews/adapter.fixture.ts";
import { createMewsAdapter } from "../providers/mews/index.ts";
import { createMoneyServices } from "../services/index.ts";
import { openStore } from "../store/index.ts";
import { registerCodesRoutes } from "./codes-routes.ts";

export const CODES_TEST_API_KEY = "codes-test-merchant-key-0000000000";

export interface CodesTestBff {
  app: FastifyInstance;
  simUrl: string;
  /** A session token for `account` (default mews) with the given abilities (default all). */
  token(account?: string, abilities?: string[]): Promise<string>;
  close(): Promise<void>;
}

export async function startCodesTestBff(): Promise<CodesTestBff> {
  const sim = await startMewsSimulator({ port: 0 });
  const store = await openStore({});
  const signingKey = randomBytes(32).toString("base64");
  const mews = simAccount(sim.url, { allowedOrigins: ["https://backoffice.example"] });
  const jtl = {
    id: "jtl",
    provider: "jtl" as const,
    // Never reached: the codes routes refuse JTL before any upstream call.
    baseUrl: "http://127.0.0.1:9",
    currency: "EUR",
    allowedOrigins: [],
    timeoutMs: 1000,
    credentials: { clientId: "unused", clientSecret: "unused" },
  };
  const accounts = new Map<string, Account>([
    ["mews", { ...mews, adapter: createMewsAdapter(mews) }],
    ["jtl", { ...jtl, adapter: createJtlAdapter(jtl) }],
  ]);
  const services = createMoneyServices({ store, secretKey: randomBytes(32), getAccount: (id) => accounts.get(id) });
  const app = await buildApp({
    config: {
      apiKeys: [
        {
          id: "test",
          key: CODES_TEST_API_KEY,
          accounts: ["mews", "jtl"],
          abilities: ["redeem", "issue", "refund", "codes"],
        },
      ],
      sessionSigningKey: signingKey,
      sessionTtlSeconds: 600,
      demo: false,
      logLevel: "silent",
    },
    accounts,
    services,
    ping: () => store.ping(),
    widgetDir: "/nonexistent",
    logger: false,
  });
  // Until app.ts registers them (then this is skipped), with the app's own signing key.
  if (!app.hasRoute({ method: "GET", url: "/api/v1/voucher-codes" })) {
    const tokens = createSessionTokens(Buffer.from(signingKey, "base64"));
    registerCodesRoutes(app, { authenticate: createAuthenticator(tokens, accounts) });
  }
  return {
    app,
    simUrl: sim.url,
    async token(account = "mews", abilities?: string[]) {
      const response = await app.inject({
        method: "POST",
        url: "/api/v1/sessions",
        headers: { authorization: `Bearer ${CODES_TEST_API_KEY}` },
        payload: { account, terminalId: "back-office", ...(abilities ? { scopes: abilities } : {}) },
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
