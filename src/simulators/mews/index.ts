/**
 * Mews Connector API simulator (seed 004): a strict HTTP stand-in for the documented voucher and
 * voucher-code operations, with test-only control routes under `/__sim/`. Reached only over HTTP; it
 * imports nothing from `src/server`.
 */
import type { SimulatorDefinition } from "../launcher.ts";
import { buildMewsSimulator } from "./app.ts";
import { DEMO_CLIENT_TOKEN, demoAccessTokens, demoCodes, demoVouchers } from "./demo-data.ts";

export {
  DEMO_CLIENT_TOKEN,
  DEMO_ENTERPRISE_ID,
  DEMO_SERVICE_ID,
  DEMO_VOUCHER_IDS,
  type DemoAccessToken,
  type DemoCode,
  demoAccessTokens,
  demoCodes,
  demoVouchers,
} from "./demo-data.ts";

export interface MewsSimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1: the simulator is for this machine only. */
  host?: string;
}

export interface RunningMewsSimulator {
  /** The PlatformAddress, e.g. `http://127.0.0.1:4104` (operations under `/api/connector/v1/`). */
  url: string;
  close(): Promise<void>;
}

/** Starts a Mews simulator with the demo data loaded. */
export async function startMewsSimulator(options: MewsSimulatorOptions = {}): Promise<RunningMewsSimulator> {
  const { app } = buildMewsSimulator();
  const host = options.host ?? "127.0.0.1";
  await app.listen({ port: options.port ?? 0, host });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return { url: `http://${shownHost}:${port}`, close: () => app.close() };
}

/** The launcher's entry for Mews (add it to `simulatorRegistry`). */
export const mewsSimulator: SimulatorDefinition = {
  id: "mews",
  defaultPort: 4104,
  start: (options) => startMewsSimulator(options),
  describe: () => {
    const voucherName = new Map(demoVouchers.map((v) => [v.id, v.name]));
    return [
      `ClientToken ${DEMO_CLIENT_TOKEN} (demo only)`,
      ...demoAccessTokens.map(
        (t) => `AccessToken ${t.token} (demo only${t.portfolio ? "; portfolio: EnterpriseId on writes" : ""})`,
      ),
      ...demoCodes.map((c) => `code ${c.value.padEnd(18)} ${c.label} (${voucherName.get(c.voucherId)})`),
    ];
  },
};
