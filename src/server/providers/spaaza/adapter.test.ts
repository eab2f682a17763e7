import { beforeEach, describe, expect, it } from "vitest";
import { demoUsers, demoVouchers } from "../../../simulators/spaaza/index.ts";
import { useSpaazaSim } from "../../../simulators/spaaza/test-client.ts";
import type { ProviderAdapter } from "../port.ts";
import { eur, held, problem, simAccount } from "./adapter.fixture.ts";
import { createSpaazaAdapter } from "./index.ts";

const sim = useSpaazaSim();
let adapter: ProviderAdapter;
beforeEach(() => {
  adapter = createSpaazaAdapter(simAccount(sim.url));
});

const [claimed, generated] = demoVouchers as [(typeof demoVouchers)[0], (typeof demoVouchers)[0]];
const seed = async (amount: string, body: Record<string, unknown> = {}) =>
  (await sim.sim("vouchers", { amount, ...body })).body.voucher_key as string;
const simVoucher = async (ref: string | number) => (await sim.sim(`vouchers/${ref}`)).body;
const simNow = async () => Date.parse((await sim.sim("stats")).body.now);
/** A key as the BFF hands it over: normalized to upper case. */
const typed = (key: string) => key.toUpperCase();

describe("Spaaza adapter: capabilities and check", () => {
  it("publishes DESIGN §1's capabilities, with the account's default lock period", () => {
    expect(adapter.capabilities).toEqual({
      check: true,
      pin: "none",
      hold: true,
      holdKeptBy: "provider",
      holdTtl: { min: 120, max: 3600, default: 300 },
      extend: true,
      release: true,
      redeem: "partial",
      refund: "none",
      issue: false,
      issueValidity: false,
      codesAdmin: false,
    });
    const longer = createSpaazaAdapter(simAccount(sim.url, { lockPeriodSeconds: 900 }));
    expect(longer.capabilities.holdTtl).toEqual({ min: 120, max: 3600, default: 900 });
  });

  it("checks by key (as typed or scanned) with balance, status and expiry", async () => {
    const info = await adapter.check({ code: typed(claimed.key) });
    expect(info).toMatchObject({ kind: "value", status: "active", balance: eur(5000) });
    expect(info.validUntil?.getTime()).toBeGreaterThan(Date.now() + 360 * 86_400_000);
    expect((await adapter.check({ code: generated.key })).status).toBe("active");
    expect((await adapter.check({ code: demoVouchers[2]!.key })).status).toBe("redeemed");
    expect((await adapter.check({ code: demoVouchers[3]!.key })).status).toBe("expired");
  });

  it("reports a voucher locked elsewhere as held", async () => {
    const till2 = await sim.login(demoUsers[1]!.username);
    await sim.api("PUT", "/lock-voucher", { session: till2, form: { voucher_key: claimed.key } });
    expect((await adapter.check({ code: claimed.key })).status).toBe("held");
    expect((await problem(adapter.hold({ code: claimed.key, amount: eur(100) }))).code).toBe("VOUCHER_HELD");
  });
});

describe("Spaaza adapter: hold, extend, release", () => {
  it("locks for the asked lifetime; the hold expires when Spaaza's lock does", async () => {
    const now = await simNow();
    const hold = await adapter.hold({ code: typed(claimed.key), amount: eur(1000), ttlSeconds: 600 });
    expect(hold).toMatchObject({
      reservationId: String(claimed.id),
      voucherId: String(claimed.id),
      balance: eur(5000),
    });
    expect(Math.abs(hold.expiresAt.getTime() - (now + 600_000))).toBeLessThan(2000);
    const upstream = await simVoucher(claimed.id);
    expect(upstream).toMatchObject({ voucher_locked: true, voucher_locked_by_user_id: demoUsers[0]!.userId });
    expect(Date.parse(`${upstream.voucher_locked_until.replace(" ", "T")}Z`)).toBe(hold.expiresAt.getTime());
  });

  it("uses the account's lock period when none is asked", async () => {
    const now = await simNow();
    const hold = await adapter.hold({ code: claimed.key, amount: eur(1000) });
    expect(Math.abs(hold.expiresAt.getTime() - (now + 300_000))).toBeLessThan(2000);
  });

  it("extends by locking again, then releases with unlock", async () => {
    const first = await adapter.hold({ code: claimed.key, amount: eur(1000) });
    await sim.sim("clock", { advanceSeconds: 100 });
    const second = await adapter.extend(held(first, claimed.key, 1000), 300);
    expect(second.expiresAt.getTime() - first.expiresAt.getTime()).toBeGreaterThanOrEqual(100_000);
    await adapter.release(held(second, claimed.key, 1000));
    expect((await simVoucher(claimed.id)).voucher_locked).toBe(false);
  });

  it("does not unlock another sale's lock once ours lapsed, and takes a lapsed lock as released", async () => {
    const hold = await adapter.hold({ code: claimed.key, amount: eur(1000), ttlSeconds: 120 });
    await sim.sim("clock", { advanceSeconds: 121 });
    await adapter.release(held(hold, claimed.key, 1000));
    const till2 = await sim.login(demoUsers[1]!.username);
    await sim.api("PUT", "/lock-voucher", { session: till2, form: { voucher_key: claimed.key } });
    await adapter.release(held(hold, claimed.key, 1000));
    expect((await simVoucher(claimed.id)).voucher_locked_by_user_id).toBe(demoUsers[1]!.userId);
    expect((await problem(adapter.extend(held(hold, claimed.key, 1000)))).code).toBe("HOLD_EXPIRED");
  });
});

