/**
 * Entry point of a configured BFF: `VOUCHER_CONFIG=bff.json tsx src/server/main.ts`. Without a
 * configuration it says how to get one (or to run the demo with `npm start`).
 */
import { ConfigError, loadConfig } from "./config/load-config.ts";
import { startServer } from "./server.ts";

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    throw error;
  }
  if (!config) {
    console.error(
      "No configuration: set VOUCHER_CONFIG to a JSON file (see README, Configuration), or run `npm start` for the demo.",
    );
    process.exit(78);
  }
  const server = await startServer(config);
  // Drain and close in order (server.ts), then exit 0. A second signal kills at once (`once`); a drain
  // that hangs past the deadline exits 1, which is no worse than a crash: the restart reconciles.
  const stop = () => {
    const deadline = setTimeout(() => {
      console.error(`Shutdown took longer than ${SHUTDOWN_DEADLINE_MS} ms; exiting anyway.`);
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("Shutdown failed:", error);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

/** How long requests in flight may take to finish after SIGTERM (orchestrators usually allow 30 s). */
const SHUTDOWN_DEADLINE_MS = 25_000;

await main();
