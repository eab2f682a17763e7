import { beforeEach, describe, expect, it } from "vitest";
import { useSimHarness } from "../../../simulators/jtl/test-client.ts";
import type { ProviderAdapter } from "../port.ts";
import { type AccountOverrides, eur, held, problem, simAccount } from "./adapter.fixture.ts";
import { createJtlAdapter } from "./index.ts";

const sim = useSimHarness();
let adapter: ProviderAdapter;
beforeEach(async () => {
  adapter = createJtlAdapter(account());
});

const account = (overrides: AccountOverrides = {}) => simAccount(sim.url, overrides);
const seed = async (body: Record<string, unknown> = {}) => (await sim.sim("vouchers", body)).body;
const remaining = async (voucherId: string) => {
  const token = await sim.token();
  return (await sim.api("GET", `/v1/vouchers/${voucherId}`, { token })).body.remaining_amount;
};
const stats = async () => (await sim.sim("stats")).body;

describe("JTL adapter: capabilities", () => {
  it("publishes DESIGN §1's capabilities and refuses a check by code", async () => {
    expect(adapter.provider).toBe("jtl");
    expect(adapter.voucherKind).toBe("value");
    expect(adapter.capabilities).toEqual({
      check: false,
      pin: "optional",
      hold: true,
      holdKeptBy: "provider",
      holdTtl: null,
      extend: true,
      release: true,
      redeem: "partial",
      refund: "partial",
      issue: true,
      issueValidity: true,
      codesAdmin: false,
    });
    expect((await problem(adapter.check({ code: "DEMONOPIN50EUR01" }))).code).toBe("NOT_SUPPORTED");
  });
});

describe("JTL adapter: hold, extend, release, redeem", () => {
  it("holds with code and PIN (normalizing what was typed) and reports the balance", async () => {
    const simNow = Date.parse((await stats()).now);
    const hold = await adapter.hold({ code: "demo-pin1 00eur-001", pin: "1234", amount: eur(1000) });
    expect(hold.voucherId).toBe("DV000000000000PN");
    expect(hold.reservationId).toMatch(/^[0-9a-f]{21}$/);
    expect(hold.balance).toEqual(eur(10000));
    expect(Math.abs(hold.expiresAt.getTime() - (simNow + 30 * 60_000))).toBeLessThan(3000);
  });

  it("extends by a new reservation; the old one can no longer be charged", async () => {
    const first = await adapter.hold({ code: "DEMOPIN100EUR001", pin: "1234", amount: eur(1000) });
    await sim.sim("clock", { advanceSeconds: 600 });
    const second = await adapter.extend(held(first, "DEMOPIN100EUR001", 1000, "1234"));
    expect(second.reservationId).not.toBe(first.reservationId);
    expect(second.expiresAt.getTime() - first.expiresAt.getTime()).toBeGreaterThanOrEqual(600_000);
    expect((await problem(adapter.redeem(held(first, "DEMOPIN100EUR001", 1000, "1234"), "ORDER-1"))).code).toBe(
      "HOLD_EXPIRED",
    );
    const redemption = await adapter.redeem(held(second, "DEMOPIN100EUR001", 1000, "1234"), "ORDER-1");
    expect(redemption.amount).toEqual(eur(1000));
  });

  it("redeems part of the balance and reports what is left", async () => {
    const v = await seed({ amount: "50.00" });
    const hold = await adapter.hold({ code: v.code, amount: eur(2000) });
    const redemption = await adapter.redeem(held(hold, v.code, 2000), "ORDER-2");
    expect(redemption.upstreamId).toMatch(/^[0-9a-f]{21}$/);
    expect(redemption.amount).toEqual(eur(2000));
    expect(redemption.remainingBalance).toEqual(eur(3000));
    expect((await problem(adapter.hold({ code: v.code, amount: eur(3001) }))).code).toBe("INSUFFICIENT_BALANCE");
  });

  it("refuses a second redeem of the same hold", async () => {
    const hold = await adapter.hold({ code: "DEMONOPIN50EUR01", amount: eur(500) });
    await adapter.redeem(held(hold, "DEMONOPIN50EUR01", 500), "ORDER-3");
    expect((await problem(adapter.redeem(held(hold, "DEMONOPIN50EUR01", 500), "ORDER-3"))).code).toBe(
      "ALREADY_REDEEMED",
    );
    expect(await remaining("DV000000000000NP")).toBe("45.00");
  });

  it("answers HOLD_EXPIRED once JTL's 30 minutes are over", async () => {
    const hold = await adapter.hold({ code: "DEMONOPIN50EUR01", amount: eur(500) });
    await sim.sim("clock", { advanceSeconds: 30 * 60 + 1 });
    expect((await problem(adapter.redeem(held(hold, "DEMONOPIN50EUR01", 500), "ORDER-4"))).code).toBe("HOLD_EXPIRED");
  });

  it("releases locally without calling JTL", async () => {
    const hold = await adapter.hold({ code: "DEMONOPIN50EUR01", amount: eur(500) });
    const before = await stats();
    await adapter.release(held(hold, "DEMONOPIN50EUR01", 500));
    const after = await stats();
    expect(after.requests).toEqual(before.requests);
    expect(after.tokenRequests).toBe(before.tokenRequests);
  });
});

