/**
 * Mews passes the shared adapter contract against its simulator. Its codes carry no money, so the suite
 * asserts NOT_SUPPORTED for every hold, redeem, refund and issue step, and `providerBalance` is null.
 */
import { startMewsSimulator } from "../../../simulators/mews/index.ts";
import { runAdapterContract } from "../contract/adapter-contract.ts";
import { simAccount, simPost } from "./adapter.fixture.ts";
import { createMewsAdapter } from "./index.ts";

runAdapterContract("mews", async () => {
  const sim = await startMewsSimulator({ port: 0 });
  return {
    adapter: createMewsAdapter(simAccount(sim.url)),
    currency: "EUR",
    async seed() {
      const code = await simPost<{ Value: string }>(sim.url, "voucher-codes", {});
      return { code: code.Value };
    },
    providerBalance: async () => null,
    advanceClock: async (seconds) => {
      await simPost(sim.url, "clock", { advanceSeconds: seconds });
    },
    // Mews tokens are static: it issues no token or session to forget, so there is nothing to log in
    // again for. (A revoked AccessToken is a configuration error: PROVIDER_ERROR, see adapter.test.ts.)
    revokeAuth: async () => {},
    close: sim.close,
  };
});
