/**
 * The JTL harness for the shared suites: the adapter against a fresh JTL simulator over HTTP, with the
 * simulator's levers (seed, balance, clock, token revocation) and, for the fault suite, its faults and
 * request counters.
 */
import { startJtlSimulator } from "../../../simulators/jtl/index.ts";
import type { ContractHarness } from "../contract/harness.ts";
import { type FaultRoutes, faultLevers, simulatorLevers } from "../contract/simulator-levers.ts";
import { createJtlAdapter } from "./index.ts";

const routes: FaultRoutes = {
  // "/v1/reservations" alone would match the charge too; the hold tests make no charges meanwhile.
  hold: { prefix: "/v1/reservations", route: "POST /v1/reservations" },
  redeem: { prefix: "/v1/reservations/", route: "POST /v1/reservations/:id/charge" },
  lookup: { prefix: "/v1/vouchers/", route: "GET /v1/vouchers/:id/charges" },
};

/** Starts a JTL simulator and returns the harness (`timeoutMs`: the adapter's per-call timeout). */
export async function makeJtlHarness(options: { timeoutMs?: number } = {}): Promise<ContractHarness> {
  const sim = await startJtlSimulator({ port: 0 });
  const simCall = simulatorLevers(sim.url);
  const ids = new Map<string, string>();
  return {
    adapter: createJtlAdapter({
      id: "jtl",
      provider: "jtl",
      baseUrl: sim.url,
      currency: "EUR",
      allowedOrigins: [],
      timeoutMs: options.timeoutMs ?? 3000,
      credentials: { clientId: "demo-pos", clientSecret: "demo-pos-secret" },
    }),
    currency: "EUR",
    async seed(amountMinor) {
      const pin = String(1000 + Math.floor(Math.random() * 8999));
      const amount = (amountMinor / 100).toFixed(2);
      const voucher = await simCall<{ id: string; code: string }>("vouchers", {
        amount,
        currency: "EUR",
        status: "active",
        pin,
      });
      ids.set(voucher.code, voucher.id);
      return { code: voucher.code, pin };
    },
    async providerBalance(voucher) {
      const body = await simCall<{ remaining_amount: string }>(`vouchers/${ids.get(voucher.code)}`);
      return Math.round(Number(body.remaining_amount) * 100);
    },
    advanceClock: async (seconds) => {
      await simCall("clock", { advanceSeconds: seconds });
    },
    revokeAuth: async () => {
      await simCall("config", { revokeTokens: true });
    },
    ...faultLevers(simCall, routes),
    close: sim.close,
  };
}
