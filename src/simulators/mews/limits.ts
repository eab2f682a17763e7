/**
 * Mews request limits (guidelines/environments.md): per AccessToken in a time window, overall and per
 * endpoint; demo: 500 per token and 250 per endpoint in 15 minutes. Over the limit the answer is 429 with
 * `Retry-After` (seconds until the window ends). The window and counts are settable through
 * `POST /__sim/config`, so a test can hit the limit with a handful of calls.
 */
import { MewsError } from "./errors.ts";

export interface LimitSettings {
  windowSeconds: number;
  perToken: number;
  perEndpoint: number;
}

export const DEMO_LIMITS: LimitSettings = { windowSeconds: 900, perToken: 500, perEndpoint: 250 };

interface Window {
  startMs: number;
  count: number;
}

/** Fixed windows that start with a token's first call; time comes from the simulator's clock. */
export class RequestLimits {
  settings: LimitSettings = { ...DEMO_LIMITS };
  private readonly windows = new Map<string, Window>();

  constructor(private readonly now: () => number) {}

  reset(): void {
    this.settings = { ...DEMO_LIMITS };
    this.windows.clear();
  }

  /** Counts one call of `endpoint` with `accessToken`, or throws 429 when a limit is used up. */
  take(accessToken: string, endpoint: string): void {
    const now = this.now();
    const keys: [string, number][] = [
      [accessToken, this.settings.perToken],
      [`${accessToken} ${endpoint}`, this.settings.perEndpoint],
    ];
    const windows = keys.map(([key, limit]) => ({ window: this.current(key, now), limit }));
    for (const { window, limit } of windows) {
      if (window.count >= limit) {
        const retryAfter = Math.max(1, Math.ceil((window.startMs + this.settings.windowSeconds * 1000 - now) / 1000));
        throw new MewsError(429, "Request limit exceeded. Try again later.", { "retry-after": String(retryAfter) });
      }
    }
    for (const { window } of windows) window.count++;
  }

  private current(key: string, now: number): Window {
    let window = this.windows.get(key);
    if (!window || now >= window.startMs + this.settings.windowSeconds * 1000) {
      window = { startMs: now, count: 0 };
      this.windows.set(key, window);
    }
    return window;
  }
}
