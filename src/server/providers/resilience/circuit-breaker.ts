/**
 * A circuit breaker for one provider account. It judges operations (one attempt of an adapter method),
 * not single requests, so a healthy token endpoint cannot mask a failing API: after `failureThreshold`
 * failed attempts in a row (5xx, 408, timeouts, resets) it opens and refuses every upstream request at once
 * with PROVIDER_UNAVAILABLE and `retryAfterSeconds`. Refusal happens per request, so a step that never
 * leaves the BFF (JTL's local release) still works. After the cool-down one attempt is let through as the
 * trial (half-open); if it is answered the circuit closes, if it fails it opens again for twice the
 * cool-down (up to a ceiling).
 */
import { HttpProblem } from "../../errors/http-problem.ts";

export type CircuitState = "closed" | "open" | "half-open";

export interface CircuitOptions {
  /** Failed attempts in a row that open the circuit (default 5). */
  failureThreshold?: number;
  /** First cool-down before a trial attempt (default 10 s). */
  coolDownMs?: number;
  /** Ceiling for the doubling cool-down (default 60 s). */
  maxCoolDownMs?: number;
  now?: () => number;
}

/** The refusal while the circuit is open: nothing was sent, so nothing is unknown. */
export class CircuitOpenProblem extends HttpProblem {
  constructor(retryAfterSeconds: number) {
    super("PROVIDER_UNAVAILABLE", "The voucher provider keeps failing; requests to it are paused for a moment.", {
      retryAfterSeconds,
    });
  }
}

/** How an attempt that reached the provider ended, for its health: answered (whatever it said) or failed. */
export type AttemptOutcome = "answered" | "failed";

export class CircuitBreaker {
  private failures = 0;
  private opened = false;
  private openedAt = 0;
  private coolDown: number;
  /** The attempt let through as the trial while half-open. */
  private trial: object | null = null;
  /** How many times the circuit opened (for tests and metrics). */
  opens = 0;
  private readonly threshold: number;
  private readonly baseCoolDown: number;
  private readonly maxCoolDown: number;
  private readonly now: () => number;

  constructor(options: CircuitOptions = {}) {
    this.threshold = options.failureThreshold ?? 5;
    this.baseCoolDown = options.coolDownMs ?? 10_000;
    this.maxCoolDown = Math.max(this.baseCoolDown, options.maxCoolDownMs ?? 60_000);
    this.coolDown = this.baseCoolDown;
    this.now = options.now ?? Date.now;
  }

  get state(): CircuitState {
    if (!this.opened) return "closed";
    return this.now() - this.openedAt >= this.coolDown ? "half-open" : "open";
  }

  /** Lets a request of `attempt` go, or throws CircuitOpenProblem. */
  admit(attempt: object): void {
    const state = this.state;
    if (state === "closed" || this.trial === attempt) return;
    if (state === "open") throw new CircuitOpenProblem(this.secondsLeft());
    // Half-open: one trial at a time; the others wait for its verdict rather than pile onto a sick provider.
    if (this.trial) throw new CircuitOpenProblem(1);
    this.trial = attempt;
  }

  /** Records how an attempt that sent requests ended. */
  record(attempt: object, outcome: AttemptOutcome): void {
    if (this.trial === attempt) {
      this.trial = null;
      if (outcome === "answered") this.reset();
      else this.open(Math.min(this.coolDown * 2, this.maxCoolDown));
      return;
    }
    // While open, attempts that started before it opened say nothing new: only the trial decides.
    if (this.opened) return;
    if (outcome === "answered") this.failures = 0;
    else if (++this.failures >= this.threshold) this.open(this.baseCoolDown);
  }

  /** Back to closed with no history (tests, and an operator's reset). */
  reset(): void {
    this.opened = false;
    this.failures = 0;
    this.trial = null;
    this.coolDown = this.baseCoolDown;
  }

  private open(coolDown: number): void {
    this.opened = true;
    this.openedAt = this.now();
    this.coolDown = coolDown;
    this.opens++;
  }

  private secondsLeft(): number {
    return Math.max(1, Math.ceil((this.openedAt + this.coolDown - this.now()) / 1000));
  }
}
