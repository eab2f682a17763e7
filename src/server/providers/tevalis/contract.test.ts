/** Tevalis passes the shared adapter contract against its simulator. */
import { fromMinor, toMinor } from "../../../shared/index.ts";
import { startTevalisSimulator } from "../../../simulators/tevalis/index.ts";
import { runAdapterContract } from "../contract/adapter-contract.ts";
import { simAccount } from "./adapter.fixture.ts";
import { createTevalisAdapter } from "./index.ts";

runAdapterContract("tevalis", async () => {
  const sim = await startTevalisSimulator({ port: 0 });
  const simCall = async (path: string, body?: unknown) => {
    const response = await fetch(`${sim.url}/__sim/${path}`, {
      method: body === undefined ? "GET" : "POST",
      ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return response.json() as Promise<{ SerialNumber: string; Value: string; active: boolean }>;
  };
  return {
    adapter: createTevalisAdapter(simAccount(sim.url)),
    currency: "GBP",
    async seed(amountMinor) {
      // No serial: Tevalis makes a GUID, which the adapter must find again after the BFF's normalizing.
      const voucher = await simCall("vouchers", { value: fromMinor(amountMinor, "GBP") });
      return { code: voucher.SerialNumber };
    },
    async providerBalance(voucher) {
      // Tevalis keeps no balance: a voucher is worth its value while active, and nothing once spent.
      const stored = await simCall(`vouchers/${encodeURIComponent(voucher.code)}`);
      return stored.active ? (toMinor(stored.Value, "GBP") ?? Number.NaN) : 0;
    },
    advanceClock: async (seconds) => {
      await simCall("clock", { advanceSeconds: seconds });
    },
    // Static header credentials: there is no token or session to forget.
    revokeAuth: async () => {},
    close: sim.close,
  };
});
