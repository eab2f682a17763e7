/**
 * Load shedding: when one BFF instance is saturated it answers `503 OVERLOADED` with `Retry-After` at once,
 * instead of queueing work until every request times out (and the widget's holds expire while they wait).
 * Two signals, either enough: too many API requests in flight on this instance (a hard, predictable cap,
 * on by default), and, when configured, a sustained event-loop delay (@fastify/under-pressure), which
 * catches CPU starvation the cap misses.
 *
 * Only `/api/` and `/demo/` requests are shed. Liveness, readiness, metrics and the widget bundle keep
 * answering, so a load balancer sees a busy instance, not a dead one. A shed request did no work at all,
 * so retrying it (with the same Idempotency-Key) is always safe.
 */
import underPressure from "@fastify/under-pressure";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { HttpProblem } from "../errors/http-problem.ts";
import { sendProblem } from "./problem-handler.ts";

export interface LoadSheddingOptions {
  /** API requests one instance works on at once; the next one is refused. 0 turns the cap off. */
  maxInFlight?: number;
  /** Mean event-loop delay (ms) over one sample above which API requests are refused. 0 (default): off. */
  maxEventLoopDelayMs?: number;
  /** How often the event-loop delay is sampled (ms). */
  sampleIntervalMs?: number;
  /** Sent as `Retry-After` and `retryAfterSeconds`. */
  retryAfterSeconds?: number;
}

/**
 * Defaults. The in-flight cap is on: well above what 50 busy terminals need (the benchmark runs 50 without
 * shedding), well below where queued requests outlive the widget's patience. Event-loop shedding is off
 * unless configured (MAX_EVENT_LOOP_DELAY_MS, e.g. 200 on PostgreSQL): with the embedded PGlite every query
 * runs on the event loop, so a long delay there is the database working, not a reason to refuse sales, and
 * on a starved machine (CI, a busy laptop) it would refuse requests the instance could still serve.
 */
export const defaultLoadShedding: Required<LoadSheddingOptions> = {
  maxInFlight: 256,
  maxEventLoopDelayMs: 0,
  sampleIntervalMs: 1000,
  retryAfterSeconds: 1,
};

/** What the app can ask of its load shedding (tests and metrics). */
export interface LoadShedding {
  /** API requests being worked on right now. */
  inFlight(): number;
  /** Requests refused so far. */
  shed(): number;
}

const sheddable = (request: FastifyRequest) =>
  request.method !== "OPTIONS" && (request.url.startsWith("/api/") || request.url.startsWith("/demo/"));

function overloaded(reason: string, retryAfterSeconds: number): HttpProblem {
  return new HttpProblem("OVERLOADED", `This service is busy (${reason}); nothing was done. Try again shortly.`, {
    retryAfterSeconds,
  });
}

/**
 * Installs load shedding on the root instance. Register it after CORS, so a shed answer still carries the
 * CORS headers the browser needs to read it (otherwise the widget would see a bare network error).
 */
export async function registerLoadShedding(
  app: FastifyInstance,
  options: LoadSheddingOptions = {},
): Promise<LoadShedding> {
  // Unset (undefined) options keep their defaults; a spread alone would overwrite them with undefined.
  const given = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  const settings: Required<LoadSheddingOptions> = { ...defaultLoadShedding, ...given };
  let inFlight = 0;
  let shed = 0;
  const refuse = (reply: FastifyReply, reason: string) => {
    shed++;
    return sendProblem(reply, overloaded(reason, settings.retryAfterSeconds));
  };

  const watchLoop = settings.maxEventLoopDelayMs > 0;
  if (watchLoop) {
    // under-pressure only measures here; the hook below decides, so every refusal has one shape.
    await app.register(underPressure, {
      maxEventLoopDelay: settings.maxEventLoopDelayMs,
      sampleInterval: settings.sampleIntervalMs,
      retryAfter: settings.retryAfterSeconds,
      pressureHandler: () => undefined,
    });
  }

  app.addHook("onRequest", async (request, reply) => {
    if (!sheddable(request)) return;
    if (settings.maxInFlight > 0 && inFlight >= settings.maxInFlight) {
      return refuse(reply, "too many requests in progress");
    }
    if (watchLoop && app.isUnderPressure()) return refuse(reply, "event loop saturated");
    inFlight++;
    // Released once, on whichever comes first: the answer sent, or the client gone ('close' also fires then).
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      inFlight--;
    };
    reply.raw.once("finish", release);
    reply.raw.once("close", release);
  });

  return { inFlight: () => inFlight, shed: () => shed };
}
