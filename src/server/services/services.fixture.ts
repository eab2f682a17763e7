/**
 * Test support: one in-memory store and one set of services per test file (PGlite takes seconds to
 * open), a settable clock, and a fresh account with its own in-memory provider per test.
 */
import { randomBytes } from "node:crypto";
import type { Ability, Capabilities } from "../../shared/index.ts";
import { openStore, type Store } from "../store/index.ts";
import { openPgTestStore } from "../store/pg-schema.fixture.ts";
import type { AttemptLimits } from "./attempts.ts";
import { InMemoryProvider } from "./in-memory-provider.fixture.ts";
import { createMoneyServices, type MoneyServicesRuntime } from "./money-services.ts";
import type { AccountRuntime, RequestContext } from "./types.ts";

export interface Clock {
  now(): Date;
  advance(seconds: number): void;
}

export interface Bench {
  store: Store;
  services: MoneyServicesRuntime;
  clock: Clock;
  /** A new account (unique id) with its own provider. */
  account(options?: { capabilities?: Partial<Capabilities>; currency?: string }): TestAccount;
  close(): Promise<void>;
}

export interface TestAccount {
  runtime: AccountRuntime;
  provider: InMemoryProvider;
  /** A request context on this account; all abilities unless told. */
  ctx(terminalId?: string, abilities?: Ability[]): RequestContext;
  /** Adds a fresh voucher to the provider; returns its code. */
  voucher(options?: { pin?: string; balanceMinor?: number }): string;
}

let counter = 0;
/** A value unique within the run (accounts, keys, order refs). */
export const unique = (prefix: string) => `${prefix}-${++counter}-${randomBytes(3).toString("hex")}`;

/**
 * Opens the bench on in-memory PGlite, or, when TEST_DATABASE_URL is set, on PostgreSQL in a schema
 * of its own (opt-in, so the default run keeps exercising the embedded store). `limits` override the
 * failed-attempt limits.
 */
export async function openBench(
  options: { limits?: Partial<AttemptLimits>; leaseSeconds?: number } = {},
): Promise<Bench> {
  const databaseUrl = process.env.TEST_DATABASE_URL;
  const store = databaseUrl ? await openPgTestStore(databaseUrl) : await openStore({});
  let nowMs = Date.parse("2030-01-01T10:00:00Z");
  const clock: Clock = {
    now: () => new Date(nowMs),
    advance: (seconds) => {
      nowMs += seconds * 1000;
    },
  };
  const accounts = new Map<string, AccountRuntime>();
  const services = createMoneyServices({
    store,
    secretKey: randomBytes(32),
    now: clock.now,
    getAccount: (accountId) => accounts.get(accountId),
    // The in-memory provider answers or drops at once, never late: a lookup that finds nothing is final.
    settleGraceSeconds: 0,
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.leaseSeconds ? { leaseSeconds: options.leaseSeconds } : {}),
  });
  return {
    store,
    services,
    clock,
    account(accountOptions = {}) {
      const provider = new InMemoryProvider(clock.now, accountOptions.capabilities);
      const runtime: AccountRuntime = {
        id: unique("acct"),
        currency: accountOptions.currency ?? "EUR",
        adapter: provider,
      };
      accounts.set(runtime.id, runtime);
      return {
        runtime,
        provider,
        ctx: (terminalId = "till-1", abilities: Ability[] = ["redeem", "issue", "refund"]) => ({
          account: runtime,
          terminalId,
          abilities,
        }),
        voucher: (v = {}) =>
          provider.addVoucher({
            code: unique("V").replace(/-/g, "").toUpperCase(),
            ...(v.pin !== undefined ? { pin: v.pin } : {}),
            balanceMinor: v.balanceMinor ?? 10_000,
          }),
      };
    },
    close: () => store.close(),
  };
}

/** Runs `fn` and returns the HttpProblem code it threw (fails the test if it did not throw). */
export async function problemOf(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
  throw new Error("expected a problem, got a result");
}