describe("JTL adapter: unknown outcomes", () => {
  it("finds the charge after JTL committed it but the answer was lost", async () => {
    const v = await seed({ amount: "40.00" });
    const hold = await adapter.hold({ code: v.code, amount: eur(1500) });
    const h = held(hold, v.code, 1500);
    expect(await adapter.findRedemption(h, "ORDER-LOST")).toBeNull();

    await sim.sim("faults", { drop: { count: 1 }, pathPrefix: "/v1/reservations/" });
    const lost = await problem(adapter.redeem(h, "ORDER-LOST"));
    expect(lost.code).toBe("PROVIDER_UNAVAILABLE");
    expect(lost.outcomeUnknown).toBe(true);

    const found = await adapter.findRedemption(h, "ORDER-LOST");
    expect(found).toMatchObject({ amount: eur(1500), remainingBalance: eur(2500) });
    expect(found?.upstreamId).toMatch(/^[0-9a-f]{21}$/);
    expect(await adapter.findRedemption(h, "OTHER-ORDER")).toBeNull();
    // A refund under the same order number does not hide or replace the charge.
    await adapter.refund({ upstreamId: found!.upstreamId, amount: eur(1500) }, eur(1500));
    expect((await adapter.findRedemption(h, "ORDER-LOST"))?.upstreamId).toBe(found!.upstreamId);
    // And the charge cannot happen twice.
    expect((await problem(adapter.redeem(h, "ORDER-LOST"))).code).toBe("ALREADY_REDEEMED");
  });

  it("does not take a charge of another amount for this hold", async () => {
    const v = await seed({ amount: "40.00" });
    const first = await adapter.hold({ code: v.code, amount: eur(700) });
    await adapter.redeem(held(first, v.code, 700), "ORDER-SPLIT");
    const second = await adapter.hold({ code: v.code, amount: eur(900) });
    expect(await adapter.findRedemption(held(second, v.code, 900), "ORDER-SPLIT")).toBeNull();
  });

  it("reads every page of charges", async () => {
    const v = await seed({ amount: "999.00" });
    for (let i = 0; i < 101; i++) {
      const h = await adapter.hold({ code: v.code, amount: eur(100) });
      await adapter.redeem(held(h, v.code, 100), "ORDER-MANY");
    }
    const last = await adapter.hold({ code: v.code, amount: eur(250) });
    const redemption = await adapter.redeem(held(last, v.code, 250), "ORDER-MANY");
    expect((await adapter.findRedemption(held(last, v.code, 250), "ORDER-MANY"))?.upstreamId).toBe(
      redemption.upstreamId,
    );
  });

  it("marks 5xx and timeouts as unknown outcomes only where money may have moved", async () => {
    const hold = await adapter.hold({ code: "DEMONOPIN50EUR01", amount: eur(500) });
    const h = held(hold, "DEMONOPIN50EUR01", 500);
    await sim.sim("faults", { error: { status: 502, count: 1 }, pathPrefix: "/v1/reservations/" });
    expect(await problem(adapter.redeem(h, "ORDER-5"))).toMatchObject({
      code: "PROVIDER_UNAVAILABLE",
      outcomeUnknown: true,
    });
    await sim.sim("faults", { error: { status: 500, count: 1 }, pathPrefix: "/v1/reservations" });
    expect(await problem(adapter.hold({ code: "DEMONOPIN50EUR01", amount: eur(500) }))).toMatchObject({
      code: "PROVIDER_UNAVAILABLE",
      outcomeUnknown: false,
    });

    const slow = createJtlAdapter(account({ timeoutMs: 150 }));
    const slowHold = await slow.hold({ code: "DEMOPIN100EUR001", pin: "1234", amount: eur(100) });
    await sim.sim("faults", { latencyMs: 600, pathPrefix: "/v1/reservations/" });
    const timedOut = await problem(slow.redeem(held(slowHold, "DEMOPIN100EUR001", 100, "1234"), "ORDER-6"));
    expect(timedOut).toMatchObject({ code: "PROVIDER_UNAVAILABLE", outcomeUnknown: true });
    expect(timedOut.message).toContain("150 ms");
  });

  it("passes JTL's 429 on as RATE_LIMITED with Retry-After", async () => {
    await sim.sim("faults", { rateLimit: { count: 1, retryAfterSeconds: 7 }, pathPrefix: "/v1/" });
    const limited = await problem(adapter.hold({ code: "DEMONOPIN50EUR01", amount: eur(500) }));
    expect(limited).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: 7, outcomeUnknown: false });
  });
});

