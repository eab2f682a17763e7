/**
 * Retries with jittered exponential backoff, honouring a short `Retry-After`. Only the decision "may this
 * be repeated at all" is the caller's (see `resilient-adapter.ts`); which failures are worth repeating and
 * how long to wait is decided here, in one place for every provider.
 */
import { isHttpProblem } from "../../errors/http-problem.ts";
import { CircuitOpenProblem } from "./circuit-breaker.ts";

export interface RetryOptions {
  /** Attempts in all, the first included (default 3). */
  maxAttempts?: number;
  /** Backoff step before the first retry; doubles per retry (default 100 ms). */
  baseDelayMs?: number;
  /** Ceiling of one backoff step (default 1 s). */
  maxDelayMs?: number;
  /** A `Retry-After` longer than this is passed on to the client instead of waited out (default 2 s). */
  maxRetryAfterMs?: number;
  /** No retry starts later than this after the first attempt began (default 5 s). */
  budgetMs?: number;
  random?: () => number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

type Settings = Required<RetryOptions>;

const defaults: Settings = {
  maxAttempts: 3,
  baseDelayMs: 100,
  maxDelayMs: 1000,
  maxRetryAfterMs: 2000,
  budgetMs: 5000,
  random: Math.random,
  now: Date.now,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** The wait before retry number `retry` (1 = first retry): equal jitter, half fixed and half random. */
export function backoffMs(retry: number, options: RetryOptions = {}): number {
  const s = { ...defaults, ...options };
  const step = Math.min(s.maxDelayMs, s.baseDelayMs * 2 ** (retry - 1));
  return step / 2 + (s.random() * step) / 2;
}

/**
 * How long to wait before repeating after `error`, or null when it is not worth repeating: only a
 * provider that is unavailable or limiting us is, never one whose outcome is unknown (it may have acted),
 * never our own open circuit, and never a `Retry-After` too long to wait for inside one request.
 */
export function retryDelayMs(error: unknown, retry: number, options: RetryOptions = {}): number | null {
  if (!isHttpProblem(error) || error instanceof CircuitOpenProblem || error.outcomeUnknown) return null;
  if (error.code !== "PROVIDER_UNAVAILABLE" && error.code !== "RATE_LIMITED") return null;
  const backoff = backoffMs(retry, options);
  if (error.retryAfterSeconds === undefined) return backoff;
  const asked = error.retryAfterSeconds * 1000;
  if (asked > (options.maxRetryAfterMs ?? defaults.maxRetryAfterMs)) return null;
  return Math.max(asked, backoff);
}

/**
 * Runs `attempt` until it succeeds, `mayRepeat` says no, the failure is not transient, the attempts are
 * used up, or the next wait would end past the budget; then throws the last failure as it was.
 */
export async function withRetries<T>(
  attempt: () => Promise<T>,
  mayRepeat: (error: unknown) => boolean,
  options: RetryOptions = {},
): Promise<T> {
  const s = { ...defaults, ...options };
  const started = s.now();
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (tries >= s.maxAttempts || !mayRepeat(error)) throw error;
      const delay = retryDelayMs(error, tries, s);
      if (delay === null || s.now() - started + delay > s.budgetMs) throw error;
      await s.sleep(delay);
    }
  }
}
