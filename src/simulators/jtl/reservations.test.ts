import { beforeEach, describe, expect, it } from "vitest";
import { useSimHarness } from "./test-client.ts";

const sim = useSimHarness();
let token: string;
beforeEach(async () => {
  token = await sim.token();
});

const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/;
const reserve = (json: Record<string, unknown>) => sim.api("POST", "/v1/reservations", { token, json });
const charge = (id: string, json: unknown = { order_number: "ORDER-1" }) =>
  sim.api("POST", `/v1/reservations/${id}/charge`, { token, json });
const refund = (id: string, amount: string, currency = "EUR") =>
  sim.api("POST", `/v1/charges/${id}/refund`, { token, json: { amount, currency } });
const voucher = (id: string) => sim.api("GET", `/v1/vouchers/${id}`, { token });
/** The codes of a JTL error body (top level and field errors). */
const codes = (body: { code: string; errors?: { code: string }[] }) => [
  body.code,
  ...(body.errors ?? []).map((e) => e.code),
];

const noPin = { currency: "EUR", code: "DEMONOPIN50EUR01" };
const withPin = { currency: "EUR", code: "DEMOPIN100EUR001", pin: "1234" };

describe("POST /v1/reservations", () => {
  it("reserves and answers as documented, valid for 30 minutes", async () => {
    const answer = await reserve({ ...withPin, amount: "10.53" });
    expect(answer.status).toBe(200);
    const r = answer.body;
    expect(Object.keys(r).sort()).toEqual(
      [
        "amount",
        "client_id",
        "created_at",
        "id",
        "updated_at",
        "valid_until",
        "voucher_id",
        "voucher_tax_rate",
        "voucher_taxable",
      ].sort(),
    );
    expect(r).toMatchObject({
      voucher_id: "DV000000000000PN",
      client_id: "demo-pos",
      amount: "10.53",
      voucher_taxable: false,
    });
    expect(r.valid_until).toMatch(RFC3339);
    expect(Date.parse(r.valid_until) - Date.parse(r.created_at)).toBe(30 * 60 * 1000);
  });

  it.each([["10"], ["10.5"], ["10.531"], ["100000.00"], ["-1.00"], ["1e3"], [" 1.00"], [10]])(
    "refuses the amount %j",
    async (amount) => {
      const answer = await reserve({ ...noPin, amount });
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({
        status: 422,
        code: "RESERVATION.CREATE.UNPROCESSABLE_ENTITY",
        message: "The given data was invalid.",
      });
      expect(answer.body.errors[0]).toMatchObject({ property: "amount" });
      expect(answer.body.errors[0].code).toMatch(/^RESERVATION\.CREATE\.AMOUNT\.(REGEX|STRING)$/);
    },
  );

  it("refuses 0.00 and accepts the largest amount, 99999.99", async () => {
    expect(codes((await reserve({ ...noPin, amount: "0.00" })).body)).toContain("RESERVATION.CREATE.AMOUNT.MIN:0.01");
    const big = (await sim.sim("vouchers", { amount: "99999.99" })).body;
    expect((await reserve({ currency: "EUR", code: big.code, amount: "99999.99" })).status).toBe(200);
  });

  it("reports every missing field at once", async () => {
    const answer = await reserve({});
    expect(codes(answer.body)).toEqual([
      "RESERVATION.CREATE.UNPROCESSABLE_ENTITY",
      "RESERVATION.CREATE.AMOUNT.REQUIRED",
      "RESERVATION.CREATE.CURRENCY.REQUIRED",
      "RESERVATION.CREATE.CODE.REQUIRED",
    ]);
  });

  it("matches codes exactly: unknown or lower-case code → 404 VOUCHER.NOT_FOUND", async () => {
    for (const code of ["NOSUCHCODE000000", "demonopin50eur01"]) {
      const answer = await reserve({ ...noPin, code, amount: "1.00" });
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({
        status: 404,
        code: "VOUCHER.NOT_FOUND",
        message: "The requested Voucher was not found.",
      });
    }
  });

  it("checks the PIN: required, must match; ignored for vouchers without one", async () => {
    const { pin: _pin, ...missing } = withPin;
    expect(codes((await reserve({ ...missing, amount: "1.00" })).body)).toContain("RESERVATION.CREATE.PIN.REQUIRED");
    expect(codes((await reserve({ ...withPin, pin: "9999", amount: "1.00" })).body)).toContain(
      "RESERVATION.CREATE.PIN.INVALID",
    );
    expect((await reserve({ ...noPin, pin: "0000", amount: "1.00" })).status).toBe(200);
  });

  it("checks the PIN before revealing the voucher's state", async () => {
    const inactive = (await sim.sim("vouchers", { status: "inactive", pin: "4711" })).body;
    const wrong = await reserve({ currency: "EUR", code: inactive.code, pin: "1111", amount: "1.00" });
    expect(codes(wrong.body)).toContain("RESERVATION.CREATE.PIN.INVALID");
    const right = await reserve({ currency: "EUR", code: inactive.code, pin: "4711", amount: "1.00" });
    expect(codes(right.body)).toContain("RESERVATION.CREATE.VOUCHER.INACTIVE");
  });

  it.each([
    ["inactive", { ...noPin, code: "DEMOINACTIVE0001" }, "RESERVATION.CREATE.VOUCHER.INACTIVE"],
    ["expired", { ...noPin, code: "DEMOEXPIRED00001" }, "RESERVATION.CREATE.VOUCHER.EXPIRED"],
    [
      "another currency",
      { code: "DEMOCHF75PIN0001", pin: "5678", currency: "EUR" },
      "RESERVATION.CREATE.CURRENCY.MATCH",
    ],
    [
      "more than the balance",
      { ...noPin, code: "DEMOLOWBALANCE01", amount: "2.51" },
      "RESERVATION.CREATE.AMOUNT.INSUFFICIENT_BALANCE",
    ],
  ])("refuses a voucher that is %s", async (_name, body, code) => {
    const answer = await reserve({ amount: "1.00", ...body });
    expect(answer.status).toBe(422);
    expect(codes(answer.body)).toContain(code);
  });

  it("reserves exactly the balance that is left, and in the voucher's own currency", async () => {
    expect((await reserve({ ...noPin, code: "DEMOLOWBALANCE01", amount: "2.50" })).status).toBe(200);
    expect((await reserve({ code: "DEMOCHF75PIN0001", pin: "5678", currency: "CHF", amount: "75.00" })).status).toBe(
      200,
    );
  });

  it("expires vouchers by the simulator's clock", async () => {
    const soon = (await sim.sim("vouchers", { valid_until: new Date(Date.now() + 60_000).toISOString() })).body;
    expect((await reserve({ currency: "EUR", code: soon.code, amount: "1.00" })).status).toBe(200);
    await sim.sim("clock", { advanceSeconds: 120 });
    expect(codes((await reserve({ currency: "EUR", code: soon.code, amount: "1.00" })).body)).toContain(
      "RESERVATION.CREATE.VOUCHER.EXPIRED",
    );
  });
});

