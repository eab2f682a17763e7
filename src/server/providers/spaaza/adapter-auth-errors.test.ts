import { beforeEach, describe, expect, it } from "vitest";
import { demoUsers, demoVouchers, foreignVoucher } from "../../../simulators/spaaza/index.ts";
import { startSpaazaSimHarness, useSpaazaSim } from "../../../simulators/spaaza/test-client.ts";
import type { ProviderAdapter } from "../port.ts";
import { eur, held, problem, simAccount } from "./adapter.fixture.ts";
import { createSpaazaAdapter } from "./index.ts";

const sim = useSpaazaSim();
let adapter: ProviderAdapter;
beforeEach(() => {
  adapter = createSpaazaAdapter(simAccount(sim.url));
});

const [claimed, , redeemed, expired, pounds] = demoVouchers as unknown as (typeof demoVouchers)[0][];
const stats = async () => (await sim.sim("stats")).body;
const pos = demoUsers[0]!;

describe("Spaaza adapter: login sessions", () => {
  it("logs in once for many calls, shares one login between concurrent calls, and again after a revoke", async () => {
    await Promise.all(Array.from({ length: 5 }, () => adapter.check({ code: claimed!.key })));
    await adapter.hold({ code: claimed!.key, amount: eur(100) });
    expect((await stats()).logins).toBe(1);
    await sim.sim("config", { revokeSessions: true });
    const checks = await Promise.all(Array.from({ length: 5 }, () => adapter.check({ code: claimed!.key })));
    expect(checks.every((c) => c.status === "held")).toBe(true);
    expect((await stats()).logins).toBe(2);
  });

  it("logs in again when another process logged the same user in (Spaaza deletes older sessions)", async () => {
    await adapter.check({ code: claimed!.key });
    await sim.login();
    expect((await adapter.check({ code: claimed!.key })).status).toBe("active");
    expect((await stats()).logins).toBe(3);
  });

  it("renews the session before it ends, by the injected clock", async () => {
    await sim.sim("config", { sessionValidityHours: 1 });
    const clock = { ms: Date.now() };
    const timed = createSpaazaAdapter(simAccount(sim.url), { now: () => clock.ms });
    await timed.check({ code: claimed!.key });
    clock.ms += 3545_000;
    await sim.sim("clock", { advanceSeconds: 3545 });
    await timed.check({ code: claimed!.key });
    const s = await stats();
    expect(s.logins).toBe(2);
    expect(s.requests["GET /resources/voucher"]).toBe(2);
  });

  it("answers PROVIDER_ERROR for a refused login or one that needs 2FA, without the password", async () => {
    const wrong = createSpaazaAdapter(
      simAccount(sim.url, { credentials: { username: pos.username, password: "nope-secret" } }),
    );
    const refused = await problem(wrong.check({ code: claimed!.key }));
    expect(refused.code).toBe("PROVIDER_ERROR");
    expect(JSON.stringify(refused.toProblem())).not.toContain("nope-secret");
    const office = demoUsers[2]!;
    const twoFactor = createSpaazaAdapter(
      simAccount(sim.url, { credentials: { username: office.username, password: office.password } }),
    );
    expect((await problem(twoFactor.check({ code: claimed!.key }))).message).toContain("2FA");
  });
});

