/** Spaaza passes the shared adapter contract against its simulator. */
import { startSpaazaSimulator } from "../../../simulators/spaaza/index.ts";
import { runAdapterContract } from "../contract/adapter-contract.ts";
import type { ContractHarness } from "../contract/harness.ts";
import { simAccount } from "./adapter.fixture.ts";
import { createSpaazaAdapter } from "./index.ts";

runAdapterContract("spaaza", async (): Promise<ContractHarness> => {
  const sim = await startSpaazaSimulator({ port: 0 });
  const simCall = async (path: string, body?: unknown) => {
    const init: RequestInit =
      body === undefined
        ? {}
        : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
    const response = await fetch(`${sim.url}/__sim/${path}`, init);
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return response.json();
  };
  return {
    adapter: createSpaazaAdapter(simAccount(sim.url)),
    currency: "EUR",
    async seed(amountMinor) {
      const voucher = await simCall("vouchers", { amount: (amountMinor / 100).toFixed(2), currency_id: 2 });
      return { code: voucher.voucher_key };
    },
    // The original voucher's balance plus its regenerated successors': what the customer still has.
    async providerBalance(voucher) {
      const body = (await simCall(`vouchers/${voucher.code}`)) as { remaining_amount: string };
      return Math.round(Number(body.remaining_amount) * 100);
    },
    advanceClock: async (seconds) => {
      await simCall("clock", { advanceSeconds: seconds });
    },
    revokeAuth: async () => {
      await simCall("config", { revokeSessions: true });
    },
    close: sim.close,
  };
});
