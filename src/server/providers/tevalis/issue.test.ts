import { beforeEach, describe, expect, it } from "vitest";
import { useTevalisHarness } from "../../../simulators/tevalis/test-client.ts";
import type { ProviderAdapter } from "../port.ts";
import { gbp, problem, simAccount } from "./adapter.fixture.ts";
import { TevalisClient } from "./client.ts";
import { createTevalisAdapter } from "./index.ts";
import { issueVoucher } from "./issue.ts";

const sim = useTevalisHarness();
let adapter: ProviderAdapter;
beforeEach(() => {
  adapter = createTevalisAdapter(simAccount(sim.url));
});
const read = async (serial: string) => (await sim.sim(`vouchers/${serial}`)).body;
const DAY_MS = 86_400_000;

describe("Tevalis adapter: issue with CreateVoucher", () => {
  it("sells a voucher with a readable serial, the exact value and our reference in the notes", async () => {
    const issued = await adapter.issue({ amount: gbp(1053), note: "Birthday", ref: "iss_abc" });
    expect(issued.code).toMatch(/^[A-HJ-NP-Z2-9]{16}$/);
    expect(issued).toMatchObject({ amount: gbp(1053), status: "active" });
    expect(Math.abs(issued.validUntil!.getTime() - (Date.now() + 365 * DAY_MS))).toBeLessThan(5000);
    const stored = await read(issued.code);
    expect(stored).toMatchObject({ Value: "10.53", siteId: 1, Notes: "Birthday (ref iss_abc)", active: true });
    expect((await adapter.check({ code: issued.code })).balance).toEqual(gbp(1053));
  });

  it("passes a chosen expiry on as a .NET date", async () => {
    const validUntil = new Date("2099-03-04T05:06:07.089Z");
    const issued = await adapter.issue({ amount: gbp(500), validUntil, ref: "iss_date" });
    expect(issued.validUntil?.toISOString()).toBe(validUntil.toISOString());
    expect(Date.parse((await read(issued.code)).ExpiryDate)).toBe(validUntil.getTime());
  });

  it("tries a fresh serial once when Tevalis refuses a duplicate", async () => {
    const client = new TevalisClient(simAccount(sim.url));
    const serials = ["TEVDEMO25GBP0001", "FRESHSERIAL00001"];
    const issued = await issueVoucher(
      client,
      simAccount(sim.url),
      { amount: gbp(100), ref: "iss_dup" },
      () => serials.shift()!,
    );
    expect(issued.code).toBe("FRESHSERIAL00001");
    const twice = () => "TEVDEMO25GBP0001";
    const refused = await problem(
      issueVoucher(client, simAccount(sim.url), { amount: gbp(100), ref: "iss_dup2" }, twice),
    );
    expect(refused).toMatchObject({ code: "PROVIDER_ERROR", message: "Tevalis refused the request (SerialNumber)." });
    expect(refused.message).not.toContain("TEVDEMO25GBP0001");
  });

  it("finds the voucher by its serial when the answer is lost after Tevalis made it", async () => {
    await sim.sim("faults", { drop: { count: 1 }, pathPrefix: "/WebVouchers/CreateVoucher" });
    const issued = await adapter.issue({ amount: gbp(2000), ref: "iss_lost" });
    expect(issued.amount).toEqual(gbp(2000));
    const active = (await sim.api("GET", "/WebVouchers/GetActiveVouchers")).body as { SerialNumber: string }[];
    expect(active.filter((v) => v.SerialNumber === issued.code)).toHaveLength(1);
    expect(active).toHaveLength(4);
  });

  it("reports an unknown outcome when Tevalis fails and nothing was made", async () => {
    await sim.sim("faults", { error: { status: 502, count: 1 }, pathPrefix: "/WebVouchers/CreateVoucher" });
    expect(await problem(adapter.issue({ amount: gbp(2000), ref: "iss_502" }))).toMatchObject({
      code: "PROVIDER_UNAVAILABLE",
      outcomeUnknown: true,
    });
  });

  it("refuses what Tevalis refuses, naming only the fields", async () => {
    const wrongSite = createTevalisAdapter({ ...simAccount(sim.url), siteId: 7 });
    expect(await problem(wrongSite.issue({ amount: gbp(100), ref: "iss_site" }))).toMatchObject({
      code: "PROVIDER_ERROR",
      message: "Tevalis refused the request (SiteID).",
      outcomeUnknown: false,
    });
  });
});
