/**
 * Fault injection for tests (`POST /__sim/faults`): added latency, an error status for the next N calls,
 * 429 with Retry-After for the next N calls, and "commit then drop the response" for the next N calls (the
 * operation does its work, then the socket is destroyed without an answer). Optionally limited to a path
 * prefix (e.g. `/api/connector/v1/voucherCodes/add`). `/__sim/*` itself is never faulted.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { MewsError } from "./errors.ts";
import type { MewsState } from "./state.ts";

export const FaultSettings = z.strictObject({
  /** Added before every matching call, while set. */
  latencyMs: z.int().min(0).max(60_000).optional(),
  /** The next `count` matching calls answer `status` (e.g. 408, 409, 500) without doing any work. */
  error: z.strictObject({ status: z.int().min(400).max(599), count: z.int().min(1) }).optional(),
  /** The next `count` matching calls answer 429 with `Retry-After: retryAfterSeconds`. */
  rateLimit: z.strictObject({ count: z.int().min(1), retryAfterSeconds: z.int().min(0).default(1) }).optional(),
  /** The next `count` matching calls do their work, then the connection is destroyed without an answer. */
  drop: z.strictObject({ count: z.int().min(1) }).optional(),
  pathPrefix: z.string().startsWith("/").optional(),
});
export type FaultSettings = z.infer<typeof FaultSettings>;

const faultMessages: Record<number, string> = {
  408: "The request took too long to process. Request data in smaller batches.",
  409: "The data has changed. Refresh and resubmit the request.",
};

declare module "fastify" {
  interface FastifyRequest {
    /** Set when this request's answer is to be dropped after the work is done. */
    mewsDrop: boolean;
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

  private applies(request: FastifyRequest): boolean {
    const path = request.url.split("?")[0] ?? "";
    if (path.startsWith("/__sim/")) return false;
    return !this.settings.pathPrefix || path.startsWith(this.settings.pathPrefix);
  }

  /** Installs the hooks on the root instance so they see every route. */
  install(app: FastifyInstance, state: MewsState): void {
    app.decorateRequest("mewsDrop", false);
    app.addHook("onRequest", async (request) => {
      if (!request.url.startsWith("/__sim/")) {
        const key = (request.url.split("?")[0] ?? "").replace(/^\/api\/connector\/v1\//, "");
        state.stats.requests[key] = (state.stats.requests[key] ?? 0) + 1;
      }
      if (!this.applies(request)) return;
      const s = this.settings;
      if (s.latencyMs) await sleep(s.latencyMs);
      if (s.rateLimit && s.rateLimit.count > 0) {
        const retryAfter = String(s.rateLimit.retryAfterSeconds);
        if (--s.rateLimit.count === 0) delete s.rateLimit;
        throw new MewsError(429, "Request limit exceeded. Try again later.", { "retry-after": retryAfter });
      }
      if (s.error && s.error.count > 0) {
        const status = s.error.status;
        if (--s.error.count === 0) delete s.error;
        throw new MewsError(status, faultMessages[status] ?? "Simulated failure (fault injection).");
      }
      if (s.drop && s.drop.count > 0) {
        if (--s.drop.count === 0) delete s.drop;
        request.mewsDrop = true;
      }
    });
    app.addHook("onSend", async (request, _reply, payload) => {
      // The work is done (committed to state); the client never learns the outcome.
      if (request.mewsDrop) request.raw.socket?.destroy();
      return payload;
    });
  }
}
