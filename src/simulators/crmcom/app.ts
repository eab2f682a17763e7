/** Builds the Fastify app of one CRM.COM simulator instance (not listening yet). */
import Fastify, { type FastifyInstance } from "fastify";
import { registerAuthRoutes } from "./auth.ts";
import { CrmError } from "./envelope.ts";
import { crmcomFaults, type Faults } from "./faults.ts";
import { registerPurchaseRoute } from "./purchase-route.ts";
import { registerSimRoutes } from "./sim-routes.ts";
import { CrmState } from "./state.ts";
import { registerVoucherRoutes } from "./voucher-routes.ts";

export interface CrmSimulatorApp {
  app: FastifyInstance;
  state: CrmState;
  faults: Faults;
}

export function buildCrmcomSimulator(): CrmSimulatorApp {
  const app = Fastify({ logger: false, forceCloseConnections: true });
  const state = new CrmState();
  const faults = crmcomFaults();
  faults.install(app, () => state.stats.requests);

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof CrmError) return reply.code(error.httpStatus).headers(error.headers).send(error.toBody());
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (request.url.startsWith("/__sim/")) return reply.code(status).send({ error: (error as Error).message });
    if (status === 415 || status === 400) {
      // A body that is not JSON (or not JSON at all) is a parameter problem in the envelope.
      const refused = new CrmError("INVALID_PARAMETER", "The request body must be JSON (application/json).");
      return reply.code(200).send(refused.toBody());
    }
    return reply.code(500).send(new CrmError("SIMULATED_FAULT", "Internal error.").toBody());
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send(
        new CrmError("INVALID_PARAMETER", `No such method: ${request.method} ${request.url.split("?")[0]}.`).toBody(),
      ),
  );

  registerAuthRoutes(app, state);
  registerVoucherRoutes(app, state);
  registerPurchaseRoute(app, state);
  registerSimRoutes(app, state, faults);
  return { app, state, faults };
}
