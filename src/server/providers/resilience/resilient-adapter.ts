/**
 * Wraps any provider adapter with the account's retry policy and circuit breaker, without the adapter
 * knowing: `registry.ts` applies it to every adapter it makes. Which port methods may be repeated is
 * decided here, once, from what the port says they do:
 *
 * - `check`, `findRedemption` read: repeated on transient failures.
 * - `hold`, `extend`, `release` reserve or let go, never move money. Repeating one is harmless because the
 *   services record a reservation only after the adapter returns: a reservation left by a lost attempt was
 *   never recorded, never charged by us, and is replaced (JTL replaces a voucher's previous reservation,
 *   a Spaaza lock is renewed) or lapses by itself. For JTL's `extend` a repeat is even the better outcome:
 *   a lost attempt may already have replaced the recorded reservation, and only a fresh one can be charged.
 * - `redeem`, `refund`, `issue` move money: repeated only when the failed attempt sent no request flagged
 *   `movesMoney` (e.g. the token fetch before the charge failed). Once such a request left, the outcome is
 *   the services' to settle (`findRedemption` first), never a blind repeat.
 * - `accessCodes.listVouchers`, `accessCodes.listCodes` read (Mews codes admin); adding and deleting codes
 *   are never repeated: a lost "add" may have stored the codes.
 * - Any other method (added to the port later) is never repeated, but its requests pass the breaker.
 */
import { isHttpProblem } from "../../errors/http-problem.ts";
import { CircuitBreaker, CircuitOpenProblem, type CircuitOptions } from "./circuit-breaker.ts";
import { type RetryOptions, withRetries } from "./retry.ts";
import { type RequestOutcome, runGuarded, type UpstreamGuard } from "./upstream-guard.ts";

export type MethodKind = "read" | "reserve" | "money";

/** How each port method may be repeated (see the module comment). */
export const methodKinds: Readonly<Record<string, MethodKind>> = {
  check: "read",
  findRedemption: "read",
  hold: "reserve",
  extend: "reserve",
  release: "reserve",
  redeem: "money",
  refund: "money",
  issue: "money",
  "accessCodes.listVouchers": "read",
  "accessCodes.listCodes": "read",
};

/** Object-valued members of the port whose methods are wrapped too (named `group.method` above). */
const methodGroups: ReadonlySet<string> = new Set(["accessCodes"]);

export interface ResilienceOptions {
  retry?: RetryOptions;
  circuit?: CircuitOptions;
  /**
   * Per-provider exceptions to `methodKinds`, e.g. `{ hold: "once" }` for a provider whose hold is not
   * harmless to repeat. "once": never repeated (the breaker still applies).
   */
  methods?: Readonly<Record<string, MethodKind | "once">>;
}

const breakers = new WeakMap<object, CircuitBreaker>();

/** The circuit breaker of a wrapped adapter (for metrics and tests), or undefined for a bare one. */
export function circuitOf(adapter: object): CircuitBreaker | undefined {
  return breakers.get(adapter);
}

/** One attempt of one method: admits its requests through the breaker and tells it how the attempt went. */
class Attempt implements UpstreamGuard {
  sent = false;
  sentMoney = false;
  private lastFailed = false;
  constructor(private readonly breaker: CircuitBreaker) {}

  beforeRequest(request: { movesMoney: boolean }) {
    this.breaker.admit(this);
    this.sent = true;
    // Noted before the request leaves: a request cut off at any point may have been carried out.
    if (request.movesMoney) this.sentMoney = true;
    return {
      settle: (outcome: RequestOutcome) => {
        this.lastFailed = outcome === "failed";
      },
    };
  }

  /** Reports the attempt to the breaker, if it reached the provider at all (local steps say nothing). */
  finish(threw: boolean, error?: unknown): void {
    if (!this.sent) return;
    const providerFailed =
      threw &&
      !(error instanceof CircuitOpenProblem) &&
      (this.lastFailed || (isHttpProblem(error) && error.code === "PROVIDER_UNAVAILABLE"));
    this.breaker.record(this, providerFailed ? "failed" : "answered");
  }

  /** Runs `work` under this attempt and reports how it went. */
  run<T>(work: () => T): T {
    let result: T;
    try {
      result = runGuarded(this, work);
    } catch (error) {
      this.finish(true, error);
      throw error;
    }
    if (!(result instanceof Promise)) {
      this.finish(false);
      return result;
    }
    return result.then(
      (value) => {
        this.finish(false);
        return value;
      },
      (error: unknown) => {
        this.finish(true, error);
        throw error;
      },
    ) as T;
  }
}

/** The adapter with retries and a circuit breaker of its own (one per account: one per adapter). */
export function withResilience<A extends object>(adapter: A, options: ResilienceOptions = {}): A {
  const breaker = new CircuitBreaker(options.circuit);

  const wrap = (name: string, method: (...args: unknown[]) => unknown) => {
    const kind = options.methods?.[name] ?? methodKinds[name];
    // Unknown methods are never repeated (and may even be synchronous): only the breaker applies.
    if (!kind || kind === "once") return (...args: unknown[]) => new Attempt(breaker).run(() => method(...args));
    return (...args: unknown[]) => {
      let current: Attempt | undefined;
      const attempt = () => {
        current = new Attempt(breaker);
        return current.run(async () => method(...args));
      };
      // A money method only if it reached the provider (through upstreamFetch) and sent nothing money-moving.
      const mayRepeat = () => kind !== "money" || (current?.sent === true && !current.sentMoney);
      return withRetries(attempt, mayRepeat, options.retry);
    };
  };

  const guard = <T extends object>(target: T, prefix: string): T => {
    const wrapped = new Map<string, unknown>();
    return new Proxy(target, {
      get(object, property) {
        const value: unknown = Reflect.get(object, property, object);
        if (typeof property !== "string" || property === "close" || value === null) return value;
        const name = prefix + property;
        if (wrapped.has(name)) return wrapped.get(name);
        let result: unknown = value;
        if (typeof value === "function") {
          result = wrap(name, (value as (...args: unknown[]) => unknown).bind(object));
        } else if (typeof value === "object" && methodGroups.has(name)) {
          result = guard(value, `${name}.`);
        } else {
          // Plain data (provider, capabilities) and `close` pass through untouched.
          return value;
        }
        wrapped.set(name, result);
        return result;
      },
    });
  };

  const proxy = guard(adapter, "");
  breakers.set(proxy, breaker);
  return proxy;
}
