/**
 * Tevalis WebVouchers simulator (seed 002): a strict HTTP stand-in for the documented ASP.NET Web API
 * (`WebVouchers/GetVoucherBySerial`, `GetVoucherByID`, `GetActiveVouchers`, `CreateVoucher`), with static
 * header credentials and test-only control routes under `/__sim/`. Imports nothing from `src/server`.
 */
import type { SimulatorDefinition } from "../launcher.ts";
import { buildTevalisSimulator } from "./app.ts";
import { demoCompanies, demoDeveloperIds, demoWebVouchers } from "./demo-data.ts";

export {
  type DemoCompany,
  type DemoWebVoucher,
  demoCompanies,
  demoDeveloperIds,
  demoWebVouchers,
} from "./demo-data.ts";

export interface TevalisSimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1: the simulator is for this machine only. */
  host?: string;
}

export interface RunningTevalisSimulator {
  /** Host root, e.g. `http://127.0.0.1:4102` (the API lives at `/WebVouchers/…`). */
  url: string;
  close(): Promise<void>;
}

/** Starts a Tevalis simulator with the demo data loaded. */
export async function startTevalisSimulator(options: TevalisSimulatorOptions = {}): Promise<RunningTevalisSimulator> {
  const { app } = buildTevalisSimulator();
  const host = options.host ?? "127.0.0.1";
  await app.listen({ port: options.port ?? 0, host });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return { url: `http://${shownHost}:${port}`, close: () => app.close() };
}

const pounds = (pence: number) => (pence / 100).toFixed(2);

/** The launcher's entry for Tevalis (add it to `simulatorRegistry`). */
export const tevalisSimulator: SimulatorDefinition = {
  id: "tevalis",
  defaultPort: 4102,
  start: (options) => startTevalisSimulator(options),
  describe: () => {
    const company = demoCompanies[0]!;
    return [
      `headers CompanyID ${company.companyId} / GUID ${company.guid} / DeveloperID ${demoDeveloperIds[0]} (demo only)`,
      ...demoWebVouchers
        .filter((v) => v.companyId === company.companyId)
        .map((v) => `serial ${v.serial.padEnd(18)} ${pounds(v.value).padStart(6)} GBP  ${v.label}`),
    ];
  },
};