describe("POST /v1/reservations/{id}/charge", () => {
  it("charges once and lowers remaining_amount", async () => {
    const r = (await reserve({ ...noPin, amount: "20.00" })).body;
    expect((await voucher(r.voucher_id)).body.remaining_amount).toBe("50.00");
    const answer = await charge(r.id, { order_number: "ORDER-7" });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      voucher_id: r.voucher_id,
      client_id: "demo-pos",
      type: "charge",
      amount: "20.00",
      order_number: "ORDER-7",
    });
    expect((await voucher(r.voucher_id)).body.remaining_amount).toBe("30.00");
    const again = await charge(r.id);
    expect(again.status).toBe(422);
    expect(again.body.code).toBe("RESERVATION.CHARGE.ALREADY_CHARGED");
    expect((await voucher(r.voucher_id)).body.remaining_amount).toBe("30.00");
  });

  it("requires order_number", async () => {
    const r = (await reserve({ ...noPin, amount: "1.00" })).body;
    expect(codes((await charge(r.id, {})).body)).toContain("RESERVATION.CHARGE.ORDER_NUMBER.REQUIRED");
  });

  it("answers 404 for an unknown reservation", async () => {
    expect((await charge("nosuchreservation")).body.code).toBe("RESERVATION.NOT_FOUND");
  });

  it("replaces the previous reservation of a voucher", async () => {
    const first = (await reserve({ ...withPin, amount: "10.00" })).body;
    const second = (await reserve({ ...withPin, amount: "15.00" })).body;
    expect(second.id).not.toBe(first.id);
    const old = await charge(first.id);
    expect(old.status).toBe(422);
    expect(old.body.code).toBe("RESERVATION.CHARGE.REPLACED");
    expect((await charge(second.id)).body.amount).toBe("15.00");
  });

  it("keeps reservations of other vouchers", async () => {
    const a = (await reserve({ ...withPin, amount: "10.00" })).body;
    await reserve({ ...noPin, amount: "10.00" });
    expect((await charge(a.id)).status).toBe(200);
  });

  it("refuses an expired reservation (30 minutes on the simulator's clock)", async () => {
    const r = (await reserve({ ...noPin, amount: "5.00" })).body;
    const later = (await reserve({ ...withPin, amount: "5.00" })).body;
    await sim.sim("clock", { advanceSeconds: 29 * 60 });
    expect((await charge(later.id)).status).toBe(200);
    await sim.sim("clock", { advanceSeconds: 61 });
    const answer = await charge(r.id);
    expect(answer.status).toBe(422);
    expect(answer.body.code).toBe("RESERVATION.CHARGE.EXPIRED");
  });
});

describe("POST /v1/charges/{id}/refund", () => {
  async function charged(amount: string) {
    const r = (await reserve({ ...noPin, amount })).body;
    return (await charge(r.id, { order_number: "ORDER-R" })).body;
  }

  it("refunds in parts, never more than is left of the charge", async () => {
    const c = await charged("20.00");
    const first = await refund(c.id, "5.00");
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      type: "refund",
      amount: "5.00",
      voucher_id: c.voucher_id,
      order_number: "ORDER-R",
    });
    expect(first.body.id).not.toBe(c.id);
    const over = await refund(c.id, "15.01");
    expect(over.status).toBe(422);
    expect(codes(over.body)).toContain("CHARGE.REFUND.AMOUNT.MAX_REFUNDABLE");
    expect((await refund(c.id, "15.00")).status).toBe(200);
    expect(codes((await refund(c.id, "0.01")).body)).toContain("CHARGE.REFUND.AMOUNT.MAX_REFUNDABLE");
    expect((await voucher(c.voucher_id)).body.remaining_amount).toBe("50.00");
  });

  it("validates amount and currency, and refunds only charges", async () => {
    const c = await charged("10.00");
    expect(codes((await refund(c.id, "0.00")).body)).toContain("CHARGE.REFUND.AMOUNT.MIN:0.01");
    expect(codes((await refund(c.id, "1.00", "CHF")).body)).toContain("CHARGE.REFUND.CURRENCY.MATCH");
    const r = (await refund(c.id, "1.00")).body;
    expect((await refund(r.id, "0.50")).body.code).toBe("CHARGE.REFUND.NOT_A_CHARGE");
    expect((await refund("nosuchcharge", "1.00")).body.code).toBe("CHARGE.NOT_FOUND");
  });
});
