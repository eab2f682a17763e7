/**
 * The CRM.COM harness for the shared suites: the adapter wired to a fresh simulator over real HTTP, with
 * the simulator's levers (seed, balance, clock, token revocation) and, for the fault suite, its faults
 * and request counters. Holds are kept by this service, so their expiry runs on the adapter's clock: it
 * moves with the simulator's.
 */
import { randomInt } from "node:crypto";
import { fromMinor } from "../../../shared/index.ts";
import { startCrmcomSimulator } from "../../../simulators/crmcom/index.ts";
import type { ContractHarness } from "../contract/harness.ts";
import { type FaultRoutes, faultLevers, simulatorLevers } from "../contract/simulator-levers.ts";
import { decimalToMinor } from "../decimal.ts";
import { simAccount } from "./adapter.fixture.ts";
import { createCrmcomAdapter } from "./index.ts";

const API = "/crmapi/rest/v2";
/**
 * Where each fault target strikes: a hold starts with `retrieve_secret_number`, a redemption is
 * `vouchers/use`, and `findRedemption` reads `vouchers/show` (which a hold reads too, after the secret).
 */
const routes: FaultRoutes = {
  hold: { prefix: `${API}/vouchers/retrieve_secret_number`, route: `GET ${API}/vouchers/retrieve_secret_number` },
  redeem: { prefix: `${API}/vouchers/use`, route: `POST ${API}/vouchers/use` },
  lookup: { prefix: `${API}/vouchers/show`, route: `GET ${API}/vouchers/show` },
};

/** Starts a simulator and returns the harness (`timeoutMs`: the adapter's per-call timeout). */
export async function makeCrmcomHarness(options: { timeoutMs?: number } = {}): Promise<ContractHarness> {
  const sim = await startCrmcomSimulator({ port: 0 });
  const simCall = simulatorLevers(sim.url);
  let offsetMs = 0;
  const account = simAccount(sim.url, options.timeoutMs ? { timeoutMs: options.timeoutMs } : {});
  return {
    adapter: createCrmcomAdapter(account, { now: () => Date.now() + offsetMs }),
    currency: "EUR",
    async seed(amountMinor) {
      const pin = String(randomInt(1_000_000, 10_000_000));
      const voucher = await simCall<{ number: string }>("vouchers", {
        value: fromMinor(amountMinor, "EUR"),
        secret_number: pin,
      });
      return { code: voucher.number, pin };
    },
    async providerBalance(voucher) {
      // CRM.COM keeps no balance: an activated voucher is worth its value, a used one nothing.
      const stored = await simCall<{ value: number; life_cycle_state: string }>(`vouchers/${voucher.code}`);
      if (stored.life_cycle_state !== "ACTIVATED") return 0;
      return decimalToMinor(stored.value, "EUR");
    },
    advanceClock: async (seconds) => {
      await simCall("clock", { advanceSeconds: seconds });
      offsetMs += seconds * 1000;
    },
    revokeAuth: async () => {
      await simCall("config", { revokeTokens: true });
    },
    ...faultLevers(simCall, routes),
    close: sim.close,
  };
}