describe("Spaaza adapter: error mapping", () => {
  it.each([
    ["a code that is not a key", () => adapter.check({ code: "NOSUCHCODE0000000042" }), "VOUCHER_INVALID"],
    ["an unknown key", () => adapter.check({ code: "ab".repeat(32) }), "VOUCHER_INVALID"],
    ["a voucher of another chain (68, HTTP 500)", () => adapter.check({ code: foreignVoucher.key }), "VOUCHER_INVALID"],
    ["another currency (check)", () => adapter.check({ code: pounds!.key }), "CURRENCY_MISMATCH"],
    ["another currency (hold)", () => adapter.hold({ code: pounds!.key, amount: eur(100) }), "CURRENCY_MISMATCH"],
    ["an expired voucher", () => adapter.hold({ code: expired!.key, amount: eur(100) }), "VOUCHER_EXPIRED"],
    ["more than the balance", () => adapter.hold({ code: claimed!.key, amount: eur(5001) }), "INSUFFICIENT_BALANCE"],
    ["a used-up voucher", () => adapter.hold({ code: redeemed!.key, amount: eur(100) }), "INSUFFICIENT_BALANCE"],
    [
      "a lock period Spaaza refuses",
      () => adapter.hold({ code: claimed!.key, amount: eur(1), ttlSeconds: 100 }),
      "INVALID_REQUEST",
    ],
  ])("%s → %s, with nothing secret in the message", async (_name, attempt, code) => {
    const error = await problem(attempt());
    expect(error.code).toBe(code);
    expect(error.outcomeUnknown).toBe(false);
    const body = JSON.stringify(error.toProblem());
    for (const secret of [claimed!.key, pounds!.key, foreignVoucher.key, pos.password])
      expect(body).not.toContain(secret);
  });

  it("maps an unmapped currency id to CURRENCY_MISMATCH", async () => {
    const eurOnly = createSpaazaAdapter(simAccount(sim.url, { currencyIds: { "2": "EUR" } }));
    expect((await problem(eurOnly.check({ code: pounds!.key }))).code).toBe("CURRENCY_MISMATCH");
  });

  it("takes a voucher_not_found warning inside a 200 as VOUCHER_INVALID", async () => {
    const withWarning: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (!String(input).endsWith("/lock-voucher")) return response;
      const body = {
        result: { code: 1, status: "ok" },
        warnings: [{ code: 183, name: "voucher_not_found" }],
        results: [],
      };
      return new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });
    };
    const warned = createSpaazaAdapter(simAccount(sim.url), { fetch: withWarning });
    expect((await problem(warned.hold({ code: claimed!.key, amount: eur(100) }))).code).toBe("VOUCHER_INVALID");
  });

  it("takes a redemption answer it cannot read as an unknown outcome (Spaaza said ok)", async () => {
    const odd: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (!String(input).endsWith("/auth/redeem-voucher")) return response;
      const body = await response.json();
      body.results.voucher_amount_redeemed = 1.005;
      return new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });
    };
    const reading = createSpaazaAdapter(simAccount(sim.url), { fetch: odd });
    const hold = await reading.hold({ code: claimed!.key, amount: eur(100) });
    const error = await problem(reading.redeem(held(hold, claimed!.key, 100), "ORDER-ODD"));
    expect(error).toMatchObject({ code: "PROVIDER_ERROR", outcomeUnknown: true });
    expect(await reading.findRedemption(held(hold, claimed!.key, 100), "ORDER-ODD")).toMatchObject({
      amount: eur(100),
    });
  });

  it("passes 429 on as RATE_LIMITED with Retry-After", async () => {
    await sim.sim("faults", { rateLimit: { count: 1, retryAfterSeconds: 7 }, pathPrefix: "/resources/" });
    expect(await problem(adapter.check({ code: claimed!.key }))).toMatchObject({
      code: "RATE_LIMITED",
      retryAfterSeconds: 7,
    });
  });

  it("marks 5xx and timeouts as unknown outcomes only where money may have moved", async () => {
    await sim.sim("faults", { error: { status: 503, count: 1 }, pathPrefix: "/lock-voucher" });
    expect(await problem(adapter.hold({ code: claimed!.key, amount: eur(100) }))).toMatchObject({
      code: "PROVIDER_UNAVAILABLE",
      outcomeUnknown: false,
    });
    const hold = await adapter.hold({ code: claimed!.key, amount: eur(100) });
    await sim.sim("faults", { error: { status: 502, count: 1 }, pathPrefix: "/auth/redeem-voucher" });
    expect(await problem(adapter.redeem(held(hold, claimed!.key, 100), "ORDER-5"))).toMatchObject({
      code: "PROVIDER_UNAVAILABLE",
      outcomeUnknown: true,
    });
    const slow = createSpaazaAdapter(simAccount(sim.url, { timeoutMs: 150 }));
    await sim.sim("faults", { latencyMs: 600, pathPrefix: "/auth/redeem-voucher" });
    const timedOut = await problem(slow.redeem(held(hold, claimed!.key, 100), "ORDER-6"));
    expect(timedOut).toMatchObject({ code: "PROVIDER_UNAVAILABLE", outcomeUnknown: true });
  });

  it("answers PROVIDER_UNAVAILABLE when nothing listens", async () => {
    const other = await startSpaazaSimHarness();
    const url = other.url;
    await other.close();
    const gone = createSpaazaAdapter(simAccount(url));
    expect((await problem(gone.check({ code: claimed!.key }))).code).toBe("PROVIDER_UNAVAILABLE");
  });
});
