import { describe, expect, it } from "vitest";
import { useCrmHarness } from "../../../simulators/crmcom/test-client.ts";
import { eur, problem, simAccount } from "./adapter.fixture.ts";
import { createCrmcomAdapter } from "./index.ts";

const sim = useCrmHarness();
const DAY_MS = 86_400_000;

describe("CRM.COM adapter: issue with purchase_evoucher", () => {
  it("sells a variable-value voucher and hands out its number and secret number", async () => {
    const adapter = createCrmcomAdapter(simAccount(sim.url));
    const issued = await adapter.issue({ amount: eur(1234), note: "Birthday", ref: "iss_1" });
    expect(issued).toMatchObject({ amount: eur(1234), status: "active" });
    expect(issued.pin).toMatch(/^\d{7}$/);
    expect(Math.abs(issued.validUntil!.getTime() - (Date.now() + 365 * DAY_MS))).toBeLessThan(5000);
    const stored = (await sim.sim(`vouchers/${issued.code}`)).body;
    expect(stored).toMatchObject({ value: 12.34, description: "Birthday", secret_number: issued.pin });
    expect((await adapter.check({ code: issued.code, pin: issued.pin })).balance).toEqual(eur(1234));
  });

  it("pays from a wallet when configured so", async () => {
    const issue = {
      voucherType: { alternative_code: "GIFTVAR" },
      purchasedBy: { number: "ACR0000000002" },
      useFundsFrom: "WALLET" as const,
    };
    const adapter = createCrmcomAdapter(simAccount(sim.url, { issue }));
    await adapter.issue({ amount: eur(2500), ref: "iss_w" });
    expect((await sim.sim("stats")).body.wallets).toEqual({ "8A1F00000000000000000000000000C2": 7500 });
    expect(await problem(adapter.issue({ amount: eur(9000), ref: "iss_w2" }))).toMatchObject({
      code: "PROVIDER_ERROR",
      message: "CRM.COM refused the purchase: INSUFFICIENT_FUNDS.",
    });
  });

  it("names CRM.COM's refusal of a configuration that cannot work", async () => {
    const fixed = { voucherType: { alternative_code: "GIFT25" }, purchasedBy: { number: "ACR0000000001" } };
    expect(
      await problem(createCrmcomAdapter(simAccount(sim.url, { issue: fixed })).issue({ amount: eur(2500), ref: "r" })),
    ).toMatchObject({
      code: "PROVIDER_ERROR",
      message: "CRM.COM refused the purchase: INVALID_PARAMETER.",
      outcomeUnknown: false,
    });
  });

  it("sends our reference as the unique back office code", async () => {
    const adapter = createCrmcomAdapter(simAccount(sim.url));
    await adapter.issue({ amount: eur(100), ref: "iss_same" });
    expect((await problem(adapter.issue({ amount: eur(100), ref: "iss_same" }))).message).toBe(
      "CRM.COM refused the purchase: DUPLICATE_BACK_OFFICE_CODE.",
    );
  });

  it("reports an unknown outcome when the secret number cannot be read after the purchase", async () => {
    const adapter = createCrmcomAdapter(simAccount(sim.url));
    await sim.sim("faults", {
      error: { status: 503, count: 1 },
      pathPrefix: "/crmapi/rest/v2/vouchers/retrieve_secret_number",
    });
    expect(await problem(adapter.issue({ amount: eur(100), ref: "iss_half" }))).toMatchObject({
      code: "PROVIDER_UNAVAILABLE",
      outcomeUnknown: true,
    });
  });

  it("answers NOT_SUPPORTED where no voucher type is configured for selling", async () => {
    const adapter = createCrmcomAdapter(simAccount(sim.url, { issue: null }));
    expect((await problem(adapter.issue({ amount: eur(100), ref: "r" }))).code).toBe("NOT_SUPPORTED");
  });
});