describe("Spaaza adapter: redeem", () => {
  it("redeems part; the regenerated voucher's balance is the remaining balance", async () => {
    const key = await seed("50.00");
    const hold = await adapter.hold({ code: key, amount: eur(1230) });
    const redemption = await adapter.redeem(held(hold, key, 1230), "ORDER-1");
    expect(redemption).toEqual({ upstreamId: hold.voucherId, amount: eur(1230), remainingBalance: eur(3770) });
    const upstream = await simVoucher(key);
    expect(upstream).toMatchObject({
      voucher_status: "redeemed",
      voucher_amount_redeemed: 12.3,
      remaining_amount: "37.70",
    });
    const rest = await adapter.check({ code: upstream.regenerated_voucher_key });
    expect(rest).toMatchObject({ status: "active", balance: eur(3770) });
  });

  it("redeems all of it with nothing left, and refuses a second redeem", async () => {
    const key = await seed("20.00");
    const hold = await adapter.hold({ code: key, amount: eur(2000) });
    expect((await adapter.redeem(held(hold, key, 2000), "ORDER-2")).remainingBalance).toEqual(eur(0));
    expect((await simVoucher(key)).regenerated_voucher_key).toBeNull();
    expect((await problem(adapter.redeem(held(hold, key, 2000), "ORDER-2"))).code).toBe("ALREADY_REDEEMED");
  });

  it("claims a generated voucher before redeeming it", async () => {
    const hold = await adapter.hold({ code: generated.key, amount: eur(500) });
    await adapter.redeem(held(hold, generated.key, 500), "ORDER-3");
    expect((await sim.sim("stats")).body.requests["POST /claim-voucher"]).toBe(1);
    expect((await simVoucher(generated.key)).remaining_amount).toBe("20.00");
  });

  it("answers HOLD_EXPIRED once Spaaza's lock is over", async () => {
    const hold = await adapter.hold({ code: claimed.key, amount: eur(500), ttlSeconds: 120 });
    await sim.sim("clock", { advanceSeconds: 121 });
    expect((await problem(adapter.redeem(held(hold, claimed.key, 500), "ORDER-4"))).code).toBe("HOLD_EXPIRED");
    expect((await simVoucher(claimed.id)).voucher_status).toBe("claimed");
  });

  it("finds a redemption whose answer was lost, and only one of the held amount", async () => {
    const key = await seed("40.00");
    const hold = await adapter.hold({ code: key, amount: eur(1500) });
    const h = held(hold, key, 1500);
    expect(await adapter.findRedemption(h, "ORDER-LOST")).toBeNull();
    await sim.sim("faults", { drop: { count: 1 }, pathPrefix: "/auth/redeem-voucher" });
    expect(await problem(adapter.redeem(h, "ORDER-LOST"))).toMatchObject({
      code: "PROVIDER_UNAVAILABLE",
      outcomeUnknown: true,
    });
    expect(await adapter.findRedemption(h, "ORDER-LOST")).toEqual({ upstreamId: hold.voucherId, amount: eur(1500) });
    expect(await adapter.findRedemption({ ...h, amount: eur(1400) }, "ORDER-LOST")).toBeNull();
  });

  it("refuses refunds and issuing as NOT_SUPPORTED", async () => {
    expect((await problem(adapter.refund({ upstreamId: "1", amount: eur(1) }, eur(1)))).code).toBe("NOT_SUPPORTED");
    const issue = adapter.issue({ amount: eur(1000), ref: "r" });
    expect((await problem(issue)).code).toBe("NOT_SUPPORTED");
  });
});
