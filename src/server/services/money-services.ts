/**
 * Builds the money services the HTTP routes call (the `MoneyServices` interface), plus the housekeeping
 * the BFF runs on a timer: sweeping expired holds, reconciling pending redemptions, purging old records.
 */
import { purgeFailures } from "../store/attempts-repo.ts";
import { purgeKeys } from "../store/idempotency-repo.ts";
import type { Store } from "../store/store.ts";
import { type AttemptLimits, defaultAttemptLimits } from "./attempts.ts";
import { check } from "./check.ts";
import { type Deps, type Logger, silentLogger } from "./context.ts";
import { createHold } from "./hold-create.ts";
import { sweepExpired } from "./hold-expiry.ts";
import { extendHold, getHold, releaseHold } from "./hold-lifecycle.ts";
import { issue } from "./issue.ts";
import { reconcilePending } from "./reconcile.ts";
import { redeem } from "./redeem.ts";
import { refund } from "./refund.ts";
import { createSealer } from "./sealer.ts";
import type { AccountRuntime, MoneyServices } from "./types.ts";

export interface MoneyServicesOptions {
  store: Store;
  /** 32 random bytes, from configuration (never from the repository). Seals codes/PINs, keys the HMACs. */
  secretKey: Uint8Array;
  /**
   * Finds an account's runtime by id. Needed by `reconcilePending`, which settles redemptions left by
   * requests that are gone; without it, pending redemptions are settled only by retries.
   */
  getAccount?: (accountId: string) => AccountRuntime | undefined;
  now?: () => Date;
  logger?: Logger;
  limits?: Partial<AttemptLimits>;
  /**
   * How long one request may work under an idempotency key, or on a pending redemption, before a retry or
   * the reconciler may take over (default 5 min). Must exceed the longest provider call.
   */
  leaseSeconds?: number;
  /** How long a hold may stay pending if its request dies before the provider answers (default 10 min). */
  pendingHoldSeconds?: number;
  /**
   * How long after a redemption's provider call began a lookup that finds nothing leaves it pending rather
   * than failing it (default 30 s): a call whose answer was lost (timeout, reset, 502/504) may still be
   * carried out upstream after we gave up on it. Must exceed how long the provider may work on a request.
   */
  settleGraceSeconds?: number;
  /** How long idempotency records are kept (default 24 h; never less). */
  retainKeysSeconds?: number;
}

/** The services plus housekeeping. */
export interface MoneyServicesRuntime extends MoneyServices {
  /** Deletes idempotency records past their retention and failed attempts past the window. */
  purge(): Promise<{ idempotencyKeys: number; failedAttempts: number }>;
}

const DAY_SECONDS = 24 * 60 * 60;

/** Creates the money services over an open store. */
export function createMoneyServices(options: MoneyServicesOptions): MoneyServicesRuntime {
  const deps: Deps = {
    db: options.store.db,
    sealer: createSealer(options.secretKey),
    now: options.now ?? (() => new Date()),
    logger: options.logger ?? silentLogger,
    limits: { ...defaultAttemptLimits, ...options.limits },
    leaseMs: (options.leaseSeconds ?? 300) * 1000,
    pendingHoldMs: (options.pendingHoldSeconds ?? 600) * 1000,
    settleGraceMs: (options.settleGraceSeconds ?? 30) * 1000,
    getAccount: options.getAccount ?? (() => undefined),
  };
  const retainMs = Math.max(DAY_SECONDS, options.retainKeysSeconds ?? DAY_SECONDS) * 1000;

  return {
    check: (ctx, req) => check(deps, ctx, req),
    createHold: (ctx, req, key) => createHold(deps, ctx, req, key),
    getHold: (ctx, id) => getHold(deps, ctx, id),
    extendHold: (ctx, id, req) => extendHold(deps, ctx, id, req),
    releaseHold: (ctx, id) => releaseHold(deps, ctx, id),
    redeem: (ctx, id, req, key) => redeem(deps, ctx, id, req, key),
    refund: (ctx, id, req, key) => refund(deps, ctx, id, req, key),
    issue: (ctx, req, key) => issue(deps, ctx, req, key),
    sweepExpired: () => sweepExpired(deps),
    reconcilePending: () => reconcilePending(deps),
    async purge() {
      const now = deps.now().getTime();
      return deps.db.transaction(async (tx) => ({
        idempotencyKeys: await purgeKeys(tx, new Date(now - retainMs)),
        failedAttempts: await purgeFailures(tx, new Date(now - deps.limits.windowSeconds * 1000)),
      }));
    },
  };
}
