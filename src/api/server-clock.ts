/**
 * Estimates how far the server's clock is from this device's, so a countdown to the server's `expiresAt`
 * stays right on a terminal whose clock is wrong (DESIGN §5). Each answer is one sample: the server's time
 * compared with the midpoint of the request's round trip. A body's `serverTime` (milliseconds) is trusted
 * more than the `Date` header (whole seconds, truncated).
 */

interface Sample {
  offsetMs: number;
  /** How wrong this sample may be, in ms: half the round trip plus the timestamp's own resolution. */
  uncertaintyMs: number;
}

/** Half a second: the `Date` header is truncated to whole seconds, so its true value is on average 500 ms later. */
const DATE_HEADER_RESOLUTION_MS = 1000;

/** The server clock as seen from here: `now()` is this device's time corrected by the estimated offset. */
export class ServerClock {
  #best: Sample | null = null;
  readonly #localNow: () => number;

  /** `localNow` is injectable for tests; it defaults to `Date.now` read at call time (so fake clocks apply). */
  constructor(localNow: () => number = () => Date.now()) {
    this.#localNow = localNow;
  }

  /** Milliseconds to add to this device's clock to get the server's. Zero until the first sample. */
  get offsetMs(): number {
    return this.#best?.offsetMs ?? 0;
  }

  /** True once at least one answer has been seen. */
  get synced(): boolean {
    return this.#best !== null;
  }

  /** The server's current time in epoch milliseconds, as best we know it. */
  now(): number {
    return this.#localNow() + this.offsetMs;
  }

  /** Local time, from the injected clock (the client stamps requests with it). */
  localNow(): number {
    return this.#localNow();
  }

  /**
   * Records one sample. `sentAt` and `receivedAt` are local times around the request; `serverTime` is an
   * ISO timestamp from a body, `dateHeader` an HTTP date. Bad or missing values are ignored.
   */
  observe(sample: { sentAt: number; receivedAt: number; serverTime?: string; dateHeader?: string | null }): void {
    const midpoint = (sample.sentAt + sample.receivedAt) / 2;
    const halfTrip = Math.max(0, sample.receivedAt - sample.sentAt) / 2;
    const fromBody = sample.serverTime ? Date.parse(sample.serverTime) : Number.NaN;
    if (Number.isFinite(fromBody)) {
      this.#consider({ offsetMs: fromBody - midpoint, uncertaintyMs: halfTrip });
      return;
    }
    const fromHeader = sample.dateHeader ? Date.parse(sample.dateHeader) : Number.NaN;
    if (Number.isFinite(fromHeader)) {
      this.#consider({
        offsetMs: fromHeader + DATE_HEADER_RESOLUTION_MS / 2 - midpoint,
        uncertaintyMs: halfTrip + DATE_HEADER_RESOLUTION_MS / 2,
      });
    }
  }

  /** Forgets every sample (e.g. when the widget is pointed at another server). */
  reset(): void {
    this.#best = null;
  }

  #consider(next: Sample): void {
    const best = this.#best;
    // Keep the most precise sample, unless the new one contradicts it: then one of the clocks was changed
    // (the terminal's time was corrected, say) and only the new sample describes the present.
    const contradicts =
      best !== null && Math.abs(next.offsetMs - best.offsetMs) > next.uncertaintyMs + best.uncertaintyMs;
    if (best === null || contradicts || next.uncertaintyMs <= best.uncertaintyMs) this.#best = next;
  }
}
