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
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

await main();
