/** What every money service shares: the store, the sealer, the clock, the logger and a few helpers. */
import { randomBytes } from "node:crypto";
import { type Ability, type Capabilities, type Money, toMinor } from "../../shared/index.ts";
import { HttpProblem, isHttpProblem } from "../errors/http-problem.ts";
import type { HeldVoucher } from "../providers/port.ts";
import type { Db, Transaction } from "../store/db.ts";
import type { HoldRow } from "../store/holds-repo.ts";
import type { AttemptLimits } from "./attempts.ts";
import type { Sealer } from "./sealer.ts";
import type { AccountRuntime, RequestContext } from "./types.ts";

/** The slice of a pino logger the services use. Objects logged never hold a code, PIN or secret. */
export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

export interface Deps {
  db: Db;
  sealer: Sealer;
  now: () => Date;
  logger: Logger;
  limits: AttemptLimits;
  /** How long a request may work under an idempotency key or on a pending redemption before others may. */
  leaseMs: number;
  /** Lifetime of a pending hold row if its request dies before the provider answers. */
  pendingHoldMs: number;
  /**
   * How long after a redemption's provider call began a lookup that finds nothing is not yet proof that
   * nothing happened: a call whose answer was lost may still be carried out upstream after the lookup.
   */
  settleGraceMs: number;
  /** Finds an account's runtime by id, for work without a request (reconciliation). */
  getAccount: (accountId: string) => AccountRuntime | undefined;
}

/** A random, URL-safe id with a readable prefix (`hold_…`, `red_…`). */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString("base64url")}`;
}

/** Adds milliseconds to a date. */
export function after(date: Date, ms: number): Date {
  return new Date(date.getTime() + ms);
}

/** Throws FORBIDDEN unless the session may do `ability`. */
export function requireAbility(ctx: RequestContext, ability: Ability): void {
  if (!ctx.abilities.includes(ability)) {
    throw new HttpProblem("FORBIDDEN", `This session may not ${ability}.`);
  }
}

/** Minor units of an amount in the account's currency; CURRENCY_MISMATCH otherwise. */
export function accountMinor(ctx: RequestContext, amount: Money): number {
  if (amount.currency !== ctx.account.currency) {
    throw new HttpProblem("CURRENCY_MISMATCH", `This account works in ${ctx.account.currency}.`);
  }
  const minor = toMinor(amount.amount, amount.currency);
  if (minor === null || minor <= 0) {
    throw new HttpProblem("INVALID_REQUEST", "The amount is not valid for its currency.", {
      errors: [{ path: "amount.amount", message: "a positive decimal with the currency's minor digits" }],
    });
  }
  return minor;
}

/** The hold lifetime to ask the provider for, or undefined where the provider fixes it. */
export function holdTtl(capabilities: Capabilities, requested: number | undefined): number | undefined {
  const range = capabilities.holdTtl;
  if (!range) return undefined;
  const ttl = requested ?? range.default;
  if (ttl < range.min || ttl > range.max) {
    throw new HttpProblem("INVALID_REQUEST", `Hold lifetime must be between ${range.min} and ${range.max} seconds.`, {
      errors: [{ path: "ttlSeconds", message: `between ${range.min} and ${range.max}` }],
    });
  }
  return ttl;
}

/** HMAC identifying a voucher of an account without keeping its code. */
export function voucherHmac(deps: Deps, accountId: string, normalizedCode: string): string {
  return deps.sealer.hmac("voucher", accountId, normalizedCode);
}

interface HoldSecrets {
  code: string;
  pin?: string;
}

/** Seals a hold's code and PIN, bound to the hold's id so they cannot be moved to another row. */
export function sealHoldSecrets(deps: Deps, holdId: string, secrets: HoldSecrets): Uint8Array {
  return deps.sealer.seal(JSON.stringify(secrets), `hold:${holdId}`);
}

/** The live hold as the adapter needs it, with its code and PIN opened. */
export function heldVoucher(deps: Deps, hold: HoldRow): HeldVoucher {
  if (!hold.secrets) throw new HttpProblem("INTERNAL", "The hold has no voucher data left.");
  const secrets = JSON.parse(deps.sealer.open(hold.secrets, `hold:${hold.id}`)) as HoldSecrets;
  return {
    holdId: hold.id,
    code: secrets.code,
    ...(secrets.pin !== undefined ? { pin: secrets.pin } : {}),
    reservationId: hold.reservationId ?? "",
    ...(hold.voucherRef ? { voucherId: hold.voucherRef } : {}),
    amount: { minor: hold.amountMinor, currency: hold.currency },
    expiresAt: hold.expiresAt,
  };
}

/**
 * Runs `fn` in a transaction in which an HttpProblem it throws does not undo what it wrote before: the
 * transaction commits and the problem is thrown afterwards (an expiry found on the way is recorded). Like
 * an idempotent `start` step, `fn` must not turn an SQL error into an HttpProblem (the transaction is
 * then aborted).
 */
export async function transactionThenProblem<S>(deps: Deps, fn: (tx: Transaction) => Promise<S>): Promise<S> {
  const outcome = await deps.db.transaction(async (tx) => {
    try {
      return { value: await fn(tx) };
    } catch (error) {
      if (isHttpProblem(error)) return { problem: error };
      throw error;
    }
  });
  if ("problem" in outcome) throw outcome.problem;
  return outcome.value;
}
