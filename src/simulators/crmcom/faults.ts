/**
 * Fault injection for tests (`POST /__sim/faults`), as the JTL simulator offers it: added latency, an error
 * status for the next N calls, 429 with Retry-After, a connection reset before any work, "commit then drop"
 * (the work is done, then the socket is destroyed without an answer), "commit then stall" (the answer is
 * held back for a while or until the client goes away), and a slow provider that commits after the client
 * gave up. Each fault may have its own path prefix (e.g. `/crmapi/rest/v2/vouchers/use`), else the default
 * one. `/__sim/*` is never faulted. Faulted answers carry the envelope with code SIMULATED_FAULT.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { CrmError } from "./envelope.ts";
import type { CrmState } from "./state.ts";

const PathPrefix = z.string().startsWith("/").optional();
const Count = z.int().min(1);

export const FaultSettings = z.strictObject({
  /** Added before every matching call (default prefix) while set, before the body is read. */
  latencyMs: z.int().min(0).max(60_000).optional(),
  /** Every matching call waits `ms` after its request arrived, then does the work even if the client left. */
  slow: z.strictObject({ ms: z.int().min(0).max(60_000), pathPrefix: PathPrefix }).optional(),
  error: z.strictObject({ status: z.int().min(400).max(599), count: Count, pathPrefix: PathPrefix }).optional(),
  rateLimit: z
    .strictObject({ count: Count, retryAfterSeconds: z.int().min(0).default(1), pathPrefix: PathPrefix })
    .optional(),
  reset: z.strictObject({ count: Count, pathPrefix: PathPrefix }).optional(),
  drop: z.strictObject({ count: Count, pathPrefix: PathPrefix }).optional(),
  stall: z
    .strictObject({ count: Count, ms: z.int().min(0).max(600_000).optional(), pathPrefix: PathPrefix })
    .optional(),
  /** Default prefix for every fault above without its own. */
  pathPrefix: PathPrefix,
});
export type FaultSettings = z.infer<typeof FaultSettings>;

declare module "fastify" {
  interface FastifyRequest {
    crmDrop: boolean;
    /** ms to hold the answer back after the work (Infinity: until the client goes away). */
    crmStallMs: number;
  }
}

export class Faults {
  settings: FaultSettings = {};

  set(settings: FaultSettings): void {
    this.settings = structuredClone(settings);
  }

  clear(): void {
    this.settings = {};
  }

  private hits(path: string, fault: { count?: number; pathPrefix?: string } | undefined): boolean {
    if (!fault || (fault.count !== undefined && fault.count <= 0)) return false;
    const prefix = fault.pathPrefix ?? this.settings.pathPrefix;
    return !prefix || path.startsWith(prefix);
  }

  /** Installs the hooks on the root instance so they see every route, the login included. */
  install(app: FastifyInstance, state: CrmState): void {
    app.decorateRequest("crmDrop", false);
    app.decorateRequest("crmStallMs", 0);
    app.addHook("onRequest", async (request) => {
      const path = request.url.split("?")[0] ?? "";
      if (path.startsWith("/__sim/")) return;
      const key = `${request.method} ${request.routeOptions.url ?? "(unmatched)"}`;
      state.stats.requests[key] = (state.stats.requests[key] ?? 0) + 1;
      const s = this.settings;
      if (s.latencyMs && (!s.pathPrefix || path.startsWith(s.pathPrefix))) await sleep(s.latencyMs);
      if (s.reset && this.hits(path, s.reset)) {
        if (--s.reset.count === 0) delete s.reset;
        // Cut before the route runs; the error only stops the work, nobody is left to read it.
        request.raw.socket?.destroy();
        throw new CrmError("SIMULATED_FAULT", "Simulated connection reset.", null, 500);
      }
      if (s.rateLimit && this.hits(path, s.rateLimit)) {
        const retryAfter = String(s.rateLimit.retryAfterSeconds);
        if (--s.rateLimit.count === 0) delete s.rateLimit;
        throw new CrmError("SIMULATED_FAULT", "Too many requests.", null, 429, { "retry-after": retryAfter });
      }
      if (s.error && this.hits(path, s.error)) {
        const status = s.error.status;
        if (--s.error.count === 0) delete s.error;
        throw new CrmError("SIMULATED_FAULT", "Simulated failure (fault injection).", null, status);
      }
      if (s.drop && this.hits(path, s.drop)) {
        if (--s.drop.count === 0) delete s.drop;
        request.crmDrop = true;
      } else if (s.stall && this.hits(path, s.stall)) {
        request.crmStallMs = s.stall.ms ?? Number.POSITIVE_INFINITY;
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
      if (request.crmDrop) request.raw.socket?.destroy();
      else if (request.crmStallMs > 0) await holdBack(request, request.crmStallMs);
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
