import { describe, expect, it } from "vitest";
import { demoHeaders, useTevalisHarness } from "./test-client.ts";

const sim = useTevalisHarness();
const create = (json: unknown, contentType?: string) =>
  sim.api("POST", "/WebVouchers/CreateVoucher", { json, ...(contentType ? { contentType } : {}) });
const DAY_MS = 86_400_000;

describe("Tevalis simulator: CreateVoucher", () => {
  it("makes a GUID serial when none is given, and the voucher is found by it", async () => {
    const answer = await create({ SiteID: 1, VoucherExpires: true, Value: 5.5, Notes: "gift" });
    expect(answer.status).toBe(200);
    expect(answer.body.SerialNumber).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(answer.text).toContain('"Value":5.50');
    const found = await sim.api("GET", `/WebVouchers/GetVoucherBySerial?SerialNo=${answer.body.SerialNumber}`);
    expect(found.body.WebVoucher).toMatchObject({ Value: 5.5, Notes: "gift" });
  });

  it("keeps a custom serial and refuses it a second time with a clear model error", async () => {
    const first = await create({ SiteID: 2, VoucherExpires: true, SerialNumber: "SHOP0001", Value: 10 });
    expect(first.body.SerialNumber).toBe("SHOP0001");
    const again = await create({ SiteID: 1, VoucherExpires: true, SerialNumber: "shop0001", Value: 10 });
    expect(again.status).toBe(400);
    expect(again.body).toEqual({
      Message: "The request is invalid.",
      ModelState: { "command.SerialNumber": ["A voucher with this serial number already exists."] },
    });
  });

  it("uses the system's default expiry, a given date, or the sale date for vouchers that never expire", async () => {
    const now = Date.parse((await sim.sim("stats")).body.now);
    const byDefault = (await create({ SiteID: 1, VoucherExpires: true, Value: 1 })).body;
    expect(Math.abs(Date.parse(byDefault.ExpiryDate) - (now + 365 * DAY_MS))).toBeLessThan(5000);
    const given = (
      await create({ SiteID: 1, VoucherExpires: true, ExpiryDate: "2099-12-31T23:59:59.1234567+00:00", Value: 1 })
    ).body;
    expect(Date.parse(given.ExpiryDate)).toBe(Date.parse("2099-12-31T23:59:59.123Z"));
    const never = (await create({ SiteID: 1, VoucherExpires: false, ExpiryDate: "2099-01-01T00:00:00", Value: 1 }))
      .body;
    expect(never.ExpiryDate.slice(0, 27)).toBe(never.DateSold.slice(0, 27));
  });

  it("reads an expiry without offset as the site's local time", async () => {
    const answer = await create({ SiteID: 1, VoucherExpires: true, ExpiryDate: "2099-07-01T12:00:00", Value: 1 });
    expect(Date.parse(answer.body.ExpiryDate)).toBe(Date.parse("2099-07-01T11:00:00Z"));
  });

  it.each([
    ["nothing", {}, ["command.SiteID", "command.VoucherExpires", "command.Value"]],
    ["a site of another company", { SiteID: 7, VoucherExpires: true, Value: 1 }, ["command.SiteID"]],
    ["a string value", { SiteID: 1, VoucherExpires: true, Value: "5.50" }, ["command.Value"]],
    ["three decimals", { SiteID: 1, VoucherExpires: true, Value: 5.555 }, ["command.Value"]],
    ["a zero value", { SiteID: 1, VoucherExpires: true, Value: 0 }, ["command.Value"]],
    ["a string flag", { SiteID: 1, VoucherExpires: "true", Value: 1 }, ["command.VoucherExpires"]],
    [
      "a date that is no date",
      { SiteID: 1, VoucherExpires: true, ExpiryDate: "31/12/2099", Value: 1 },
      ["command.ExpiryDate"],
    ],
    [
      "an expiry in the past",
      { SiteID: 1, VoucherExpires: true, ExpiryDate: "2001-01-01T00:00:00", Value: 1 },
      ["command.ExpiryDate"],
    ],
    [
      "a serial over 50 characters",
      { SiteID: 1, VoucherExpires: true, SerialNumber: "X".repeat(51), Value: 1 },
      ["command.SerialNumber"],
    ],
  ])("refuses %s with model errors", async (_name, json, fields) => {
    const answer = await create(json);
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.ModelState).sort()).toEqual([...fields].sort());
  });

  it("takes text/json, refuses XML and unreadable JSON", async () => {
    expect((await create({ SiteID: 1, VoucherExpires: true, Value: 2 }, "text/json")).status).toBe(200);
    const xml = await sim.api("POST", "/WebVouchers/CreateVoucher", {
      body: "<CreateVoucherCommand/>",
      contentType: "application/xml",
    });
    expect(xml.status).toBe(415);
    const broken = await sim.api("POST", "/WebVouchers/CreateVoucher", { body: "{nope" });
    expect([broken.status, broken.body.Message]).toEqual([400, "The request is invalid."]);
  });
});

