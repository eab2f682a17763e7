import { beforeEach, describe, expect, it } from "vitest";
import { useSimHarness } from "./test-client.ts";

const sim = useSimHarness();
let token: string;
beforeEach(async () => {
  token = await sim.token();
});

const codes = (body: { code: string; errors?: { code: string }[] }) => [
  body.code,
  ...(body.errors ?? []).map((e) => e.code),
];
const create = (json: unknown) => sim.api("POST", "/v1/vouchers", { token, json });
const setStatus = (id: string, status: string) =>
  sim.api("PATCH", `/v1/vouchers/${id}/status`, { token, json: { status, comment: "test" } });

describe("GET /v1/vouchers/{id} and /complete", () => {
  it("hides code and PIN except on /complete, and shows remaining_amount", async () => {
    const plain = await sim.api("GET", "/v1/vouchers/DV000000000000LB", { token });
    expect(plain.status).toBe(200);
    expect(plain.body).toMatchObject({
      id: "DV000000000000LB",
      amount: "20.00",
      remaining_amount: "2.50",
      currency: "EUR",
      status: "active",
    });
    expect(plain.body).not.toHaveProperty("code");
    expect(plain.body).not.toHaveProperty("pin");
    const complete = await sim.api("GET", "/v1/vouchers/DV000000000000PN/complete", { token });
    expect(complete.body).toMatchObject({ code: "DEMOPIN100EUR001", pin: "1234" });
  });

  it("answers 404 VOUCHER.NOT_FOUND for an unknown id", async () => {
    expect((await sim.api("GET", "/v1/vouchers/NOPE", { token })).body).toMatchObject({
      status: 404,
      code: "VOUCHER.NOT_FOUND",
    });
  });
});

describe("POST /v1/vouchers and PATCH status", () => {
  it("creates inactive with a generated code, computes valid_until on activation", async () => {
    const created = await create({ amount: "25.00", currency: "EUR", validity_value: 2, validity_interval: "months" });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      status: "inactive",
      valid_until: null,
      amount: "25.00",
      remaining_amount: "25.00",
    });
    const { code } = (await sim.api("GET", `/v1/vouchers/${created.body.id}/complete`, { token })).body;
    expect(code).toMatch(/^[A-Z0-9]{16}$/);

    const refused = await sim.api("POST", "/v1/reservations", {
      token,
      json: { amount: "1.00", currency: "EUR", code },
    });
    expect(codes(refused.body)).toContain("RESERVATION.CREATE.VOUCHER.INACTIVE");

    const now = Date.parse((await sim.sim("stats")).body.now);
    const activated = await setStatus(created.body.id, "active");
    expect(activated.body.status).toBe("active");
    const expected = new Date(now);
    expected.setUTCMonth(expected.getUTCMonth() + 2);
    expect(Math.abs(Date.parse(activated.body.valid_until) - expected.getTime())).toBeLessThan(5000);
    expect(
      (await sim.api("POST", "/v1/reservations", { token, json: { amount: "1.00", currency: "EUR", code } })).status,
    ).toBe(200);
  });

  it("keeps a given code and PIN and refuses a taken code", async () => {
    const created = await create({ amount: "5.00", currency: "CHF", code: "MYOWNCODE0000001", pin: "2468" });
    const complete = (await sim.api("GET", `/v1/vouchers/${created.body.id}/complete`, { token })).body;
    expect(complete).toMatchObject({ code: "MYOWNCODE0000001", pin: "2468", currency: "CHF" });
    expect(codes((await create({ amount: "5.00", currency: "CHF", code: "MYOWNCODE0000001" })).body)).toContain(
      "VOUCHER.CREATE.CODE.UNIQUE",
    );
  });

  it.each([
    [{ currency: "EUR" }, "VOUCHER.CREATE.AMOUNT.REQUIRED"],
    [{ amount: "5.00", currency: "XYZ" }, "VOUCHER.CREATE.CURRENCY.VALID_CURRENCY"],
    [{ amount: "5.00", currency: "EUR", batch: "b".repeat(31) }, "VOUCHER.CREATE.BATCH.MAX:30"],
    [{ amount: "5.00", currency: "EUR", code: "c".repeat(256) }, "VOUCHER.CREATE.CODE.MAX:255"],
    [
      { amount: "5.00", currency: "EUR", validity_value: 3 },
      "VOUCHER.CREATE.VALIDITY_INTERVAL.REQUIRED_WITH:VALIDITY_VALUE",
    ],
    [
      { amount: "5.00", currency: "EUR", validity_value: 3, validity_interval: "decades" },
      "VOUCHER.CREATE.VALIDITY_INTERVAL.IN",
    ],
    [
      { amount: "5.00", currency: "EUR", validity_value: 0, validity_interval: "days" },
      "VOUCHER.CREATE.VALIDITY_VALUE.MIN:1",
    ],
    [{ amount: "5.00", currency: "EUR", data: "{not json" }, "VOUCHER.CREATE.DATA.JSON"],
    [{ amount: "5.00", currency: "EUR", id: "DV000000000000PN" }, "VOUCHER.CREATE.CUSTOM_ID.UNIQUE"],
  ])("refuses %j with %s", async (json, code) => {
    const answer = await create(json);
    expect(answer.status).toBe(422);
    expect(answer.body.code).toBe("VOUCHER.CREATE.UNPROCESSABLE_ENTITY");
    expect(codes(answer.body)).toContain(code);
  });

  it("needs scope manage to create", async () => {
    const reader = await sim.token("demo-reader");
    expect(
      (await sim.api("POST", "/v1/vouchers", { token: reader, json: { amount: "1.00", currency: "EUR" } })).status,
    ).toBe(403);
  });

  it("updates sku and batch with scope update only", async () => {
    const reader = await sim.token("demo-reader");
    const patch = (json: unknown, t = token) => sim.api("PATCH", "/v1/vouchers/DV000000000000NP", { token: t, json });
    expect((await patch({ batch: "Winter" }, reader)).status).toBe(403);
    expect(codes((await patch({ batch: "b".repeat(31) })).body)).toContain("VOUCHER.UPDATE.BATCH.MAX:30");
    expect((await patch({ sku: "SKU-1", batch: "Winter" })).body).toMatchObject({ sku: "SKU-1", batch: "Winter" });
  });

  it("validates the status and deactivates", async () => {
    expect(codes((await setStatus("DV000000000000NP", "paused")).body)).toContain("VOUCHER.STATUS.STATUS.IN");
    expect((await setStatus("DV000000000000NP", "inactive")).body.status).toBe("inactive");
    const answer = await sim.api("POST", "/v1/reservations", {
      token,
      json: { amount: "1.00", currency: "EUR", code: "DEMONOPIN50EUR01" },
    });
    expect(codes(answer.body)).toContain("RESERVATION.CREATE.VOUCHER.INACTIVE");
  });
});

