import { describe, expect, it } from "vitest";
import { Capabilities } from "../../../shared/index.ts";
import { DEMO_ENTERPRISE_ID, DEMO_VOUCHER_IDS, demoAccessTokens } from "../../../simulators/mews/index.ts";
import { useMewsSim } from "../../../simulators/mews/test-client.ts";
import { withResilience } from "../resilience/resilient-adapter.ts";
import { problem, simAccount } from "./adapter.fixture.ts";
import { createMewsAdapter, type MewsDeps } from "./index.ts";

const sim = useMewsSim();
const waits: number[] = [];
const deps: MewsDeps = {
  sleep: async (ms) => {
    waits.push(ms);
  },
};
const adapter = (overrides = {}, d: MewsDeps = deps) => createMewsAdapter(simAccount(sim.url, overrides), d);
const calls = async (operation: string) => (await sim.sim("stats")).body.requests[operation] ?? 0;

describe("capabilities", () => {
  it("checks access codes and offers the codes admin, nothing with money", () => {
    const a = adapter();
    expect(a.voucherKind).toBe("access");
    expect(Capabilities.parse(a.capabilities)).toEqual({
      check: true,
      pin: "none",
      hold: false,
      holdKeptBy: null,
      holdTtl: null,
      extend: false,
      release: false,
      redeem: "none",
      refund: "none",
      issue: false,
      issueValidity: false,
      codesAdmin: true,
    });
    expect(a.accessCodes).toBeDefined();
  });

  it("offers no codes admin when the account names no vouchers for it", () => {
    const a = adapter({ voucherIds: [] });
    expect(a.capabilities.codesAdmin).toBe(false);
    expect(a.accessCodes).toBeUndefined();
  });

  it("answers NOT_SUPPORTED for every money step", async () => {
    const a = adapter();
    const money = { minor: 100, currency: "EUR" };
    const held = { holdId: "h", code: "X", reservationId: "", amount: money, expiresAt: new Date() };
    for (const step of [
      a.hold({ code: "MEWSVALID0000001", amount: money }),
      a.extend(held),
      a.release(held),
      a.redeem(held, "order"),
      a.refund({ upstreamId: "r", amount: money }, money),
      a.issue({ amount: money, ref: "x" }),
    ]) {
      expect((await problem(step)).code).toBe("NOT_SUPPORTED");
    }
    expect(await a.findRedemption(held, "order")).toBeNull();
  });
});

describe("check", () => {
  it("tells each demo code's status and validity", async () => {
    const a = adapter();
    const valid = await a.check({ code: "MEWSVALID0000001" });
    expect(valid).toEqual({ kind: "access", status: "active", validUntil: null });
    const bounded = await a.check({ code: "MEWSVALID0000002" });
    expect(bounded.status).toBe("active");
    expect(bounded.validUntil!.getTime()).toBeGreaterThan(Date.now() + 300 * 86_400_000);
    expect((await a.check({ code: "MEWSEXPIRED00001" })).status).toBe("expired");
    expect((await a.check({ code: "MEWSFUTURE000001" })).status).toBe("not_yet_valid");
    expect((await a.check({ code: "MEWSDELETED00001" })).status).toBe("inactive");
  });

  it("answers VOUCHER_INVALID for an unknown code (values match exactly)", async () => {
    expect((await problem(adapter().check({ code: "NOSUCHCODE0000000042" }))).code).toBe("VOUCHER_INVALID");
    expect((await problem(adapter().check({ code: "mewsvalid0000001" }))).code).toBe("VOUCHER_INVALID");
  });

  it("prefers the active code when a deleted one had the same value", async () => {
    await sim.sim("voucher-codes", { value: "MEWSDELETED00001", voucherId: DEMO_VOUCHER_IDS.corporate });
    expect((await adapter().check({ code: "MEWSDELETED00001" })).status).toBe("active");
  });

  it("judges validity by the BFF's clock", async () => {
    const later = createMewsAdapter(simAccount(sim.url), { ...deps, now: () => Date.now() + 40 * 86_400_000 });
    expect((await later.check({ code: "MEWSFUTURE000001" })).status).toBe("active");
  });

  it("works with a portfolio token narrowed to the account's enterprise", async () => {
    const a = adapter({
      credentials: { clientToken: "DEMO-MEWS-CLIENT-TOKEN-SIMULATOR-ONLY", accessToken: demoAccessTokens[1]!.token },
      enterpriseId: DEMO_ENTERPRISE_ID,
    });
    expect((await a.check({ code: "MEWSVALID0000001" })).status).toBe("active");
  });
});

