import { beforeEach, describe, expect, it } from "vitest";
import { normalizeCode } from "../../../shared/index.ts";
import { startTevalisHarness, useTevalisHarness } from "../../../simulators/tevalis/test-client.ts";
import type { ProviderAdapter } from "../port.ts";
import { gbp, problem, simAccount, type TevalisOverrides } from "./adapter.fixture.ts";
import { createTevalisAdapter } from "./index.ts";

const sim = useTevalisHarness();
let adapter: ProviderAdapter;
const account = (overrides: TevalisOverrides = {}) => simAccount(sim.url, overrides);
beforeEach(() => {
  adapter = createTevalisAdapter(account());
});
const seed = async (body: Record<string, unknown>) => (await sim.sim("vouchers", body)).body;
const DAY_MS = 86_400_000;

describe("Tevalis adapter: capabilities", () => {
  it("publishes DESIGN §1's capabilities and refuses every undocumented step", async () => {
    expect(adapter.capabilities).toMatchObject({ check: true, pin: "none", hold: false, redeem: "none", issue: true });
    const held = { holdId: "h", code: "TEVDEMO25GBP0001", reservationId: "", amount: gbp(100), expiresAt: new Date() };
    const steps = [
      adapter.hold({ code: "TEVDEMO25GBP0001", amount: gbp(100) }),
      adapter.extend(held),
      adapter.release(held),
      adapter.redeem(held, "ORDER-1"),
      adapter.findRedemption(held, "ORDER-1"),
      adapter.refund({ upstreamId: "x", amount: gbp(100) }, gbp(100)),
    ];
    for (const step of steps) expect((await problem(step)).code).toBe("NOT_SUPPORTED");
    expect((await sim.sim("stats")).body.requests).toEqual({});
  });
});

describe("Tevalis adapter: check by serial", () => {
  it("reports the value as balance in the site's currency, with the expiry", async () => {
    const info = await adapter.check({ code: "TEVDEMO25GBP0001" });
    expect(info).toMatchObject({ kind: "value", status: "active", balance: gbp(2500) });
    expect(Math.abs(info.validUntil!.getTime() - (Date.now() + 365 * DAY_MS))).toBeLessThan(5000);
  });

  it("reports no expiry for a voucher that never expires", async () => {
    expect((await adapter.check({ code: "TEVDEMO50GBP0002" })).validUntil).toBeNull();
  });

  it("reads dates without an offset in the site's time zone", async () => {
    await seed({ serial: "SUMMER2099", value: "7.00", expiryDate: "2099-07-01T12:00:00+01:00" });
    await sim.sim("config", { dateStyle: "local" });
    const london = await adapter.check({ code: "SUMMER2099" });
    expect(london.validUntil?.toISOString()).toBe("2099-07-01T11:00:00.000Z");
    // An account left on UTC reads the same text an hour later: why the zone is configurable.
    const utc = await createTevalisAdapter(account({ timeZone: "UTC" })).check({ code: "SUMMER2099" });
    expect(utc.validUntil?.toISOString()).toBe("2099-07-01T12:00:00.000Z");
  });

  it("finds a GUID serial typed without dashes and in upper case", async () => {
    const v = await seed({ value: "12.00" });
    expect(v.SerialNumber).toMatch(/^[0-9a-f-]{36}$/);
    expect((await adapter.check({ code: normalizeCode(v.SerialNumber) })).balance).toEqual(gbp(1200));
  });

  it.each([
    ["unknown", "NOSUCHSERIAL0000"],
    ["spent", "TEVDEMOSPENT0004"],
    ["expired", "TEVDEMOEXPIRED05"],
    ["another company's", "TEVOTHERCOMPANY6"],
  ])("answers VOUCHER_INVALID for a serial that is %s", async (_name, code) => {
    const error = await problem(adapter.check({ code }));
    expect(error.toProblem()).toEqual((await problem(adapter.check({ code: "NOSUCHSERIAL0000" }))).toProblem());
    expect(error.code).toBe("VOUCHER_INVALID");
    expect(error.message).not.toContain(code);
  });
});

describe("Tevalis adapter: errors", () => {
  it("answers PROVIDER_ERROR for refused credentials, without the GUID", async () => {
    const wrong = "6f1c2a4e-0d3b-4c5a-9e8d-999999999999";
    const error = await problem(createTevalisAdapter(account({ guid: wrong })).check({ code: "TEVDEMO25GBP0001" }));
    expect(error).toMatchObject({ code: "PROVIDER_ERROR", message: "Tevalis refused the configured credentials." });
    expect(JSON.stringify(error.toProblem())).not.toContain(wrong);
    const withGuid2 = createTevalisAdapter(account({ guid2: "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d" }));
    expect((await withGuid2.check({ code: "TEVDEMO25GBP0001" })).status).toBe("active");
  });

  it("maps 5xx, 429 and silence", async () => {
    await sim.sim("faults", { error: { status: 503, count: 1 } });
    expect((await problem(adapter.check({ code: "TEVDEMO25GBP0001" }))).code).toBe("PROVIDER_UNAVAILABLE");
    await sim.sim("faults", { rateLimit: { count: 1, retryAfterSeconds: 4 } });
    expect(await problem(adapter.check({ code: "TEVDEMO25GBP0001" }))).toMatchObject({
      code: "RATE_LIMITED",
      retryAfterSeconds: 4,
    });
    const other = await startTevalisHarness();
    await other.close();
    const gone = createTevalisAdapter(account({ baseUrl: other.url }));
    expect((await problem(gone.check({ code: "TEVDEMO25GBP0001" }))).code).toBe("PROVIDER_UNAVAILABLE");
  });
});
