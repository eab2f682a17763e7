/**
 * Fault injection for every simulator's tests (`POST /__sim/faults`): added latency, a slow provider that
 * commits after the client gave up, an error status for the next N calls, 429 with Retry-After, a
 * connection reset before any work, "commit then drop the response" (the route does its work, then the
 * socket is destroyed without an answer) and "commit then stall" (the answer is held back for a while, or
 * until the client goes away). Each fault may have its own path prefix, else the default one, so a charge
 * can be dropped while lookups fail. `/__sim/*` itself is never faulted. Each simulator says how its
 * provider words a refusal (`FaultAnswers`), so faulted answers carry that provider's own error body.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";

/** Only paths starting with this prefix (e.g. `/v1/reservations`) are affected. */
const PathPrefix = z.string().startsWith("/").optional();
const Count = z.int().min(1);

export const FaultSettings = z.strictObject({
  /**
   * Added before every matching call (top-level `pathPrefix`), while set. It runs before the body is read,
   * so a client that gives up meanwhile leaves nothing done (the request never fully arrived).
   */
  latencyMs: z.int().min(0).max(60_000).optional(),
  /**
   * A slow provider: every matching call waits `ms` after its request has arrived and before the work, and
   * does the work even if the client gave up meanwhile (it commits after the client's timeout).
   */
  slow: z.strictObject({ ms: z.int().min(0).max(60_000), pathPrefix: PathPrefix }).optional(),
  /** The next `count` matching calls answer `status` without doing any work. */
  error: z.strictObject({ status: z.int().min(400).max(599), count: Count, pathPrefix: PathPrefix }).optional(),
  /** The next `count` matching calls answer 429 with `Retry-After: retryAfterSeconds`. */
  rateLimit: z
    .strictObject({ count: Count, retryAfterSeconds: z.int().min(0).default(1), pathPrefix: PathPrefix })
    .optional(),
  /** The next `count` matching calls have their connection cut before any work is done. */
  reset: z.strictObject({ count: Count, pathPrefix: PathPrefix }).optional(),
  /** The next `count` matching calls do their work, then the connection is destroyed without an answer. */
  drop: z.strictObject({ count: Count, pathPrefix: PathPrefix }).optional(),
  /**
   * The next `count` matching calls do their work, then their answer is held back for `ms` (absent: until
   * the client goes away), e.g. to kill the client while the provider has committed but not answered.
   */
  stall: z
    .strictObject({ count: Count, ms: z.int().min(0).max(600_000).optional(), pathPrefix: PathPrefix })
    .optional(),
  /** Default prefix for every fault above without its own. */
  pathPrefix: PathPrefix,
});
export type FaultSettings = z.infer<typeof FaultSettings>;

/** The errors a simulator throws for a faulted call, in its provider's own words and body shape. */
export interface FaultAnswers {
  /** Thrown after the socket was cut (nobody reads it; it only stops the route). */
  reset(): Error;
  /** A 429 carrying `Retry-After: retryAfter`. */
  rateLimit(retryAfter: string): Error;
  /** An answer with this status. */
  error(status: number): Error;
}

export interface FaultOptions {
  /** Paths compared without regard to case (ASP.NET routes). */
  caseInsensitivePaths?: boolean;
  /** How a request is counted (default: method and route, `"POST /v1/reservations"`). */
  requestKey?: (request: FastifyRequest, path: string) => string;
}

const byRoute = (request: FastifyRequest) => `${request.method} ${request.routeOptions.url ?? "(unmatched)"}`;

/** What happens to a request's answer after the work: dropped, or held back `ms` (Infinity: until closed). */
type AfterWork = { drop: true } | { stallMs: number };

export class Faults {
  settings: FaultSettings = {};
  private readonly afterWork = new WeakMap<FastifyRequest, AfterWork>();

  constructor(
    private readonly answers: FaultAnswers,
    private readonly options: FaultOptions = {},
  ) {}

  /** Replaces all fault settings (an empty object clears them). */
  set(settings: FaultSettings): void {
    this.settings = structuredClone(settings);
  }

  clear(): void {
    this.settings = {};
  }

  private startsWith(path: string, prefix: string): boolean {
    return this.options.caseInsensitivePaths
      ? path.toLowerCase().startsWith(prefix.toLowerCase())
      : path.startsWith(prefix);
  }

  /** Whether a fault with its own `pathPrefix` (or the default one) applies to `path`. */
  private hits(path: string, fault: { count?: number; pathPrefix?: string } | undefined): boolean {
    if (!fault || (fault.count !== undefined && fault.count <= 0)) return false;
    const prefix = fault.pathPrefix ?? this.settings.pathPrefix;
    return !prefix || this.startsWith(path, prefix);
  }

  /**
   * Installs the hooks on the root instance so they see every route, the login or token endpoint
   * included, and counts each request (see `requestKey`) in the record `requests()` returns (read per request: a simulator's reset replaces it).
   */
  install(app: FastifyInstance, requests: () => Record<string, number>): void {
    app.addHook("onRequest", async (request) => {
      const path = request.url.split("?")[0] ?? "";
      if (path.startsWith("/__sim/")) return;
      const key = (this.options.requestKey ?? byRoute)(request, path);
      const counts = requests();
      counts[key] = (counts[key] ?? 0) + 1;
      const s = this.settings;
      if (s.latencyMs && (!s.pathPrefix || this.startsWith(path, s.pathPrefix))) await sleep(s.latencyMs);
      if (s.reset && this.hits(path, s.reset)) {
        if (--s.reset.count === 0) delete s.reset;
        // Cut before the route runs; the error below only stops the work, nobody is left to read it.
        request.raw.socket?.destroy();
        throw this.answers.reset();
      }
      if (s.rateLimit && this.hits(path, s.rateLimit)) {
        const retryAfter = String(s.rateLimit.retryAfterSeconds);
        if (--s.rateLimit.count === 0) delete s.rateLimit;
        throw this.answers.rateLimit(retryAfter);
      }
      if (s.error && this.hits(path, s.error)) {
        const status = s.error.status;
        if (--s.error.count === 0) delete s.error;
        throw this.answers.error(status);
      }
      if (s.drop && this.hits(path, s.drop)) {
        if (--s.drop.count === 0) delete s.drop;
        this.afterWork.set(request, { drop: true });
      } else if (s.stall && this.hits(path, s.stall)) {
        this.afterWork.set(request, { stallMs: s.stall.ms ?? Number.POSITIVE_INFINITY });
        if (--s.stall.count === 0) delete s.stall;
      }
    });
    app.addHook("preHandler", async (request) => {
      // After the body was read: from here on the work happens whether or not the client still waits.
      const path = request.url.split("?")[0] ?? "";
      const slow = this.settings.slow;
      if (slow && !path.startsWith("/__sim/") && this.hits(path, slow)) await sleep(slow.ms);
    });
    app.addHook("onSend", async (request, _reply, payload) => {
      // The work is done (committed to state); the client never learns the outcome, or learns it late.
      const after = this.afterWork.get(request);
      if (!after) return payload;
      if ("drop" in after) request.raw.socket?.destroy();
      else await holdBack(request, after.stallMs);
      return payload;
    });
  }
}

/** Waits `ms` (Infinity: forever) or until the client's connection closes, whichever comes first. */
function holdBack(request: FastifyRequest, ms: number): Promise<void> {
  const socket = request.raw.socket;
  if (!socket || socket.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      socket.off("close", done);
      resolve();
    };
    const timer = Number.isFinite(ms) ? setTimeout(done, ms) : undefined;
    socket.once("close", done);
  });
}
