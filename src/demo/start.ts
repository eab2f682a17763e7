/**
 * `npm start`: builds the widget, starts the provider simulators and the BFF with demo settings, and
 * prints where to go. With VOUCHER_CONFIG set it runs the configured BFF instead (no simulators).
 * Ctrl-C stops everything.
 */
import { pathToFileURL } from "node:url";
import { build } from "vite";
import { ConfigError, loadConfig } from "../server/config/load-config.ts";
import { repoRoot, startServer } from "../server/server.ts";
import { simulatorRegistry, startSimulators } from "../simulators/launcher.ts";
import { DEMO_API_KEY, demoConfig } from "./demo-config.ts";

export interface DemoOptions {
  /** Build the widget first (npm start does; the test suite has built it already). */
  build?: boolean;
  logger?: boolean;
  env?: NodeJS.ProcessEnv;
}

export interface RunningDemo {
  url: string;
  simulatorUrls: Record<string, string>;
  close(): Promise<void>;
}

/** Starts simulators and the BFF in demo mode. */
export async function startDemo(options: DemoOptions = {}): Promise<RunningDemo> {
  if (options.build !== false) {
    await build({ root: repoRoot, logLevel: "warn", configFile: `${repoRoot}vite.config.ts` });
  }
  const simulators = await startSimulators();
  try {
    const server = await startServer(demoConfig(simulators.urls, options.env), { logger: options.logger });
    return {
      url: server.url,
      simulatorUrls: simulators.urls,
      async close() {
        await server.close();
        await simulators.close();
      },
    };
  } catch (error) {
    await simulators.close();
    throw error;
  }
}

function banner(url: string): string {
  // Each simulator describes its own demo data (DEMO ONLY: none of it exists anywhere else).
  const accounts = simulatorRegistry.flatMap((sim) => [
    `  Account ${sim.id}:`,
    ...sim.describe().map((line) => `    ${line}`),
  ]);
  return [
    "",
    `  voucher-widget demo is running at ${url}/`,
    "",
    `  Demo merchant API key: ${DEMO_API_KEY}`,
    "",
    ...accounts,
    "",
    "  Press Ctrl-C to stop.",
    "",
  ].join("\n");
}

async function main() {
  let running: { url: string; close(): Promise<void> };
  try {
    const config = loadConfig();
    running = config
      ? await startServer(config)
      : await startDemo({
          logger: process.env.LOG_LEVEL !== undefined && process.env.LOG_LEVEL !== "silent" ? undefined : false,
        });
    if (!config) console.log(banner(running.url));
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    throw error;
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    await running.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
