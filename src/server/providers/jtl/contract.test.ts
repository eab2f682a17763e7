/** JTL passes the shared adapter contract against its simulator. */
import { startJtlSimulator } from "../../../simulators/jtl/index.ts";
import { runAdapterContract } from "../contract/adapter-contract.ts";
import { createJtlAdapter } from "./index.ts";

runAdapterContract("jtl", async () => {
  const sim = await startJtlSimulator({ port: 0 });
  const simPost = async (path: string, body: unknown) => {
    const response = await fetch(`${sim.url}/__sim/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return response.json();
  };
  const ids = new Map<string, string>();
  return {
    adapter: createJtlAdapter({
      id: "jtl",
      provider: "jtl",
      baseUrl: sim.url,
      currency: "EUR",
      allowedOrigins: [],
      timeoutMs: 3000,
      credentials: { clientId: "demo-pos", clientSecret: "demo-pos-secret" },
    }),
    currency: "EUR",
    async seed(amountMinor) {
      const pin = String(1000 + Math.floor(Math.random() * 8999));
      const voucher = await simPost("vouchers", {
        amount: (amountMinor / 100).toFixed(2),
        currency: "EUR",
        status: "active",
        pin,
      });
      ids.set(voucher.code, voucher.id);
      return { code: voucher.code, pin };
    },
    async providerBalance(voucher) {
      const response = await fetch(`${sim.url}/__sim/vouchers/${ids.get(voucher.code)}`);
      const body = (await response.json()) as { remaining_amount: string };
      return Math.round(Number(body.remaining_amount) * 100);
    },
    advanceClock: async (seconds) => {
      await simPost("clock", { advanceSeconds: seconds });
    },
    revokeAuth: async () => {
      await simPost("config", { revokeTokens: true });
    },
    close: sim.close,
  };
});