describe("Tevalis simulator: faults", () => {
  it("answers an error status, then 429 with Retry-After, without doing the work", async () => {
    await sim.sim("faults", { error: { status: 503, count: 1 }, pathPrefix: "/webvouchers/createvoucher" });
    const failed = await create({ SiteID: 1, VoucherExpires: true, SerialNumber: "FAULT1", Value: 1 });
    expect(failed.status).toBe(503);
    await sim.sim("faults", { rateLimit: { count: 1, retryAfterSeconds: 9 } });
    const limited = await create({ SiteID: 1, VoucherExpires: true, SerialNumber: "FAULT1", Value: 1 });
    expect([limited.status, limited.headers.get("retry-after")]).toEqual([429, "9"]);
    expect((await sim.sim("vouchers/FAULT1")).status).toBe(404);
    expect((await create({ SiteID: 1, VoucherExpires: true, SerialNumber: "FAULT1", Value: 1 })).status).toBe(200);
  });

  it("commits, then drops the response", async () => {
    await sim.sim("faults", { drop: { count: 1 }, pathPrefix: "/WebVouchers/CreateVoucher" });
    await expect(create({ SiteID: 1, VoucherExpires: true, SerialNumber: "LOST1", Value: 3 })).rejects.toThrow();
    expect((await sim.sim("vouchers/LOST1")).body).toMatchObject({ Value: "3.00", active: true });
  });

  it("resets the connection before any work, or commits after a client that gave up", async () => {
    await sim.sim("faults", { reset: { count: 1, pathPrefix: "/webvouchers/createvoucher" } });
    await expect(create({ SiteID: 1, VoucherExpires: true, SerialNumber: "RESET1", Value: 1 })).rejects.toThrow();
    expect((await sim.sim("vouchers/RESET1")).status).toBe(404);
    await sim.sim("faults", { slow: { ms: 300, pathPrefix: "/WebVouchers/CreateVoucher" } });
    const init = {
      method: "POST",
      headers: { ...demoHeaders(), "content-type": "application/json" },
      body: JSON.stringify({ SiteID: 1, VoucherExpires: true, SerialNumber: "SLOW1", Value: 1 }),
      signal: AbortSignal.timeout(100),
    };
    await expect(fetch(`${sim.url}/WebVouchers/CreateVoucher`, init)).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await sim.sim("vouchers/SLOW1")).body.active).toBe(true);
  });

  it("adds latency and counts requests per route", async () => {
    await sim.sim("faults", { latencyMs: 200 });
    const started = performance.now();
    await sim.api("GET", "/WebVouchers/GetActiveVouchers");
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    expect((await sim.sim("stats")).body.requests["GET /WebVouchers/GetActiveVouchers"]).toBe(1);
  });
});
