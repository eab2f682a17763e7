/** Builds the Fastify app of one Spaaza simulator instance (not listening yet). */
import Fastify, { type FastifyInstance } from "fastify";
import { registerLoginRoute, sessionAuth } from "./auth.ts";
import type { DemoUser } from "./demo-data.ts";
import { E, SpaazaError } from "./errors.ts";
import { type Faults, spaazaFaults } from "./faults.ts";
import { registerFormParsers } from "./form.ts";
import { registerResourceRoutes } from "./resource-routes.ts";
import { registerSimRoutes } from "./sim-routes.ts";
import { SpaazaState } from "./state.ts";
import { registerVoucherRoutes } from "./voucher-routes.ts";

export interface SpaazaSimulatorApp {
  app: FastifyInstance;
  state: SpaazaState;
  faults: Faults;
}

export function buildSpaazaSimulator(): SpaazaSimulatorApp {
  const app = Fastify({ logger: false, forceCloseConnections: true });
  const state = new SpaazaState();
  const faults = spaazaFaults();

  // Set by the session check before any voucher route runs.
  app.decorateRequest("spaazaUser", null as unknown as DemoUser);
  registerFormParsers(app);
  faults.install(app, () => state.stats.requests);

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof SpaazaError) return reply.code(error.status).headers(error.headers).send(error.toBody());
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (request.url.startsWith("/__sim/")) return reply.code(status).send({ error: (error as Error).message });
    // Fastify's own refusals (unknown media type, unreadable body) in Spaaza's envelope.
    const spaaza =
      status === 415
        ? new SpaazaError(E.contentType, "Requests must be multipart/form-data or application/x-www-form-urlencoded.")
        : status < 500
          ? new SpaazaError(E.parameter, "The request could not be read.", { status })
          : new SpaazaError(E.simulated, "Internal error.", { status });
    return reply.code(spaaza.status).send(spaaza.toBody());
  });
  app.setNotFoundHandler((_request, reply) => {
    const error = new SpaazaError(E.unknownCall, "No such API call (or not with this method).");
    return reply.code(error.status).send(error.toBody());
  });

  registerLoginRoute(app, state);
  app.register(async (api) => {
    api.addHook("onRequest", sessionAuth(state));
    registerVoucherRoutes(api, state);
    registerResourceRoutes(api, state);
  });
  registerSimRoutes(app, state, faults);
  return { app, state, faults };
}
