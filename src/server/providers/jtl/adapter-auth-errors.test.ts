import { beforeEach, describe, expect, it } from "vitest";
import { startSimHarness, useSimHarness } from "../../../simulators/jtl/test-client.ts";
import type { ProviderAdapter } from "../port.ts";
import { type AccountOverrides, eur, problem, simAccount } from "./adapter.fixture.ts";
import { createJtlAdapter } from "./index.ts";

const sim = useSimHarness();
let adapter: ProviderAdapter;
beforeEach(async () => {
  adapter = createJtlAdapter(account());
});

const account = (overrides: AccountOverrides = {}) => simAccount(sim.url, overrides);
const stats = async () => (await sim.sim("stats")).body;

describe("JTL adapter: tokens", () => {
  it("fetches one token for many calls and a new one after JTL revoked it", async () => {
    await adapter.hold({ code: "DEMONOPIN50EUR01", amount: eur(100) });
    await adapter.hold({ code: "DEMOPIN100EUR001", pin: "1234", amount: eur(100) });
    expect((await stats()).tokenRequests).toBe(1);
    await sim.sim("config", { revokeTokens: true });
    const hold = await adapter.hold({ code: "DEMONOPIN50EUR01", amount: eur(100) });
    expect(hold.balance).toEqual(eur(5000));
    expect((await stats()).tokenRequests).toBe(2);
  });

  it("refreshes the token before it expires, by the injected clock", async () => {
    await sim.sim("config", { tokenTtlSeconds: 600 });
    const clock = { ms: Date.now() };
    const timed = createJtlAdapter(account(), { now: () => clock.ms });
    await timed.hold({ code: "DEMONOPIN50EUR01", amount: eur(100) });
    clock.ms += 545_000;
    await sim.sim("clock", { advanceSeconds: 545 });
    await timed.hold({ code: "DEMONOPIN50EUR01", amount: eur(100) });
    expect((await stats()).tokenRequests).toBe(2);
    expect((await stats()).requests["POST /v1/reservations"]).toBe(2);
  });
});

describe("JTL adapter: error mapping", () => {
  it.each([
    ["unknown code", { code: "NOSUCHCODE000000", amount: eur(100) }, "VOUCHER_INVALID"],
    ["wrong PIN", { code: "DEMOPIN100EUR001", pin: "9999", amount: eur(100) }, "VOUCHER_INVALID"],
    ["missing PIN", { code: "DEMOPIN100EUR001", amount: eur(100) }, "VOUCHER_INVALID"],
    ["inactive voucher", { code: "DEMOINACTIVE0001", amount: eur(100) }, "VOUCHER_INACTIVE"],
    ["expired voucher", { code: "DEMOEXPIRED00001", amount: eur(100) }, "VOUCHER_EXPIRED"],
    ["other currency", { code: "DEMOCHF75PIN0001", pin: "5678", amount: eur(100) }, "CURRENCY_MISMATCH"],
    ["too little left", { code: "DEMOLOWBALANCE01", amount: eur(251) }, "INSUFFICIENT_BALANCE"],
    ["amount beyond JTL's pattern", { code: "DEMONOPIN50EUR01", amount: eur(10_000_000) }, "INVALID_REQUEST"],
    [
      "a currency JTL cannot write",
      { code: "DEMONOPIN50EUR01", amount: { minor: 1000, currency: "BHD" } },
      "INVALID_REQUEST",
    ],
  ])("%s → %s, with nothing secret in the message", async (_name, input, code) => {
    const error = await problem(adapter.hold(input));
    expect(error.code).toBe(code);
    expect(error.outcomeUnknown).toBe(false);
    const secrets = [input.code, (input as { pin?: string }).pin, "demo-pos-secret"].filter(Boolean) as string[];
    for (const secret of secrets) {
      expect(error.message).not.toContain(secret);
      expect(JSON.stringify(error.toProblem())).not.toContain(secret);
    }
  });

  it("gives unknown code and wrong PIN the very same answer", async () => {
    const unknown = await problem(adapter.hold({ code: "NOSUCHCODE000000", amount: eur(100) }));
    const wrongPin = await problem(adapter.hold({ code: "DEMOPIN100EUR001", pin: "0000", amount: eur(100) }));
    expect(wrongPin.toProblem()).toEqual(unknown.toProblem());
  });

  it("answers PROVIDER_ERROR for refused credentials and missing scopes", async () => {
    const wrong = createJtlAdapter(account({ clientSecret: "not-the-secret" }));
    const refused = await problem(wrong.hold({ code: "DEMONOPIN50EUR01", amount: eur(100) }));
    expect(refused.code).toBe("PROVIDER_ERROR");
    expect(refused.message).not.toContain("not-the-secret");
    const reader = createJtlAdapter(account({ clientId: "demo-reader", clientSecret: "demo-reader-secret" }));
    const forbidden = await problem(reader.hold({ code: "DEMONOPIN50EUR01", amount: eur(100) }));
    expect(forbidden).toMatchObject({ code: "PROVIDER_ERROR", message: "JTL answered 403 FORBIDDEN." });
  });

  it("answers PROVIDER_UNAVAILABLE when nothing listens", async () => {
    const other = await startSimHarness();
    const url = other.url;
    await other.close();
    const gone = createJtlAdapter(account({ baseUrl: url }));
    expect((await problem(gone.hold({ code: "DEMONOPIN50EUR01", amount: eur(100) }))).code).toBe(
      "PROVIDER_UNAVAILABLE",
    );
  });
});
