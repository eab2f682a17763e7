/**
 * The Spaaza harness for the shared suites: the adapter against a fresh Spaaza simulator over HTTP, with
 * the simulator's levers (seed, balance, clock, session revocation) and, for the fault suite, its faults
 * and request counters.
 */
import { startSpaazaSimulator } from "../../../simulators/spaaza/index.ts";
import type { ContractHarness } from "../contract/harness.ts";
import { type FaultRoutes, faultLevers, simulatorLevers } from "../contract/simulator-levers.ts";
import { simAccount } from "./adapter.fixture.ts";
import { createSpaazaAdapter } from "./index.ts";

/**
 * A hold is `lock-voucher`, a redemption `auth/redeem-voucher`, and `findRedemption` reads the voucher by
 * id (`/resources/voucher/{id}`; the redemption's own read beforehand is by key, `/resources/voucher?key=`).
 */
const routes: FaultRoutes = {
  hold: { prefix: "/lock-voucher", route: "PUT /lock-voucher" },
  redeem: { prefix: "/auth/redeem-voucher", route: "POST /auth/redeem-voucher" },
  lookup: { prefix: "/resources/voucher/", route: "GET /resources/voucher/:id" },
};

/** Starts a simulator and returns the harness (`timeoutMs`: the adapter's per-call timeout). */
export async function makeSpaazaHarness(options: { timeoutMs?: number } = {}): Promise<ContractHarness> {
  const sim = await startSpaazaSimulator({ port: 0 });
  const simCall = simulatorLevers(sim.url);
  return {
    adapter: createSpaazaAdapter(simAccount(sim.url, options.timeoutMs ? { timeoutMs: options.timeoutMs } : {})),
    currency: "EUR",
    async seed(amountMinor) {
      const voucher = await simCall<{ voucher_key: string }>("vouchers", {
        amount: (amountMinor / 100).toFixed(2),
        currency_id: 2,
      });
      return { code: voucher.voucher_key };
    },
    // The original voucher's balance plus its regenerated successors': what the customer still has.
    async providerBalance(voucher) {
      const body = await simCall<{ remaining_amount: string }>(`vouchers/${voucher.code}`);
      return Math.round(Number(body.remaining_amount) * 100);
    },
    advanceClock: async (seconds) => {
      await simCall("clock", { advanceSeconds: seconds });
    },
    revokeAuth: async () => {
      await simCall("config", { revokeSessions: true });
    },
    ...faultLevers(simCall, routes),
    close: sim.close,
  };
}
