/**
 * Child process: one simulator on loopback, JTL (default) or Spaaza (`SIM=spaaza`, for the check flow:
 * JTL has no check by code); prints `{"url": …}` on its first line of stdout.
 */

import { startJtlSimulator } from "../src/simulators/jtl/index.ts";
import { startSpaazaSimulator } from "../src/simulators/spaaza/index.ts";

const sim =
  process.env.SIM === "spaaza" ? await startSpaazaSimulator({ port: 0 }) : await startJtlSimulator({ port: 0 });
process.stdout.write(`${JSON.stringify({ url: sim.url })}\n`);
process.once("SIGTERM", async () => {
  await sim.close();
  process.exit(0);
});
