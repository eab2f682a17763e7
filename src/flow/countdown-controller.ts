/**
 * The hold's countdown (DESIGN §5). Time left is always `expiresAt − server now`, where server now is this
 * device's clock corrected by the offset the API client measured: never a count of ticks, so a throttled
 * background tab or a terminal clock ten minutes off still shows the right figure. Ticks only decide when
 * to look again. Warnings fire once per threshold, expiry once.
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";

export interface CountdownOptions {
  /** The server's current time in epoch ms (the API client's `clock.now()`). */
  now: () => number;
  /** Seconds-left marks at which to warn, e.g. [300, 60, 30]. */
  thresholds?: readonly number[];
  onWarn?: (secondsLeft: number) => void;
  onExpire?: () => void;
}

/** "mm:ss" for a number of milliseconds left, rounded up so 0:00 means expired. */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  return `${String(minutes).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
}

/**
 * The countdown's visual state: the name of the lowest mark `remainingMs` has reached (marks in seconds
 * left, e.g. `{soon: 300, warning: 60, urgent: 30}`), or null above them all or when nothing counts down.
 */
export function levelAt<L extends string>(marks: Readonly<Record<L, number>>, remainingMs: number | null): L | null {
  if (remainingMs === null) return null;
  let level: L | null = null;
  let lowest = Number.POSITIVE_INFINITY;
  for (const [name, seconds] of Object.entries(marks) as [L, number][]) {
    if (remainingMs <= seconds * 1000 && seconds < lowest) {
      level = name;
      lowest = seconds;
    }
  }
  return level;
}

/** The thresholds newly crossed at `remainingMs`, given those already fired. */
export function crossedThresholds(
  thresholds: readonly number[],
  fired: ReadonlySet<number>,
  remainingMs: number,
): number[] {
  return thresholds.filter((t) => !fired.has(t) && remainingMs <= t * 1000 && remainingMs > 0);
}

export class CountdownController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: CountdownOptions;
  readonly #thresholds: readonly number[];
  #expiresAt: number | null = null;
  #fired = new Set<number>();
  #expired = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #connected = false;
  readonly #onVisible = () => this.#tick();

  constructor(host: ReactiveControllerHost, options: CountdownOptions) {
    this.#host = host;
    this.#options = options;
    this.#thresholds = [...(options.thresholds ?? [])].sort((a, b) => b - a);
    host.addController(this);
  }

  /** Milliseconds left, or null when no countdown runs. */
  get remainingMs(): number | null {
    return this.#expiresAt === null ? null : Math.max(0, this.#expiresAt - this.#options.now());
  }

  /**
   * Starts (or moves, after an extend) the countdown to a server timestamp (ISO text or epoch ms); one that
   * is not a time (NaN) stops it.
   */
  start(expiresAt: string | number): void {
    const at = new Date(expiresAt).getTime();
    if (at === this.#expiresAt) return;
    this.#expiresAt = Number.isFinite(at) ? at : null;
    // Thresholds already behind us when counting starts (a short hold) are not announced as news.
    const left = this.remainingMs ?? 0;
    this.#fired = new Set(this.#thresholds.filter((t) => left <= t * 1000 && left > 0).slice(0, -1));
    this.#expired = false;
    this.#tick();
  }

  stop(): void {
    this.#expiresAt = null;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  hostConnected(): void {
    this.#connected = true;
    globalThis.document?.addEventListener("visibilitychange", this.#onVisible);
    this.#tick();
  }

  hostDisconnected(): void {
    this.#connected = false;
    globalThis.document?.removeEventListener("visibilitychange", this.#onVisible);
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #tick(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const left = this.remainingMs;
    if (left === null || !this.#connected) return;
    this.#host.requestUpdate();
    const crossed = crossedThresholds(this.#thresholds, this.#fired, left);
    for (const t of crossed) this.#fired.add(t);
    // Only the nearest mark is news when several were crossed at once (the tab slept).
    if (crossed.length) this.#options.onWarn?.(Math.ceil(left / 1000));
    if (left <= 0) {
      if (!this.#expired) {
        this.#expired = true;
        this.#options.onExpire?.();
      }
      return;
    }
    // Wake just after the displayed second changes; a throttled timer only makes the next look later.
    this.#timer = setTimeout(() => this.#tick(), (left % 1000 || 1000) + 15);
  }
}
