/** Builds the Fastify app of one Mews simulator instance (not listening yet). */
import Fastify, { type FastifyInstance } from "fastify";
import { registerConnector } from "./connector.ts";
import { MewsError } from "./errors.ts";
import { type Faults, mewsFaults } from "./faults.ts";
import { registerSimRoutes } from "./sim-routes.ts";
import { MewsState } from "./state.ts";
import { addVoucherCodes, deleteVoucherCodes, getAllVoucherCodes } from "./voucher-code-routes.ts";
import { getAllVouchers } from "./voucher-routes.ts";

export interface MewsSimulatorApp {
  app: FastifyInstance;
  state: MewsState;
  faults: Faults;
}

export function buildMewsSimulator(): MewsSimulatorApp {
  const app = Fastify({ logger: false, forceCloseConnections: true, bodyLimit: 4 * 1024 * 1024 });
  const state = new MewsState();
  const faults = mewsFaults();
  faults.install(app, () => state.stats.requests);

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof MewsError) return reply.code(error.status).headers(error.headers).send(error.toBody());
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    // /__sim validation errors say what is wrong; the API's own (bad JSON, wrong media type) keep Mews's shape.
    if (request.url.startsWith("/__sim/")) return reply.code(status).send({ error: (error as Error).message });
    const body =
      status >= 500
        ? new MewsError(500, "An unexpected error occurred.").toBody()
        : new MewsError(400, "The API accepts only POST requests with a JSON body (application/json).").toBody();
    return reply.code(status >= 500 ? 500 : 400).send(body);
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send(new MewsError(404, "Not found.").toBody()));

  registerConnector(app, state, {
    "voucherCodes/getAll": getAllVoucherCodes,
    "voucherCodes/add": addVoucherCodes,
    "voucherCodes/delete": deleteVoucherCodes,
    "vouchers/getAll": getAllVouchers,
  });
  registerSimRoutes(app, state, faults);
  return { app, state, faults };
}
