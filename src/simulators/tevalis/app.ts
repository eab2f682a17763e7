/** Builds the Fastify app of one Tevalis simulator instance (not listening yet). */
import Fastify, { type FastifyInstance } from "fastify";
import { headerAuth } from "./auth.ts";
import { registerCreateRoute } from "./create-route.ts";
import { AspNetError } from "./errors.ts";
import { type Faults, tevalisFaults } from "./faults.ts";
import { registerSimRoutes } from "./sim-routes.ts";
import { TevalisState } from "./state.ts";
import { registerVoucherRoutes, sendDotNet } from "./voucher-routes.ts";

export interface TevalisSimulatorApp {
  app: FastifyInstance;
  state: TevalisState;
  faults: Faults;
}

export function buildTevalisSimulator(): TevalisSimulatorApp {
  // ASP.NET routes match paths case-insensitively.
  const app = Fastify({ logger: false, forceCloseConnections: true, routerOptions: { caseSensitive: false } });
  const state = new TevalisState();
  const faults = tevalisFaults();

  app.decorateRequest("tevalisCompanyId", 0);
  faults.install(app, () => state.stats.requests);
  // Web API reads JSON under both of its documented media types (XML is not simulated).
  app.addContentTypeParser("text/json", { parseAs: "string" }, app.getDefaultJsonParser("error", "ignore"));

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof AspNetError) return sendDotNet(reply.headers(error.headers), error.body, error.status);
    if (request.url.startsWith("/__sim/")) {
      const status = (error as { statusCode?: number }).statusCode ?? 500;
      return reply.code(status).send({ error: (error as Error).message });
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status === 415) {
      const type = String(request.headers["content-type"] ?? "");
      return sendDotNet(
        reply,
        { Message: `The request entity's media type '${type}' is not supported for this resource.` },
        415,
      );
    }
    // Unreadable JSON: Web API binds the command as null and reports the model invalid.
    if (status === 400) return sendDotNet(reply, { Message: "The request is invalid." }, 400);
    return sendDotNet(reply, { Message: "An error has occurred." }, 500);
  });
  app.setNotFoundHandler((request, reply) =>
    sendDotNet(reply, { Message: `No HTTP resource was found that matches the request URI '${request.url}'.` }, 404),
  );

  app.register(async (api) => {
    api.addHook("onRequest", headerAuth(state));
    registerVoucherRoutes(api, state);
    registerCreateRoute(api, state);
  });
  registerSimRoutes(app, state, faults);
  return { app, state, faults };
}
