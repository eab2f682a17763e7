import { beforeEach, describe, expect, it } from "vitest";
import { useCrmHarness } from "../../../simulators/crmcom/test-client.ts";
import type { ProviderAdapter } from "../port.ts";
import { eur, held, problem, simAccount } from "./adapter.fixture.ts";
import { createCrmcomAdapter } from "./index.ts";

const sim = useCrmHarness();
let adapter: ProviderAdapter;
beforeEach(() => {
  adapter = createCrmcomAdapter(simAccount(sim.url));
});
const V50 = { code: "4000000000000001", pin: "0977835" };
const holdV50 = async () => held(await adapter.hold({ ...V50, amount: eur(5000) }), V50.code, V50.pin, 5000);
const voucher = async (number: string) => (await sim.sim(`vouchers/${number}`)).body;

describe("CRM.COM adapter: redeem with vouchers/use", () => {
  it("uses the full value; the payment CRM.COM made is the redemption's id", async () => {
    const redemption = await adapter.redeem(await holdV50(), "ORDER-1");
    const stored = await voucher(V50.code);
    expect(stored.life_cycle_state).toBe("USED");
    expect(redemption).toEqual({ upstreamId: stored.payment.id, amount: eur(5000), remainingBalance: eur(0) });
  });

  it("answers ALREADY_REDEEMED for a voucher used already", async () => {
    const h = await holdV50();
    await adapter.redeem(h, "ORDER-2");
    expect((await problem(adapter.redeem(h, "ORDER-2"))).code).toBe("ALREADY_REDEEMED");
  });

  it("answers VOUCHER_EXPIRED when the voucher ended during the hold", async () => {
    const end = new Date(Date.now() + 120_000).toISOString();
    await sim.sim("vouchers", { number: "56", secret_number: "5656565", value: "10.00", expiration_date: end });
    const h = held(await adapter.hold({ code: "56", pin: "5656565", amount: eur(1000) }), "56", "5656565", 1000);
    await sim.sim("clock", { advanceSeconds: 200 });
    expect((await problem(adapter.redeem(h, "ORDER-3"))).code).toBe("VOUCHER_EXPIRED");
  });

  it("allocates the payment to the configured accounts receivable", async () => {
    const withAr = createCrmcomAdapter(simAccount(sim.url, { redeemAccountsReceivable: { number: "ACR0000000009" } }));
    const h = held(await withAr.hold({ ...V50, amount: eur(5000) }), V50.code, V50.pin, 5000);
    expect(await problem(withAr.redeem(h, "ORDER-4"))).toMatchObject({
      code: "PROVIDER_ERROR",
      message: "CRM.COM answered NOT_FOUND.",
      outcomeUnknown: false,
    });
    const right = createCrmcomAdapter(simAccount(sim.url, { redeemAccountsReceivable: { number: "ACR0000000001" } }));
    expect((await right.redeem(h, "ORDER-4")).amount).toEqual(eur(5000));
  });
});

describe("CRM.COM adapter: unknown outcomes", () => {
  it("finds the use after CRM.COM committed it but the answer was lost", async () => {
    const h = await holdV50();
    expect(await adapter.findRedemption(h, "ORDER-LOST")).toBeNull();
    await sim.sim("faults", { drop: { count: 1 }, pathPrefix: "/crmapi/rest/v2/vouchers/use" });
    expect(await problem(adapter.redeem(h, "ORDER-LOST"))).toMatchObject({
      code: "PROVIDER_UNAVAILABLE",
      outcomeUnknown: true,
    });
    const found = await adapter.findRedemption(h, "ORDER-LOST");
    expect(found).toEqual({
      upstreamId: (await voucher(V50.code)).payment.id,
      amount: eur(5000),
      remainingBalance: eur(0),
    });
  });

  it("marks 5xx and timeouts as unknown outcomes only where money may have moved", async () => {
    const h = await holdV50();
    await sim.sim("faults", { error: { status: 502, count: 1 }, pathPrefix: "/crmapi/rest/v2/vouchers/use" });
    expect(await problem(adapter.redeem(h, "ORDER-5"))).toMatchObject({
      code: "PROVIDER_UNAVAILABLE",
      outcomeUnknown: true,
    });
    await sim.sim("faults", { error: { status: 500, count: 1 }, pathPrefix: "/crmapi/rest/v2/vouchers/show" });
    expect(await problem(adapter.findRedemption(h, "ORDER-5"))).toMatchObject({
      code: "PROVIDER_UNAVAILABLE",
      outcomeUnknown: false,
    });
    const slow = createCrmcomAdapter(simAccount(sim.url, { timeoutMs: 150 }));
    await sim.sim("faults", { latencyMs: 600, pathPrefix: "/crmapi/rest/v2/vouchers/use" });
    expect(await problem(slow.redeem(h, "ORDER-6"))).toMatchObject({
      code: "PROVIDER_UNAVAILABLE",
      outcomeUnknown: true,
    });
  });

  it("passes a 429 on as RATE_LIMITED with Retry-After", async () => {
    await sim.sim("faults", { rateLimit: { count: 1, retryAfterSeconds: 6 }, pathPrefix: "/crmapi/rest/v2/vouchers/" });
    expect(await problem(adapter.check(V50))).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: 6 });
  });

  it("refuses refunds: CRM.COM documents none", async () => {
    expect((await problem(adapter.refund({ upstreamId: "x", amount: eur(1) }, eur(1)))).code).toBe("NOT_SUPPORTED");
  });
});
