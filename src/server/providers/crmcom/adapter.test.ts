import { beforeEach, describe, expect, it } from "vitest";
import { useCrmHarness } from "../../../simulators/crmcom/test-client.ts";
import type { ProviderAdapter } from "../port.ts";
import { type CrmOverrides, eur, held, problem, simAccount } from "./adapter.fixture.ts";
import { createCrmcomAdapter } from "./index.ts";

const sim = useCrmHarness();
let adapter: ProviderAdapter;
const account = (overrides: CrmOverrides = {}) => simAccount(sim.url, overrides);
beforeEach(() => {
  adapter = createCrmcomAdapter(account());
});
const stats = async () => (await sim.sim("stats")).body;
const stateOf = async (number: string) => (await sim.sim(`vouchers/${number}`)).body.life_cycle_state;
const V50 = { code: "4000000000000001", pin: "0977835" };

describe("CRM.COM adapter: capabilities", () => {
  it("publishes DESIGN §1's capabilities: holds kept by this service, full redemption only", () => {
    expect(adapter.capabilities).toEqual({
      check: true,
      pin: "required",
      hold: true,
      holdKeptBy: "service",
      holdTtl: { min: 60, max: 1800, default: 600 },
      extend: true,
      release: true,
      redeem: "full",
      refund: "none",
      issue: true,
      issueValidity: false,
      codesAdmin: false,
    });
    expect(createCrmcomAdapter(account({ issue: null })).capabilities.issue).toBe(false);
  });
});

describe("CRM.COM adapter: check with the secret number", () => {
  it("reports value, status and expiry of an activated voucher", async () => {
    const info = await adapter.check(V50);
    expect(info).toMatchObject({ kind: "value", status: "active", balance: eur(5000) });
    expect(Math.abs(info.validUntil!.getTime() - (Date.now() + 365 * 86_400_000))).toBeLessThan(5000);
  });

  it.each([
    ["used", { code: "4000000000000003", pin: "7654321" }, "redeemed", eur(0)],
    ["expired", { code: "4000000000000004", pin: "1111111" }, "expired", eur(3000)],
    ["cancelled", { code: "4000000000000005", pin: "2222222" }, "inactive", undefined],
  ])("reports a %s voucher as %s", async (_name, input, status, balance) => {
    const info = await adapter.check(input);
    expect(info.status).toBe(status);
    expect(info.balance).toEqual(balance);
  });

  it("asks for the secret number before calling CRM.COM", async () => {
    expect((await problem(adapter.check({ code: V50.code }))).code).toBe("PIN_REQUIRED");
    expect(await stats()).toMatchObject({ logins: 0, requests: {} });
  });

  it("gives unknown number and wrong secret number the very same answer, with nothing secret in it", async () => {
    const unknown = await problem(adapter.check({ code: "4999999999999999", pin: "0000000" }));
    const wrong = await problem(adapter.check({ code: V50.code, pin: "0977836" }));
    expect(unknown.code).toBe("VOUCHER_INVALID");
    expect(wrong.toProblem()).toEqual(unknown.toProblem());
    for (const secret of ["0977835", "0977836", V50.code, "demo-pos-password"]) {
      expect(JSON.stringify(wrong.toProblem())).not.toContain(secret);
    }
  });
});

describe("CRM.COM adapter: holds kept by this service", () => {
  it("holds the full value without reserving anything upstream, for the TTL asked", async () => {
    const before = Date.now();
    const hold = await adapter.hold({ ...V50, amount: eur(5000), ttlSeconds: 120 });
    expect(hold).toMatchObject({ reservationId: "", balance: eur(5000) });
    expect(hold.voucherId).toMatch(/^[0-9A-F]{32}$/);
    expect(hold.expiresAt.getTime() - before).toBeGreaterThanOrEqual(120_000);
    expect(hold.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(120_000);
    expect((await adapter.hold({ ...V50, amount: eur(5000) })).expiresAt.getTime() - Date.now()).toBeGreaterThan(
      590_000,
    );
    await adapter.release(held(hold, V50.code, V50.pin, 5000));
    expect(await stateOf(V50.code)).toBe("ACTIVATED");
    expect(Object.keys((await stats()).requests).some((r) => r.includes("use"))).toBe(false);
  });

  it.each([
    ["less than the value", { ...V50, amount: eur(4999) }, "PARTIAL_NOT_SUPPORTED"],
    ["more than the value", { ...V50, amount: eur(5001) }, "INSUFFICIENT_BALANCE"],
    ["another currency", { ...V50, amount: { minor: 5000, currency: "GBP" } }, "CURRENCY_MISMATCH"],
    ["a used voucher", { code: "4000000000000003", pin: "7654321", amount: eur(2000) }, "INSUFFICIENT_BALANCE"],
    ["an expired voucher", { code: "4000000000000004", pin: "1111111", amount: eur(3000) }, "VOUCHER_EXPIRED"],
    ["a cancelled voucher", { code: "4000000000000005", pin: "2222222", amount: eur(1500) }, "VOUCHER_INACTIVE"],
    ["a wrong secret number", { ...V50, pin: "1234567", amount: eur(5000) }, "VOUCHER_INVALID"],
  ])("refuses to hold %s", async (_name, input, code) => {
    expect((await problem(adapter.hold(input))).code).toBe(code);
  });

  it("ends the hold no later than the voucher itself", async () => {
    const end = new Date(Math.floor(Date.now() / 1000) * 1000 + 90_000);
    await sim.sim("vouchers", {
      number: "55",
      secret_number: "5555555",
      value: "10.00",
      expiration_date: end.toISOString(),
    });
    const hold = await adapter.hold({ code: "55", pin: "5555555", amount: eur(1000), ttlSeconds: 600 });
    expect(hold.expiresAt.toISOString()).toBe(end.toISOString());
  });

  it("extends with a new expiry after looking again, and notices a use elsewhere", async () => {
    const clock = { ms: Date.now() };
    const timed = createCrmcomAdapter(account(), { now: () => clock.ms });
    const first = await timed.hold({ ...V50, amount: eur(5000), ttlSeconds: 300 });
    clock.ms += 200_000;
    const extended = await timed.extend(held(first, V50.code, V50.pin, 5000), 300);
    expect(extended.expiresAt.getTime() - first.expiresAt.getTime()).toBe(200_000);
    const token = await sim.token();
    await sim.post("vouchers/use", { token, secret_number: V50.pin });
    expect((await problem(timed.extend(held(first, V50.code, V50.pin, 5000), 300))).code).toBe("INSUFFICIENT_BALANCE");
  });
});
