/** Child process: one JTL simulator on loopback; prints `{"url": …}` on its first line of stdout. */
import { startJtlSimulator } from "../src/simulators/jtl/index.ts";

const sim = await startJtlSimulator({ port: 0 });
process.stdout.write(`${JSON.stringify({ url: sim.url })}\n`);
process.once("SIGTERM", async () => {
  await sim.close();
  process.exit(0);
});
