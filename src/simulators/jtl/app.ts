/** Builds the Fastify app of one JTL simulator instance (not listening yet). */
import Fastify, { type FastifyInstance } from "fastify";
import { bearerAuth, registerTokenRoute } from "./auth.ts";
import { registerChargeRoutes } from "./charge-routes.ts";
import { JtlError } from "./errors.ts";
import { type Faults, jtlFaults } from "./faults.ts";
import { registerReservationRoutes } from "./reservation-routes.ts";
import { registerSimRoutes } from "./sim-routes.ts";
import { JtlState } from "./state.ts";
import { registerVoucherRoutes } from "./voucher-routes.ts";

export interface JtlSimulatorApp {
  app: FastifyInstance;
  state: JtlState;
  faults: Faults;
}

export function buildJtlSimulator(options: { tokenTtlSeconds?: number } = {}): JtlSimulatorApp {
  const app = Fastify({ logger: false, forceCloseConnections: true });
  const state = new JtlState(options.tokenTtlSeconds ?? 3600);
  const faults = jtlFaults();

  app.decorateRequest("jtlClientId", "");
  faults.install(app, () => state.stats.requests);

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof JtlError) return reply.code(error.status).headers(error.headers).send(error.toBody());
    // Fastify's own errors (bad JSON, wrong media type, /__sim validation) keep JTL's body shape.
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    const message = status >= 500 ? "Server Error" : (error as Error).message;
    return reply.code(status).send({ status, code: status >= 500 ? "SERVER_ERROR" : "BAD_REQUEST", message });
  });
  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).send({ status: 404, code: "NOT_FOUND", message: "Not Found" }),
  );

  registerTokenRoute(app, state);
  app.register(async (v1) => {
    v1.addHook("onRequest", bearerAuth(state));
    registerReservationRoutes(v1, state);
    registerChargeRoutes(v1, state);
    registerVoucherRoutes(v1, state);
  });
  registerSimRoutes(app, state, faults);
  return { app, state, faults };
}
