/**
 * The simulator's one notion of "now". Code validity, request-limit windows and timestamps are all computed
 * from `now()`, so tests move time forward through `/__sim/clock` instead of waiting.
 */
export class SimClock {
  private offsetMs = 0;

  /** Wall-clock milliseconds plus whatever the tests have advanced. */
  now(): number {
    return Date.now() + this.offsetMs;
  }

  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
