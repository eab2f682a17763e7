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
  });

  const background = async () => {
    try {
      await services.sweepExpired();
      await services.reconcilePending();
      await services.purge();
    } catch (error) {
      app.log.error({ err: error }, "background sweep failed");
    }
  };
  await background();
  const timer = setInterval(background, SWEEP_INTERVAL_MS);
  timer.unref();

  const address = await app.listen({ port: config.port, host: config.host });
  return {
    url: address.replace("[::1]", "localhost"),
    async close() {
      clearInterval(timer);
      await app.close();
      await Promise.all([...accounts.values()].map((a) => a.adapter.close?.()));
      await store.close();
    },
  };
}
