/**
 * Prometheus metrics for one app instance (its own registry, so tests can run several apps). Labels
 * carry route patterns and problem codes only, never ids, codes or tokens.
 */
import type { FastifyInstance } from "fastify";
import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Histogram({
    name: "voucher_http_request_duration_seconds",
    help: "HTTP request duration by route and status",
    labelNames: ["method", "route", "status"] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [registry],
  });
  const problems = new Counter({
    name: "voucher_problems_total",
    help: "Problem answers by code",
    labelNames: ["code"] as const,
    registers: [registry],
  });
  return { registry, requests, problems };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** Times every request under its route pattern. */
export function instrument(app: FastifyInstance, metrics: Metrics): void {
  app.addHook("onResponse", async (request, reply) => {
    const route = request.routeOptions.url ?? "unmatched";
    metrics.requests.labels(request.method, route, String(reply.statusCode)).observe(reply.elapsedTime / 1000);
  });
}