describe("GET /v1/vouchers/{id}/charges", () => {
  async function chargeOnce(orderNumber: string, amount: string) {
    const r = await sim.api("POST", "/v1/reservations", {
      token,
      json: { amount, currency: "EUR", code: "DEMONOPIN50EUR01" },
    });
    return (
      await sim.api("POST", `/v1/reservations/${r.body.id}/charge`, { token, json: { order_number: orderNumber } })
    ).body;
  }

  it("filters by order_number and pages with JTL's envelope", async () => {
    await chargeOnce("A-1", "1.00");
    const b = await chargeOnce("B-2", "2.00");
    await chargeOnce("A-1", "3.00");
    await sim.api("POST", `/v1/charges/${b.id}/refund`, { token, json: { amount: "0.50", currency: "EUR" } });

    const all = await sim.api("GET", "/v1/vouchers/DV000000000000NP/charges", { token });
    expect(all.body.data.map((c: { type: string }) => c.type)).toEqual(["charge", "charge", "charge", "refund"]);
    expect(all.body.meta).toMatchObject({ current_page: 1, per_page: 25, from: 1, to: 4, last_page: 1, total: 4 });

    const filtered = await sim.api("GET", "/v1/vouchers/DV000000000000NP/charges?filter%5Border_number%5D=B-2", {
      token,
    });
    expect(filtered.body.data.map((c: { type: string; amount: string }) => `${c.type} ${c.amount}`)).toEqual([
      "charge 2.00",
      "refund 0.50",
    ]);

    const page2 = await sim.api(
      "GET",
      "/v1/vouchers/DV000000000000NP/charges?filter[order_number]=A-1&per_page=1&page=2",
      { token },
    );
    expect(page2.body.data).toHaveLength(1);
    expect(page2.body.data[0].amount).toBe("3.00");
    expect(page2.body.meta).toMatchObject({ current_page: 2, per_page: 1, from: 2, to: 2, last_page: 2, total: 2 });
    expect(page2.body.links.next).toBeNull();
    expect(page2.body.links.prev).toContain("page=1");

    const beyond = await sim.api("GET", "/v1/vouchers/DV000000000000NP/charges?page=9", { token });
    expect(beyond.body.data).toEqual([]);
    expect(beyond.body.meta).toMatchObject({ from: null, to: null });
  });

  it("refuses page or per_page below 1", async () => {
    const answer = await sim.api("GET", "/v1/vouchers/DV000000000000NP/charges?per_page=0", { token });
    expect(answer.status).toBe(422);
    expect(codes(answer.body)).toContain("VOUCHER.CHARGES.PER_PAGE.MIN:1");
  });
});
