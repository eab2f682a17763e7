import { describe, expect, it } from "vitest";
import { demoHeaders, useTevalisHarness } from "./test-client.ts";

const sim = useTevalisHarness();
const bySerial = (serial: string) =>
  sim.api("GET", `/WebVouchers/GetVoucherBySerial?SerialNo=${encodeURIComponent(serial)}`);
const NET_LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}$/;
const NET_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}[+-]\d{2}:\d{2}$/;

describe("Tevalis simulator: credentials in headers", () => {
  it.each([
    ["no headers", {}],
    ["wrong GUID", { ...demoHeaders(), GUID: "6f1c2a4e-0d3b-4c5a-9e8d-000000000000" }],
    ["unknown company", { ...demoHeaders(), CompanyID: "9999" }],
    ["another company's GUID", { ...demoHeaders(), GUID: "00000000-2002-4000-8000-000000000002" }],
    ["unknown developer", { ...demoHeaders(), DeveloperID: "someone" }],
    ["wrong GUID2", { ...demoHeaders(), GUID2: "a1b2c3d4-0000-4a7b-8c9d-0e1f2a3b4c5d" }],
  ])("%s → 401 with Web API's message", async (_name, headers) => {
    const answer = await sim.api("GET", "/WebVouchers/GetActiveVouchers", { headers });
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ Message: "Authorization has been denied for this request." });
  });

  it("accepts the right GUID2 and GUIDs in any case", async () => {
    const headers = {
      ...demoHeaders(),
      GUID: demoHeaders().GUID!.toUpperCase(),
      GUID2: "A1B2C3D4-E5F6-4A7B-8C9D-0E1F2A3B4C5D",
    };
    expect((await sim.api("GET", "/WebVouchers/GetActiveVouchers", { headers })).status).toBe(200);
  });
});

describe("Tevalis simulator: reads", () => {
  it("finds an active voucher by serial, written as .NET writes it", async () => {
    const answer = await bySerial("TEVDEMO25GBP0001");
    expect(answer.status).toBe(200);
    expect(answer.body.Error).toBeNull();
    expect(answer.body.WebVoucher).toMatchObject({ SerialNumber: "TEVDEMO25GBP0001", Value: 25, Notes: null });
    expect(Object.keys(answer.body.WebVoucher)).toEqual([
      "WebVoucherId",
      "SerialNumber",
      "DateSold",
      "ExpiryDate",
      "Value",
      "Notes",
    ]);
    expect(answer.text).toContain('"Value":25.00');
    // By default the sale date has no offset (site-local) and the expiry has one.
    expect(answer.body.WebVoucher.DateSold).toMatch(NET_LOCAL);
    expect(answer.body.WebVoucher.ExpiryDate).toMatch(NET_OFFSET);
  });

  it("matches paths, query keys and serials without regard to case", async () => {
    const answer = await sim.api("GET", "/webvouchers/getvoucherbyserial?serialno=tevdemo25gbp0001");
    expect(answer.body.WebVoucher.SerialNumber).toBe("TEVDEMO25GBP0001");
  });

  it.each([
    ["unknown", "NOSUCHSERIAL0000"],
    ["spent at the till", "TEVDEMOSPENT0004"],
    ["expired", "TEVDEMOEXPIRED05"],
    ["another company's", "TEVOTHERCOMPANY6"],
    ["empty", ""],
  ])("gives the same Error string for a serial that is %s", async (_name, serial) => {
    const answer = await bySerial(serial);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ Error: "No active voucher was found with this serial number.", WebVoucher: null });
  });

  it("answers 404 without SerialNo, as Web API routing does", async () => {
    const answer = await sim.api("GET", "/WebVouchers/GetVoucherBySerial");
    expect(answer.status).toBe(404);
    expect(answer.body.Message).toMatch(/^No HTTP resource was found/);
  });

  it("reads by id (active only) and refuses an id that is not an integer", async () => {
    const { WebVoucherId } = (await bySerial("TEVDEMO50GBP0002")).body.WebVoucher;
    expect((await sim.api("GET", `/WebVouchers/GetVoucherByID?VoucherID=${WebVoucherId}`)).body.SerialNumber).toBe(
      "TEVDEMO50GBP0002",
    );
    const spent = (await sim.sim("vouchers/TEVDEMOSPENT0004")).body;
    expect(spent.active).toBe(false);
    const inactive = await sim.api("GET", `/WebVouchers/GetVoucherByID?VoucherID=${spent.WebVoucherId}`);
    expect([inactive.status, inactive.text]).toEqual([200, "null"]);
    expect((await sim.api("GET", "/WebVouchers/GetVoucherByID?VoucherID=abc")).status).toBe(400);
  });

  it("lists the company's active vouchers only", async () => {
    const list = (await sim.api("GET", "/WebVouchers/GetActiveVouchers")).body as { SerialNumber: string }[];
    expect(list.map((v) => v.SerialNumber).sort()).toEqual([
      "TEVDEMO1075GBP03",
      "TEVDEMO25GBP0001",
      "TEVDEMO50GBP0002",
    ]);
  });

  it("writes a non-expiring voucher's expiry as its sale date", async () => {
    const v = (await bySerial("TEVDEMO50GBP0002")).body.WebVoucher;
    expect(v.ExpiryDate.slice(0, 27)).toBe(v.DateSold.slice(0, 27));
  });

  it("lets a voucher lapse when the clock passes its expiry", async () => {
    await sim.sim("clock", { advanceSeconds: 91 * 86_400 });
    expect((await bySerial("TEVDEMO1075GBP03")).body.WebVoucher).toBeNull();
    expect((await bySerial("TEVDEMO50GBP0002")).body.WebVoucher).not.toBeNull();
  });

  it("writes dates in the configured style and site time zone", async () => {
    await sim.sim("config", { dateStyle: "local", siteTimeZone: "Asia/Kolkata" });
    const local = (await bySerial("TEVDEMO25GBP0001")).body.WebVoucher;
    expect([local.DateSold, local.ExpiryDate].every((d: string) => NET_LOCAL.test(d))).toBe(true);
    await sim.sim("config", { dateStyle: "offset" });
    const withOffset = (await bySerial("TEVDEMO25GBP0001")).body.WebVoucher;
    expect(withOffset.DateSold).toMatch(/\+05:30$/);
    expect(Date.parse(withOffset.DateSold)).toBe(Date.parse(`${local.DateSold.slice(0, 23)}+05:30`));
  });
});
