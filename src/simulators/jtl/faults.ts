/**
 * Fault injection for tests (`POST /__sim/faults`): added latency, an error status for the next N calls,
 * 429 with Retry-After for the next N calls, a connection reset before any work for the next N calls,
 * "commit then drop the response" for the next N calls (the route does its work, then the socket is
 * destroyed without an answer), and "commit then stall" (the work is done, then the answer is held back
 * for a while, or until the client goes away), and a slow provider that commits after the client gave up.
 * Optionally limited to a path prefix, for all faults or per
 * fault (so a charge can be dropped while lookups fail). `/__sim/*` itself is never faulted.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { JtlError } from "./errors.ts";
import type { JtlState } from "./state.ts";

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

declare module "fastify" {
  interface FastifyRequest {
    /** Set when this request's answer is to be dropped after the work is done. */
    jtlDrop: boolean;
    /** Set when this request's answer is to be held back after the work is done (ms; Infinity: until closed). */
    jtlStallMs: number;
  }
}

export class Faults {
  settings: FaultSettings = {};

  /** Replaces all fault settings (an empty object clears them). */
  set(settings: FaultSettings): void {
    this.settings = structuredClone(settings);
  }

  clear(): void {
    this.settings = {};
  }

  /** Whether a fault with its own `pathPrefix` (or the default one) applies to `path`. */
  private hits(path: string, fault: { count?: number; pathPrefix?: string } | undefined): boolean {
    if (!fault || (fault.count !== undefined && fault.count <= 0)) return false;
    const prefix = fault.pathPrefix ?? this.settings.pathPrefix;
    return !prefix || path.startsWith(prefix);
  }

  /** Installs the hooks on the root instance so they see every route, the token endpoint included. */
  install(app: FastifyInstance, state: JtlState): void {
    app.decorateRequest("jtlDrop", false);
    app.decorateRequest("jtlStallMs", 0);
    app.addHook("onRequest", async (request) => {
      const path = request.url.split("?")[0] ?? "";
      if (path.startsWith("/__sim/")) return;
      const key = `${request.method} ${request.routeOptions.url ?? "(unmatched)"}`;
      state.stats.requests[key] = (state.stats.requests[key] ?? 0) + 1;
      const s = this.settings;
      if (s.latencyMs && (!s.pathPrefix || path.startsWith(s.pathPrefix))) await sleep(s.latencyMs);
      if (s.reset && this.hits(path, s.reset)) {
        if (--s.reset.count === 0) delete s.reset;
        // Cut before the route runs; the error below only stops the work, nobody is left to read it.
        request.raw.socket?.destroy();
        throw new JtlError(500, "SIMULATED_RESET", "Simulated connection reset (fault injection).");
      }
      if (s.rateLimit && this.hits(path, s.rateLimit)) {
        const retryAfter = String(s.rateLimit.retryAfterSeconds);
        if (--s.rateLimit.count === 0) delete s.rateLimit;
        throw new JtlError(429, "TOO_MANY_REQUESTS", "Too Many Attempts.", undefined, { "retry-after": retryAfter });
      }
      if (s.error && this.hits(path, s.error)) {
        const status = s.error.status;
        if (--s.error.count === 0) delete s.error;
        throw new JtlError(status, "SIMULATED_FAULT", "Simulated failure (fault injection).");
      }
      if (s.drop && this.hits(path, s.drop)) {
        if (--s.drop.count === 0) delete s.drop;
        request.jtlDrop = true;
      } else if (s.stall && this.hits(path, s.stall)) {
        request.jtlStallMs = s.stall.ms ?? Number.POSITIVE_INFINITY;
        if (--s.stall.count === 0) delete s.stall;
      }
    });
    app.addHook("preHandler", async (request) => {
      // After the body was read: from here on the work happens whether or not the client still waits.
      const path = request.url.split("?")[0] ?? "";
      if (!path.startsWith("/__sim/") && this.hits(path, this.settings.slow)) await sleep(this.settings.slow!.ms);
    });
    app.addHook("onSend", async (request, _reply, payload) => {
      // The work is done (committed to state); the client never learns the outcome.
      if (request.jtlDrop) request.raw.socket?.destroy();
      else if (request.jtlStallMs > 0) await holdBack(request, request.jtlStallMs);
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
