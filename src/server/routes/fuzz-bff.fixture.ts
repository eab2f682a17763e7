/**
 * Test support for the property tests: the real app, services, in-memory store and JTL adapter against a
 * JTL simulator (like test-bff), but with a signing key the test knows, so it can also make the tokens a
 * client should never get accepted: expired ones, ones signed with another key, ones for another account.
 */
import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { type Ability, abilities, HoldResponse, RedemptionResponse } from "../../shared/index.ts";
import { startJtlSimulator } from "../../simulators/jtl/index.ts";
import { buildApp } from "../app.ts";
import { createSessionTokens } from "../auth/session-token.ts";
import type { Account } from "../http/request-context.ts";
import { createAdapter } from "../providers/registry.ts";
import { createMoneyServices } from "../services/index.ts";
import { openStore } from "../store/index.ts";

export const FUZZ_API_KEY = "fuzz-merchant-key-00000000000000000";

export interface FuzzBff {
  app: FastifyInstance;
  simUrl: string;
  /** Session tokens of every kind a client might send, good or bad. */
  tokens: {
    valid: string;
    /** Good, but may only redeem (so issue/refund/codes are FORBIDDEN). */
    redeemOnly: string;
    expired: string;
    otherKey: string;
    otherAccount: string;
    /** An unsigned JWT (`alg: none`) with well-formed claims. */
    unsigned: string;
  };
  close(): Promise<void>;
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

export async function startFuzzBff(): Promise<FuzzBff> {
  const sim = await startJtlSimulator({ port: 0 });
  const store = await openStore({});
  const signingKey = randomBytes(32);
  const account = {
    id: "jtl",
    provider: "jtl" as const,
    baseUrl: sim.url,
    currency: "EUR",
    allowedOrigins: ["https://shop.example"],
    timeoutMs: 3000,
    credentials: { clientId: "demo-pos", clientSecret: "demo-pos-secret" },
  };
  const accounts = new Map<string, Account>([["jtl", { ...account, adapter: createAdapter(account) }]]);
  const services = createMoneyServices({ store, secretKey: randomBytes(32), getAccount: (id) => accounts.get(id) });
  const app = await buildApp({
    config: {
      apiKeys: [{ id: "fuzz", key: FUZZ_API_KEY, accounts: ["jtl"], abilities: [...abilities] }],
      sessionSigningKey: signingKey.toString("base64"),
      sessionTtlSeconds: 600,
      demo: true,
      logLevel: "silent",
    },
    accounts,
    services,
    ping: () => store.ping(),
    widgetDir: "/nonexistent",
    logger: false,
  });

  const good = createSessionTokens(signingKey);
  const past = createSessionTokens(signingKey, () => Date.now() - 7_200_000);
  const other = createSessionTokens(randomBytes(32));
  const claims = (abilityList: Ability[], accountId = "jtl") => ({
    account: accountId,
    terminalId: "fuzz-till",
    abilities: abilityList,
  });
  const now = Math.floor(Date.now() / 1000);
  const tokens = {
    valid: (await good.issue(claims([...abilities]), 600)).token,
    redeemOnly: (await good.issue(claims(["redeem"]), 600)).token,
    expired: (await past.issue(claims([...abilities]), 60)).token,
    otherKey: (await other.issue(claims([...abilities]), 600)).token,
    otherAccount: (await good.issue(claims([...abilities], "not-configured"), 600)).token,
    unsigned: `${b64({ alg: "none", typ: "JWT" })}.${b64({
      acc: "jtl",
      abl: [...abilities],
      sub: "fuzz-till",
      iss: "voucher-widget-bff",
      aud: "voucher-widget/v1",
      iat: now,
      exp: now + 600,
    })}.`,
  };
  return {
    app,
    simUrl: sim.url,
    tokens,
    async close() {
      await app.close();
      await store.close();
      await sim.close();
    },
  };
}

/** Real rows for paths and bodies to hit: voucher codes, a live hold, a redeemed hold and its redemption. */
export interface KnownRows {
  codes: string[];
  holdIds: string[];
  redemptionIds: string[];
}

export async function seedKnownRows(bff: FuzzBff): Promise<KnownRows> {
  const codes: string[] = [];
  for (const amount of ["40.00", "25.00", "10.00"]) {
    const seeded = await fetch(`${bff.simUrl}/__sim/vouchers`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ amount, currency: "EUR" }),
    });
    codes.push(((await seeded.json()) as { code: string }).code);
  }
  const auth = { authorization: `Bearer ${bff.tokens.valid}` };
  const hold = async (code: string, key: string) => {
    const answer = await bff.app.inject({
      method: "POST",
      url: "/api/v1/holds",
      headers: { ...auth, "idempotency-key": key },
      payload: { code, amount: { amount: "5.00", currency: "EUR" } },
    });
    return HoldResponse.parse(answer.json()).hold.id;
  };
  const live = await hold(codes[0] as string, "setup-1");
  const redeemedHold = await hold(codes[1] as string, "setup-2");
  const redeemed = await bff.app.inject({
    method: "POST",
    url: `/api/v1/holds/${redeemedHold}/redeem`,
    headers: { ...auth, "idempotency-key": "setup-3" },
    payload: { orderRef: "setup" },
  });
  return {
    codes,
    holdIds: [live, redeemedHold],
    redemptionIds: [RedemptionResponse.parse(redeemed.json()).redemption.id],
  };
}