describe("JTL adapter: refund and issue", () => {
  it("refunds in parts up to what was redeemed", async () => {
    const hold = await adapter.hold({ code: "DEMONOPIN50EUR01", amount: eur(2000) });
    const redemption = await adapter.redeem(held(hold, "DEMONOPIN50EUR01", 2000), "ORDER-R");
    const ref = { upstreamId: redemption.upstreamId, amount: redemption.amount };
    const refund = await adapter.refund(ref, eur(500));
    expect(refund.upstreamId).not.toBe(redemption.upstreamId);
    expect(await remaining("DV000000000000NP")).toBe("35.00");
    expect((await problem(adapter.refund(ref, eur(1501)))).code).toBe("REFUND_EXCEEDS_REDEMPTION");
    await adapter.refund(ref, eur(1500));
    expect(await remaining("DV000000000000NP")).toBe("50.00");
    expect((await problem(adapter.refund({ upstreamId: "nosuchcharge", amount: eur(1) }, eur(1)))).code).toBe(
      "REDEMPTION_NOT_FOUND",
    );
  });

  it("issues an active voucher with validity that can be held at once", async () => {
    const validUntil = new Date(Date.now() + 90 * 86_400_000 - 3_600_000);
    const issued = await adapter.issue({ amount: eur(2500), validUntil, note: "birthday", ref: "sale-1" });
    expect(issued).toMatchObject({ amount: eur(2500), status: "active" });
    expect(issued.code).toMatch(/^[A-Z0-9]{16}$/);
    expect(issued.pin).toBeUndefined();
    expect(issued.validUntil!.getTime()).toBeGreaterThanOrEqual(validUntil.getTime());
    expect(issued.validUntil!.getTime() - validUntil.getTime()).toBeLessThan(86_400_000);
    const hold = await adapter.hold({ code: issued.code, amount: eur(2500) });
    expect(hold.balance).toEqual(eur(2500));
  });

  it("issues without an end date", async () => {
    const issued = await adapter.issue({ amount: eur(1000), ref: "sale-2" });
    expect(issued.validUntil).toBeNull();
    expect(issued.status).toBe("active");
  });

  it("reports an unknown outcome when activation fails after the voucher was created", async () => {
    await sim.sim("faults", { error: { status: 503, count: 1 }, pathPrefix: "/v1/vouchers/" });
    expect(await problem(adapter.issue({ amount: eur(1000), ref: "sale-3" }))).toMatchObject({
      code: "PROVIDER_UNAVAILABLE",
      outcomeUnknown: true,
    });
  });
});
