/** Liveness, readiness, Prometheus metrics and the OpenAPI document. */
import type { FastifyInstance } from "fastify";
import type { Metrics } from "../observability/metrics.ts";
import { buildOpenApi } from "../openapi.ts";

export interface OpsRouteDeps {
  metrics: Metrics;
  /** Resolves when the store answers; rejects otherwise. */
  ping: () => Promise<void>;
  isShuttingDown: () => boolean;
}

export function registerOpsRoutes(app: FastifyInstance, deps: OpsRouteDeps): void {
  app.get("/healthz", async () => ({ status: "ok" }));
  app.get("/readyz", async (request, reply) => {
    if (deps.isShuttingDown()) return reply.code(503).send({ status: "shutting-down" });
    try {
      await deps.ping();
      return { status: "ready" };
    } catch (error) {
      request.log.error({ err: error }, "store not ready");
      return reply.code(503).send({ status: "store-unavailable" });
    }
  });
  app.get("/metrics", async (_request, reply) => {
    reply.type(deps.metrics.registry.contentType);
    return deps.metrics.registry.metrics();
  });
  let openApi: unknown;
  app.get("/api/openapi.json", async () => {
    openApi ??= buildOpenApi();
    return openApi;
  });
}
