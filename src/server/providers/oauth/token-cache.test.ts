import { describe, expect, it } from "vitest";
import { useSimHarness } from "../../../simulators/jtl/test-client.ts";
import { isHttpProblem } from "../../errors/http-problem.ts";
import { clientCredentialsFetcher } from "./client-credentials.ts";
import { TokenCache } from "./token-cache.ts";

const sim = useSimHarness();

/** A cache fetching real tokens from the simulator, on a clock the test moves. */
function cacheOnSim(clientSecret = "demo-pos-secret") {
  const clock = { ms: Date.now() };
  const cache = new TokenCache({
    now: () => clock.ms,
    fetchToken: clientCredentialsFetcher({
      provider: "JTL",
      tokenUrl: `${sim.url}/oauth/token`,
      clientId: "demo-pos",
      clientSecret,
      extra: { client_type: "voucher-widget-test" },
      timeoutMs: 2000,
    }),
  });
  return { cache, clock };
}

const tokenRequests = async () => (await sim.sim("stats")).body.tokenRequests as number;
/** One API call with a token, as the adapter makes it; answers the status. */
const apiStatus = async (token: string) =>
  (await fetch(`${sim.url}/v1/vouchers/DV000000000000NP`, { headers: { authorization: `Bearer ${token}` } })).status;

describe("TokenCache with client credentials", () => {
  it("fetches once and reuses the token", async () => {
    const { cache } = cacheOnSim();
    const first = await cache.get();
    for (let i = 0; i < 5; i++) expect(await cache.get()).toBe(first);
    expect(await apiStatus(first)).toBe(200);
    expect(await tokenRequests()).toBe(1);
  });

  it("refreshes before the stated lifetime ends (60 s or 10% early)", async () => {
    await sim.sim("config", { tokenTtlSeconds: 120 });
    const { cache, clock } = cacheOnSim();
    const first = await cache.get();
    clock.ms += 107_000;
    expect(await cache.get()).toBe(first);
    // Both clocks move on to 109 s: past 120 − 12 (10% of 120, less than 60 s).
    clock.ms += 2_000;
    await sim.sim("clock", { advanceSeconds: 109 });
    const second = await cache.get();
    expect(second).not.toBe(first);
    expect(await tokenRequests()).toBe(2);
    // The simulator indeed refuses the first token once its lifetime is over; the refreshed one works.
    await sim.sim("clock", { advanceSeconds: 12 });
    expect(await apiStatus(first)).toBe(401);
    expect(await apiStatus(second)).toBe(200);
  });

  it("refreshes 60 s early for long lifetimes", async () => {
    const { cache, clock } = cacheOnSim();
    const first = await cache.get();
    clock.ms += 3539_000;
    expect(await cache.get()).toBe(first);
    clock.ms += 2_000;
    expect(await cache.get()).not.toBe(first);
  });

  it("retries exactly once after a 401, with a new token", async () => {
    const { cache } = cacheOnSim();
    const first = await cache.get();
    await sim.sim("config", { revokeTokens: true });
    const used: string[] = [];
    const status = await cache.withToken(
      async (token) => {
        used.push(token);
        return apiStatus(token);
      },
      (s) => s === 401,
    );
    expect(status).toBe(200);
    expect(used).toEqual([first, expect.not.stringMatching(first)]);
    expect(await tokenRequests()).toBe(2);
  });

  it("gives up after the one retry when the provider keeps answering 401", async () => {
    const { cache } = cacheOnSim();
    let calls = 0;
    const status = await cache.withToken(
      async () => {
        calls++;
        return apiStatus("revoked-or-bogus");
      },
      (s) => s === 401,
    );
    expect(status).toBe(401);
    expect(calls).toBe(2);
    expect(await tokenRequests()).toBe(2);
  });

  it("shares one token fetch among concurrent callers (single flight)", async () => {
    await sim.sim("faults", { latencyMs: 100, pathPrefix: "/oauth/token" });
    const { cache } = cacheOnSim();
    const tokens = await Promise.all(Array.from({ length: 10 }, () => cache.get()));
    expect(new Set(tokens).size).toBe(1);
    expect(await tokenRequests()).toBe(1);
  });

  it("refetches once when concurrent calls all meet a 401", async () => {
    const { cache } = cacheOnSim();
    await cache.get();
    await sim.sim("config", { revokeTokens: true });
    const statuses = await Promise.all(
      Array.from({ length: 5 }, () =>
        cache.withToken(
          (token) => apiStatus(token),
          (s) => s === 401,
        ),
      ),
    );
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    expect(await tokenRequests()).toBe(2);
  });

  it("passes a failed fetch to every waiter and tries again on the next call", async () => {
    await sim.sim("faults", { error: { status: 503, count: 1 }, pathPrefix: "/oauth/token" });
    const { cache } = cacheOnSim();
    const results = await Promise.allSettled([cache.get(), cache.get()]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    const reason = (results[0] as PromiseRejectedResult).reason;
    expect(isHttpProblem(reason) && reason.code).toBe("PROVIDER_UNAVAILABLE");
    expect(await apiStatus(await cache.get())).toBe(200);
  });

  it("reports refused credentials without the secret", async () => {
    const { cache } = cacheOnSim("wrong-secret-value");
    const error = await cache.get().catch((e: unknown) => e);
    expect(isHttpProblem(error) && error.code).toBe("PROVIDER_ERROR");
    expect(String((error as Error).message)).not.toContain("wrong-secret-value");
  });
});

describe("TokenCache lifetimes", () => {
  it("assumes a conservative lifetime (300 s) when expires_in is absent", async () => {
    const clock = { ms: 0 };
    let fetches = 0;
    const cache = new TokenCache({ now: () => clock.ms, fetchToken: async () => ({ accessToken: `t${++fetches}` }) });
    expect(await cache.get()).toBe("t1");
    clock.ms = 269_000;
    expect(await cache.get()).toBe("t1");
    clock.ms = 271_000; // 300 − 30 (10%)
    expect(await cache.get()).toBe("t2");
  });

  it("invalidates only the token that was refused", async () => {
    let fetches = 0;
    const cache = new TokenCache({
      fetchToken: async () => ({ accessToken: `t${++fetches}`, expiresInSeconds: 3600 }),
    });
    await cache.get();
    cache.invalidate("t0-older");
    expect(await cache.get()).toBe("t1");
    cache.invalidate("t1");
    expect(await cache.get()).toBe("t2");
  });
});
