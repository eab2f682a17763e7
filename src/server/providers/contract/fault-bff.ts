/**
 * The BFF the fault suite drives: the real app, routes, services and (in-memory PGlite) store around a
 * harness's adapter, wrapped in the same resilience `registry.ts` applies. One settable clock offset moves
 * both the services' and the circuit breaker's time, so grace periods and cool-downs pass without waiting.
 */
import { randomBytes } from "node:crypto";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { abilities } from "../../../shared/index.ts";
import { buildApp } from "../../app.ts";
import type { Account } from "../../http/request-context.ts";
import { createMoneyServices, type MoneyServicesRuntime } from "../../services/index.ts";
import { openStore, type Store } from "../../store/index.ts";
import type { CircuitBreaker } from "../resilience/circuit-breaker.ts";
import { circuitOf, type ResilienceOptions, withResilience } from "../resilience/resilient-adapter.ts";
import type { ContractHarness } from "./harness.ts";

const API_KEY = "fault-suite-merchant-key-00000000";

export interface FaultBff {
  app: FastifyInstance;
  store: Store;
  services: MoneyServicesRuntime;
  circuit: CircuitBreaker;
  /** Moves the BFF's clock (services and breaker) forward. */
  advance(seconds: number): void;
  /** An authenticated API call through the routes (`app.inject`). */
  call(method: "GET" | "POST" | "DELETE", url: string, body?: unknown, key?: string): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export interface FaultBffOptions {
  account: string;
  /** How long a lookup that finds nothing leaves a redemption pending (services' settle grace). */
  settleGraceSeconds: number;
  resilience?: ResilienceOptions;
}

/** Builds the BFF around `h.adapter` (which it wraps) and opens a session for one terminal. */
export async function startFaultBff(h: ContractHarness, options: FaultBffOptions): Promise<FaultBff> {
  let offsetMs = 0;
  const now = () => Date.now() + offsetMs;
  const adapter = withResilience(h.adapter, {
    ...options.resilience,
    circuit: { ...options.resilience?.circuit, now },
    retry: { ...options.resilience?.retry },
  });
  const account: Account = {
    id: options.account,
    provider: h.adapter.provider,
    currency: h.currency,
    allowedOrigins: [],
    adapter,
  };
  const accounts = new Map([[account.id, account]]);
  const store = await openStore({});
  const services = createMoneyServices({
    store,
    secretKey: randomBytes(32),
    getAccount: (id) => accounts.get(id),
    now: () => new Date(now()),
    settleGraceSeconds: options.settleGraceSeconds,
  });
  const app = await buildApp({
    config: {
      apiKeys: [{ id: "faults", key: API_KEY, accounts: [account.id], abilities: [...abilities] }],
      sessionSigningKey: randomBytes(32).toString("base64"),
      sessionTtlSeconds: 3600,
      demo: false,
      logLevel: "silent",
    },
    accounts,
    services,
    ping: () => store.ping(),
    widgetDir: "/nonexistent",
    logger: false,
  });
  const session = await app.inject({
    method: "POST",
    url: "/api/v1/sessions",
    headers: { authorization: `Bearer ${API_KEY}` },
    payload: { account: account.id, terminalId: "fault-till" },
  });
  if (session.statusCode !== 201) throw new Error(`session: ${session.statusCode} ${session.body}`);
  const token = session.json().token as string;
  return {
    app,
    store,
    services,
    circuit: circuitOf(adapter) as CircuitBreaker,
    advance(seconds) {
      offsetMs += seconds * 1000;
    },
    call(method, url, body, key) {
      return app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${token}`, ...(key ? { "idempotency-key": key } : {}) },
        ...(body === undefined ? {} : { payload: body as object }),
      });
    },
    async close() {
      await app.close();
      await store.close();
    },
  };
}
