/**
 * CRM.COM Web API simulator (seed 003, legacy `crmapi/rest/v2`): login with a two-hour absolute token
 * passed as a parameter, the `{status, data}` envelope, `vouchers/show`, `retrieve_secret_number`, `use`
 * and `purchase_evoucher`, with test-only control routes under `/__sim/`. Imports nothing from `src/server`.
 */
import type { SimulatorDefinition } from "../launcher.ts";
import { buildCrmcomSimulator } from "./app.ts";
import { demoAccountsReceivable, demoEVouchers, demoUsers, demoVoucherTypes } from "./demo-data.ts";

export {
  type DemoEVoucher,
  type DemoUser,
  demoAccountsReceivable,
  demoEVouchers,
  demoUsers,
  demoVoucherTypes,
} from "./demo-data.ts";

/** Where the API lives below the simulator's root (the account's baseUrl is root + this). */
export const CRMCOM_API_PATH = "/crmapi/rest/v2";

export interface CrmcomSimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1: the simulator is for this machine only. */
  host?: string;
}

export interface RunningCrmcomSimulator {
  /** Host root, e.g. `http://127.0.0.1:4103`; the API is under `/crmapi/rest/v2/`. */
  url: string;
  close(): Promise<void>;
}

/** Starts a CRM.COM simulator with the demo data loaded. */
export async function startCrmcomSimulator(options: CrmcomSimulatorOptions = {}): Promise<RunningCrmcomSimulator> {
  const { app } = buildCrmcomSimulator();
  const host = options.host ?? "127.0.0.1";
  await app.listen({ port: options.port ?? 0, host });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return { url: `http://${shownHost}:${port}`, close: () => app.close() };
}

const euros = (cents: number) => (cents / 100).toFixed(2);

/** The launcher's entry for CRM.COM (add it to `simulatorRegistry`). */
export const crmcomSimulator: SimulatorDefinition = {
  id: "crmcom",
  defaultPort: 4103,
  start: (options) => startCrmcomSimulator(options),
  describe: () => {
    const user = demoUsers[0]!;
    const variable = demoVoucherTypes.find((t) => t.value_options === "VARIABLE")!;
    return [
      `login ${user.username} / ${user.password}, organisation ${user.organisation} (demo only); API under ${CRMCOM_API_PATH}`,
      `sells type ${variable.alternative_code} (variable value) for ${demoAccountsReceivable[0]!.number}`,
      ...demoEVouchers.map(
        (v) => `voucher ${v.number.padEnd(18)} secret ${v.secretNumber}  ${euros(v.value).padStart(6)} EUR  ${v.label}`,
      ),
    ];
  },
};
