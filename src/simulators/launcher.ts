/**
 * Starts every provider simulator. A registry entry per provider; the other four (Spaaza, Tevalis,
 * CRM.COM, Mews) plug in here when they exist. Run directly (`tsx src/simulators/launcher.ts`) it starts
 * them on fixed ports (overridable with SIM_PORT_<ID>, e.g. SIM_PORT_JTL=0) and prints URLs and demo data.
 */
import { pathToFileURL } from "node:url";
import { crmcomSimulator } from "./crmcom/index.ts";
import { demoClients, demoVouchers, startJtlSimulator } from "./jtl/index.ts";
import { mewsSimulator } from "./mews/index.ts";
import { spaazaSimulator } from "./spaaza/index.ts";
import { tevalisSimulator } from "./tevalis/index.ts";

export interface SimulatorDefinition {
  /** Provider id, as used in account config (`jtl`, `spaaza`, …). */
  id: string;
  /** Port used when the launcher runs on its own; the API form defaults to 0 (a free port). */
  defaultPort: number;
  start(options: { port: number; host?: string }): Promise<{ url: string; close(): Promise<void> }>;
  /** Lines describing the demo credentials and vouchers, for the console. */
  describe(): string[];
}

/** Every simulator the launcher knows. Add providers here. */
export const simulatorRegistry: readonly SimulatorDefinition[] = [
  {
    id: "jtl",
    defaultPort: 4100,
    start: (options) => startJtlSimulator(options),
    describe: () => [
      ...demoClients.map((c) => `client ${c.clientId} / ${c.clientSecret} (demo only; scopes: ${c.scopes.join(" ")})`),
      ...demoVouchers.map(
        (v) => `voucher ${v.code.padEnd(18)} ${(v.pin ? `PIN ${v.pin}` : "no PIN").padEnd(9)} ${v.label}`,
      ),
    ],
  },
  spaazaSimulator,
  tevalisSimulator,
  crmcomSimulator,
  mewsSimulator,
];

export interface RunningSimulators {
  /** Base URL per provider id. */
  urls: Record<string, string>;
  close(): Promise<void>;
}

/** Starts all registered simulators (port 0 = a free port unless `ports[id]` says otherwise). */
export async function startSimulators(
  options: { ports?: Partial<Record<string, number>> } = {},
): Promise<RunningSimulators> {
  const started: { id: string; url: string; close(): Promise<void> }[] = [];
  try {
    for (const sim of simulatorRegistry) {
      const running = await sim.start({ port: options.ports?.[sim.id] ?? 0 });
      started.push({ id: sim.id, ...running });
    }
  } catch (error) {
    await Promise.allSettled(started.map((s) => s.close()));
    throw error;
  }
  return {
    urls: Object.fromEntries(started.map((s) => [s.id, s.url])),
    async close() {
      await Promise.allSettled(started.map((s) => s.close()));
    },
  };
}

async function main(): Promise<void> {
  const ports: Record<string, number> = {};
  for (const sim of simulatorRegistry) {
    const fromEnv = process.env[`SIM_PORT_${sim.id.toUpperCase()}`];
    ports[sim.id] = fromEnv !== undefined ? Number(fromEnv) : sim.defaultPort;
  }
  const running = await startSimulators({ ports });
  for (const sim of simulatorRegistry) {
    console.log(`\n${sim.id}: ${running.urls[sim.id]}`);
    for (const line of sim.describe()) console.log(`  ${line}`);
  }
  console.log("\nTest-only routes: POST /__sim/reset | /__sim/vouchers | /__sim/faults | /__sim/config | /__sim/clock");
  console.log("Press Ctrl-C to stop.");
  const stop = async () => {
    await running.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
