/**
 * Spaaza simulator (seed 001): a strict HTTP stand-in for the documented classic voucher calls (login
 * sessions, form-encoded requests, `{result, results}` envelopes) and the Resources API voucher read, with
 * test-only control routes under `/__sim/`. Reached only over HTTP; it imports nothing from `src/server`.
 */
import type { SimulatorDefinition } from "../launcher.ts";
import { buildSpaazaSimulator } from "./app.ts";
import { currencies, demoUsers, demoVouchers, foreignVoucher } from "./demo-data.ts";

export {
  currencies,
  DEMO_CHAIN_ID,
  type DemoUser,
  type DemoVoucher,
  demoUsers,
  demoVouchers,
  foreignVoucher,
  type SpaazaCurrency,
} from "./demo-data.ts";
export { LOCK_PERIOD } from "./voucher-routes.ts";

export interface SpaazaSimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1: the simulator is for this machine only. */
  host?: string;
}

export interface RunningSimulator {
  /** Host root, e.g. `http://127.0.0.1:4101` (login at `/auth/login`). */
  url: string;
  close(): Promise<void>;
}

/** Starts a Spaaza simulator with the demo data loaded. */
export async function startSpaazaSimulator(options: SpaazaSimulatorOptions = {}): Promise<RunningSimulator> {
  const { app } = buildSpaazaSimulator();
  const host = options.host ?? "127.0.0.1";
  await app.listen({ port: options.port ?? 0, host });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return { url: `http://${shownHost}:${port}`, close: () => app.close() };
}

const iso = (id: number) => currencies.find((c) => c.id === id)?.iso ?? `currency ${id}`;

/** The launcher's entry for Spaaza (register it in `src/simulators/launcher.ts`). */
export const spaazaSimulator: SimulatorDefinition = {
  id: "spaaza",
  defaultPort: 4101,
  start: (options) => startSpaazaSimulator(options),
  describe: () => [
    ...demoUsers.map((u) => `login ${u.username} / ${u.password} (user ${u.userId}; ${u.label})`),
    `currency ids: ${currencies.map((c) => `${c.id} = ${c.iso}`).join(", ")} (map them in the account config)`,
    ...[...demoVouchers, foreignVoucher].map((v) => `voucher ${v.key} (id ${v.id}, ${iso(v.currencyId)}) ${v.label}`),
  ],
};
