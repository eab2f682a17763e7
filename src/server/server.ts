/**
 * Runs the BFF for a configuration: opens the store, makes each account's adapter, starts the app and
 * the background jobs (expiry sweep, reconciliation of pending redemptions), and stops all of it cleanly.
 */
import { fileURLToPath } from "node:url";
import pino from "pino";
import { buildApp } from "./app.ts";
import type { ServerConfig } from "./config/config.schema.ts";
import type { Account } from "./http/request-context.ts";
import { loggerOptions } from "./observability/logger.ts";
import { createAdapter } from "./providers/registry.ts";
import { createMoneyServices } from "./services/index.ts";
import { openStore } from "./store/index.ts";
import { releaseDeadLeases } from "./store/restart-recovery.ts";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** How often expired holds are swept and pending redemptions reconciled. */
const SWEEP_INTERVAL_MS = 15_000;

export async function startServer(config: ServerConfig, options: { logger?: boolean } = {}): Promise<RunningServer> {
  const store = await openStore({
    dataDir: config.databaseUrl ? undefined : config.dataDir,
    databaseUrl: config.databaseUrl,
  });
  const accounts = new Map<string, Account>();
  for (const account of config.accounts) {
    accounts.set(account.id, {
      id: account.id,
      provider: account.provider,
      currency: account.currency,
      allowedOrigins: account.allowedOrigins,
      adapter: createAdapter(account),
    });
  }
  const logger = options.logger === false ? undefined : pino(loggerOptions(config.logLevel));
  if (store.kind === "pglite") {
    // Only this process opens the embedded data directory: leases in it were left by one that died, and
    // would keep a crashed redemption from being settled (and its client's retry waiting) for minutes.
    const released = await releaseDeadLeases(store.db, new Date());
    if (released.redemptions + released.keys > 0) logger?.warn(released, "released leases of a previous process");
  }
  const services = createMoneyServices({
    store,
    secretKey: Buffer.from(config.dataKey, "base64"),
    getAccount: (id) => accounts.get(id),
    logger,
  });
  const app = await buildApp({
    config,
    accounts,
    services,
    ping: () => store.ping(),
    widgetDir: `${repoRoot}dist/widget`,
    demoRoot: repoRoot,
    logger: logger ?? false,
    ...(config.loadShedding ? { loadShedding: config.loadShedding } : {}),
  });

  // Answers finished while draining close their connection: a keep-alive socket left open would hold the
  // close until its keep-alive timeout (72 s), long past any orchestrator's grace (Fastify closes only the
  // sockets idle when the close began, and marks only requests that arrive after it).
  let draining = false;
  app.addHook("preClose", async () => {
    draining = true;
  });
  app.addHook("onSend", async (_request, reply, payload) => {
    if (draining) reply.header("connection", "close");
    return payload;
  });

  // One run at a time, and remembered, so closing waits for it before the store goes away.
  let sweeping: Promise<void> | null = null;
  const background = () => {
    sweeping ??= (async () => {
      try {
        await services.sweepExpired();
        await services.reconcilePending();
        await services.purge();
      } catch (error) {
        app.log.error({ err: error }, "background sweep failed");
      } finally {
        sweeping = null;
      }
    })();
    return sweeping;
  };
  await background();
  const timer = setInterval(background, SWEEP_INTERVAL_MS);
  timer.unref();

  const address = await app.listen({ port: config.port, host: config.host });
  let closing: Promise<void> | undefined;
  return {
    url: address.replace("[::1]", "localhost"),
    // In order: stop the timer, drain requests in flight (new ones get 503), let a running sweep finish,
    // then close the adapters and last the store everything above writes to.
    close() {
      closing ??= (async () => {
        clearInterval(timer);
        await app.close();
        await sweeping;
        await Promise.all([...accounts.values()].map((a) => a.adapter.close?.()));
        await store.close();
      })();
      return closing;
    },
  };
}
