/**
 * The seam between the resilience wrapper and `upstreamFetch`: while a wrapped adapter method runs, every
 * request it sends asks the current guard first (the account's circuit breaker may refuse it) and reports
 * how it ended. The guard travels in AsyncLocalStorage, so adapters need no change to get it: whatever
 * calls `upstreamFetch` inside a wrapped method (token fetches included) is seen, and nothing else is.
 */
import { AsyncLocalStorage } from "node:async_hooks";

/** How one upstream request ended, as far as the provider's health is concerned. */
export type RequestOutcome = "answered" | "failed";

/** A sent request's receipt: report once how it ended. */
export interface RequestTicket {
  settle(outcome: RequestOutcome): void;
}

/** What `upstreamFetch` consults around each request it sends. */
export interface UpstreamGuard {
  /**
   * Called right before a request goes out. Throws (an HttpProblem with no outcome unknown) to refuse it,
   * e.g. while the circuit is open; otherwise returns the ticket to settle when the request ends.
   */
  beforeRequest(request: { movesMoney: boolean }): RequestTicket;
}

const storage = new AsyncLocalStorage<UpstreamGuard>();

/** Runs `work` with `guard` watching every upstream request made inside it. */
export function runGuarded<T>(guard: UpstreamGuard, work: () => T): T {
  return storage.run(guard, work);
}

/** The guard of the wrapped adapter call in progress, or undefined outside one (bare adapters, tests). */
export function currentGuard(): UpstreamGuard | undefined {
  return storage.getStore();
}

/** Whether an HTTP status says the provider is failing (as opposed to answering, even with a refusal). */
export function isFailureStatus(status: number): boolean {
  return status >= 500 || status === 408;
}