describe("errors and request limits", () => {
  it("answers RATE_LIMITED with Retry-After's wait; the resilience wrapper waits out a short one", async () => {
    await sim.sim("faults", { rateLimit: { count: 1, retryAfterSeconds: 1 } });
    const limited = await problem(adapter().check({ code: "MEWSVALID0000001" }));
    expect(limited).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: 1, retryable: true });
    await sim.sim("faults", { rateLimit: { count: 1, retryAfterSeconds: 1 } });
    const sleeps: number[] = [];
    const wrapped = withResilience(adapter(), { retry: { sleep: async (ms) => void sleeps.push(ms) } });
    expect((await wrapped.check({ code: "MEWSVALID0000001" })).status).toBe("active");
    expect(sleeps).toEqual([1000]);
    await sim.sim("faults", { rateLimit: { count: 1, retryAfterSeconds: 30 } });
    expect(await problem(wrapped.check({ code: "MEWSVALID0000001" }))).toMatchObject({
      code: "RATE_LIMITED",
      retryAfterSeconds: 30,
    });
  });

  it("waits out a short Retry-After once for adds and deletes, which the wrapper never repeats", async () => {
    waits.length = 0;
    await sim.sim("faults", { rateLimit: { count: 1, retryAfterSeconds: 1 } });
    const added = await adapter().accessCodes!.addCodes([{ voucherId: DEMO_VOUCHER_IDS.corporate, value: "POLITE01" }]);
    expect(added).toHaveLength(1);
    expect(waits).toEqual([1000]);
    expect(await calls("voucherCodes/add")).toBe(2);
    await sim.sim("faults", { rateLimit: { count: 1, retryAfterSeconds: 30 } });
    const long = await problem(adapter().accessCodes!.deleteCodes([added[0]!.id]));
    expect(long).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: 30 });
    expect(waits).toEqual([1000]);
    await sim.sim("faults", { rateLimit: { count: 2, retryAfterSeconds: 0 } });
    const twice = problem(adapter().accessCodes!.addCodes([{ voucherId: DEMO_VOUCHER_IDS.corporate, value: "X2" }]));
    expect((await twice).code).toBe("RATE_LIMITED");
  });

  it("respects the simulator's own request limit", async () => {
    await sim.sim("config", { limits: { perToken: 1, windowSeconds: 120 } });
    await adapter().check({ code: "MEWSVALID0000001" });
    const limited = await problem(adapter().check({ code: "MEWSVALID0000001" }));
    expect(limited.code).toBe("RATE_LIMITED");
    expect(limited.retryAfterSeconds).toBeGreaterThan(100);
  });

  it("maps refused tokens, timeouts, conflicts and server errors", async () => {
    await sim.sim("tokens", { action: "revoke" });
    const refused = await problem(adapter().check({ code: "MEWSVALID0000001" }));
    expect(refused.code).toBe("PROVIDER_ERROR");
    expect(refused.message).not.toContain("DEMO-MEWS");
    await sim.sim("reset", {});
    for (const [status, code] of [
      [408, "PROVIDER_UNAVAILABLE"],
      [409, "PROVIDER_UNAVAILABLE"],
      [500, "PROVIDER_UNAVAILABLE"],
      [400, "PROVIDER_ERROR"],
    ] as const) {
      await sim.sim("faults", { error: { status, count: 1 } });
      expect((await problem(adapter().check({ code: "MEWSVALID0000001" }))).code, String(status)).toBe(code);
    }
  });

  it("reports an unreachable Mews as PROVIDER_UNAVAILABLE", async () => {
    const a = createMewsAdapter(simAccount("http://127.0.0.1:9", { timeoutMs: 500 }), deps);
    expect((await problem(a.check({ code: "MEWSVALID0000001" }))).code).toBe("PROVIDER_UNAVAILABLE");
  });
});
