/**
 * Builds the BFF: a Fastify app with CORS for the accounts' origins, session and voucher routes,
 * operational routes, the widget bundle and (in demo mode) the demo page. Pure wiring: every part is
 * passed in, so tests build apps with their own store, services and accounts.
 */
import cors from "@fastify/cors";
import Fastify, { type FastifyInstance, LogController } from "fastify";
import type { Logger } from "pino";
import { createApiKeyVerifier } from "./auth/api-keys.ts";
import { createSessionTokens } from "./auth/session-token.ts";
import type { ServerConfig } from "./config/config.schema.ts";
import { problemClientErrorHandler } from "./http/client-error.ts";
import { type LoadSheddingOptions, registerLoadShedding } from "./http/load-shedding.ts";
import { originAllowed } from "./http/origins.ts";
import { installProblemHandlers } from "./http/problem-handler.ts";
import { type Account, createAuthenticator } from "./http/request-context.ts";
import { loggerOptions } from "./observability/logger.ts";
import { createMetrics, instrument } from "./observability/metrics.ts";
import { registerCircuitMetrics } from "./providers/resilience/circuit-metrics.ts";
import { registerApiRoutes } from "./routes/api-routes.ts";
import { registerCodesRoutes } from "./routes/codes-routes.ts";
import { registerOpsRoutes } from "./routes/ops-routes.ts";
import { registerSessionRoutes } from "./routes/session-routes.ts";
import { registerStaticRoutes } from "./routes/static-routes.ts";
import type { MoneyServices } from "./services/types.ts";

export interface AppDeps {
  config: Pick<ServerConfig, "apiKeys" | "sessionSigningKey" | "sessionTtlSeconds" | "demo" | "logLevel">;
  accounts: ReadonlyMap<string, Account>;
  services: MoneyServices;
  /** Resolves when the store answers. */
  ping: () => Promise<void>;
  widgetDir: string;
  demoRoot?: string;
  /** The pino logger to use, or false for none (tests). Default: a new one at the configured level. */
  logger?: false | Logger;
  /** Load shedding limits for this instance (defaults: see `defaultLoadShedding`). */
  loadShedding?: LoadSheddingOptions;
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance & { shuttingDown: boolean }> {
  const app = Fastify({
    ...(deps.logger === false
      ? { logger: false }
      : deps.logger
        ? { loggerInstance: deps.logger }
        : { logger: loggerOptions(deps.config.logLevel) }),
    bodyLimit: 16 * 1024,
    // One line per request only when debugging: problems and money events are logged by their own code.
    logController: new LogController({
      disableRequestLogging: deps.config.logLevel !== "debug" && deps.config.logLevel !== "trace",
    }),
    return503OnClosing: true,
    // What Node's HTTP parser refuses is answered as problem+json too.
    clientErrorHandler: problemClientErrorHandler,
    forceCloseConnections: "idle",
  }) as unknown as FastifyInstance & { shuttingDown: boolean };
  app.shuttingDown = false;
  app.addHook("onClose", async () => {
    app.shuttingDown = true;
  });

  installProblemHandlers(app);
  const metrics = createMetrics();
  instrument(app, metrics);
  registerCircuitMetrics(metrics.registry, deps.accounts);

  const origins = [...deps.accounts.values()].flatMap((a) => a.allowedOrigins);
  await app.register(cors, {
    origin: (origin, cb) => cb(null, origin === undefined || originAllowed(origin, origins)),
    methods: ["GET", "POST", "DELETE"],
    allowedHeaders: ["authorization", "content-type", "idempotency-key"],
    exposedHeaders: ["date", "retry-after", "idempotency-replayed"],
    maxAge: 600,
    // A non-browser OPTIONS (no Origin or no Access-Control-Request-Method) gets 204 like a preflight,
    // instead of the plugin's own 400 text/plain: every refusal this BFF sends is problem+json.
    strictPreflight: false,
  });
  // After CORS, so a 503 OVERLOADED still carries the headers a browser needs to read it.
  await registerLoadShedding(app, deps.loadShedding);

  const tokens = createSessionTokens(Buffer.from(deps.config.sessionSigningKey, "base64"));
  registerSessionRoutes(app, {
    tokens,
    verifyApiKey: createApiKeyVerifier(deps.config.apiKeys),
    accountIds: new Set(deps.accounts.keys()),
    defaultTtlSeconds: deps.config.sessionTtlSeconds,
    demo: deps.config.demo,
  });
  const authenticate = createAuthenticator(tokens, deps.accounts);
  registerApiRoutes(app, { services: deps.services, authenticate });
  registerCodesRoutes(app, { authenticate });
  registerOpsRoutes(app, { metrics, ping: deps.ping, isShuttingDown: () => app.shuttingDown });
  await registerStaticRoutes(app, {
    widgetDir: deps.widgetDir,
    demoRoot: deps.config.demo ? deps.demoRoot : undefined,
  });
  return app;
}
