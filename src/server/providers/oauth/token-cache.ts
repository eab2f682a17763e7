/**
 * An access-token cache for OAuth client credentials (or any fetch-a-bearer-token scheme), one per
 * account: the token is fetched once and reused, refreshed a little before it expires, fetched again once
 * when the provider answers 401, and concurrent callers share one in-flight fetch (single flight).
 */

export interface FetchedToken {
  accessToken: string;
  /** Lifetime as the provider states it (`expires_in`); absent → `defaultLifetimeSeconds`. */
  expiresInSeconds?: number;
}

export interface TokenCacheOptions {
  fetchToken(): Promise<FetchedToken>;
  /** Injected clock (ms), for tests. */
  now?: () => number;
  /** Used when the provider does not say how long a token lives. Conservative by default: 300 s. */
  defaultLifetimeSeconds?: number;
  /** Refresh this early at most (default 60 s); never more than 10% of the lifetime. */
  refreshSkewSeconds?: number;
}

interface CachedToken {
  value: string;
  refreshAt: number;
}

export class TokenCache {
  private cached: CachedToken | null = null;
  private inflight: Promise<CachedToken> | null = null;
  private readonly now: () => number;
  private readonly defaultLifetime: number;
  private readonly skew: number;

  constructor(private readonly options: TokenCacheOptions) {
    this.now = options.now ?? Date.now;
    this.defaultLifetime = options.defaultLifetimeSeconds ?? 300;
    this.skew = options.refreshSkewSeconds ?? 60;
  }

  /** A token that is not about to expire; fetches one (shared with concurrent callers) when needed. */
  async get(): Promise<string> {
    const cached = this.cached;
    if (cached && this.now() < cached.refreshAt) return cached.value;
    return (await this.refresh()).value;
  }

  /**
   * Forgets `token` (the one a 401 came back for). Only that token: when a concurrent caller has already
   * replaced it, the fresh one stays.
   */
  invalidate(token?: string): void {
    if (this.cached && (token === undefined || this.cached.value === token)) this.cached = null;
  }

  /**
   * Runs `call` with a token; when it reports the token was refused (`isUnauthorized`), invalidates it and
   * runs `call` exactly once more with a freshly fetched token. The second answer is returned as it is.
   */
  async withToken<T>(call: (token: string) => Promise<T>, isUnauthorized: (result: T) => boolean): Promise<T> {
    const token = await this.get();
    const first = await call(token);
    if (!isUnauthorized(first)) return first;
    this.invalidate(token);
    return call(await this.get());
  }

  private refresh(): Promise<CachedToken> {
    this.inflight ??= this.fetchOnce().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private async fetchOnce(): Promise<CachedToken> {
    // Counted from before the request: the provider's lifetime cannot have started earlier than that.
    const started = this.now();
    const fetched = await this.options.fetchToken();
    const stated = fetched.expiresInSeconds;
    const lifetime = stated !== undefined && Number.isFinite(stated) && stated > 0 ? stated : this.defaultLifetime;
    const early = Math.min(this.skew, lifetime * 0.1);
    const token = { value: fetched.accessToken, refreshAt: started + (lifetime - early) * 1000 };
    this.cached = token;
    return token;
  }
}
