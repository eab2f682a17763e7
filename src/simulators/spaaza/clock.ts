/**
 * The simulator's one notion of "now". Sessions, locks and voucher expiry are computed from `now()`, so
 * tests move time forward through `/__sim/clock` instead of waiting. (Kept beside the simulator, not shared
 * with JTL's: each simulator stands alone.)
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
