import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CapabilitiesResponse, HoldResponse, Problem, RedemptionResponse } from "../../shared/index.ts";
import { startTestBff, type TestBff } from "../testing/test-bff.ts";

let bff: TestBff;
let token: string;

beforeAll(async () => {
  bff = await startTestBff();
  token = await bff.token();
});
afterAll(() => bff?.close());

async function seed(amount: string, pin?: string): Promise<{ id: string; code: string; pin?: string }> {
  const response = await fetch(`${bff.simUrl}/__sim/vouchers`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ amount, currency: "EUR", status: "active", ...(pin ? { pin } : {}) }),
  });
  expect(response.ok).toBe(true);
  return response.json();
}

async function remaining(id: string): Promise<string> {
  const response = await fetch(`${bff.simUrl}/__sim/vouchers/${id}`);
  return ((await response.json()) as { remaining_amount: string }).remaining_amount;
}

let keyCounter = 0;
function call(method: "GET" | "POST" | "DELETE", url: string, payload?: unknown, extra: Record<string, string> = {}) {
  return bff.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}`, ...extra },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}
const idem = () => ({ "idempotency-key": `k-${Date.now()}-${keyCounter++}` });
const eur = (amount: string) => ({ amount, currency: "EUR" });

function expectProblem(
  response: { statusCode: number; headers: Record<string, unknown>; json(): unknown },
  code: string,
) {
  expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
  const problem = Problem.parse(response.json());
  expect(problem.code).toBe(code);
  expect(problem.status).toBe(response.statusCode);
  return problem;
}

describe("sessions", () => {
  it("needs a valid merchant API key", async () => {
    const none = await bff.app.inject({
      method: "POST",
      url: "/api/v1/sessions",
      payload: { account: "jtl", terminalId: "t" },
    });
    expectProblem(none, "UNAUTHORIZED");
    const wrong = await bff.app.inject({
      method: "POST",
      url: "/api/v1/sessions",
      headers: { authorization: "Bearer not-the-key-at-all-000000000" },
      payload: { account: "jtl", terminalId: "t" },
    });
    expectProblem(wrong, "UNAUTHORIZED");
  });

  it("validates the body and the account", async () => {
    const headers = { authorization: "Bearer test-merchant-key-000000000000000" };
    const bad = await bff.app.inject({
      method: "POST",
      url: "/api/v1/sessions",
      headers,
      payload: { account: "jtl", terminalId: "no spaces!" },
    });
    expect(expectProblem(bad, "INVALID_REQUEST").errors?.[0]?.path).toBe("terminalId");
    const other = await bff.app.inject({
      method: "POST",
      url: "/api/v1/sessions",
      headers,
      payload: { account: "other", terminalId: "t" },
    });
    expectProblem(other, "FORBIDDEN");
  });

  it("has no demo route outside demo mode", async () => {
    const response = await bff.app.inject({ method: "POST", url: "/demo/session", payload: { account: "jtl" } });
    expectProblem(response, "NOT_FOUND");
  });
});

describe("v1 routes", () => {
  it("refuse requests without a session token, as problem+json", async () => {
    for (const [method, url] of [
      ["GET", "/api/v1/capabilities"],
      ["POST", "/api/v1/holds"],
      ["GET", "/api/v1/holds/abc"],
      ["POST", "/api/v1/holds/abc/redeem"],
      ["DELETE", "/api/v1/holds/abc"],
    ] as const) {
      const response = await bff.app.inject({ method, url, payload: method === "POST" ? {} : undefined });
      expectProblem(response, "UNAUTHORIZED");
    }
  });

  it("publish the account's capabilities", async () => {
    const response = await call("GET", "/api/v1/capabilities");
    const body = CapabilitiesResponse.parse(response.json());
    expect(body).toMatchObject({
      account: "jtl",
      provider: "jtl",
      currency: "EUR",
      voucherKind: "value",
      terminalId: "till-1",
    });
    expect(body.capabilities).toMatchObject({
      check: false,
      pin: "optional",
      hold: true,
      extend: true,
      redeem: "partial",
    });
  });

  it("answer NOT_SUPPORTED for a JTL check before a hold", async () => {
    const response = await call("POST", "/api/v1/vouchers/check", { code: "ANYTHING" });
    expectProblem(response, "NOT_SUPPORTED");
  });

  it("refuse an origin the account does not allow", async () => {
    const response = await call("GET", "/api/v1/capabilities", undefined, { origin: "https://evil.example" });
    expectProblem(response, "FORBIDDEN");
    const allowed = await call("GET", "/api/v1/capabilities", undefined, { origin: "https://shop.example" });
    expect(allowed.statusCode).toBe(200);
  });

  it("hold, then redeem: the provider's balance is lower afterwards", async () => {
    const voucher = await seed("80.00", "4321");
    const held = await call(
      "POST",
      "/api/v1/holds",
      { code: voucher.code.toLowerCase(), pin: "4321", amount: eur("30.00") },
      idem(),
    );
    expect(held.statusCode).toBe(201);
    const { hold } = HoldResponse.parse(held.json());
    expect(hold).toMatchObject({ state: "active", amount: eur("30.00"), keptBy: "provider" });
    expect(hold.voucher.maskedCode).not.toContain(voucher.code.slice(0, 8));
    expect(hold.voucher.maskedCode.endsWith(voucher.code.slice(-4))).toBe(true);
    expect(Date.parse(hold.expiresAt) - Date.parse(hold.serverTime)).toBeGreaterThan(29 * 60_000);
    expect(held.body).not.toContain("4321");

    const redeemed = await call("POST", `/api/v1/holds/${hold.id}/redeem`, { orderRef: "order-1" }, idem());
    expect(redeemed.statusCode).toBe(200);
    const { redemption } = RedemptionResponse.parse(redeemed.json());
    expect(redemption).toMatchObject({
      holdId: hold.id,
      amount: eur("30.00"),
      remainingBalance: eur("50.00"),
      orderRef: "order-1",
    });
    expect(await remaining(voucher.id)).toBe("50.00");

    const again = await call("POST", `/api/v1/holds/${hold.id}/redeem`, { orderRef: "order-1" }, idem());
    expectProblem(again, "ALREADY_REDEEMED");
    expect(await remaining(voucher.id)).toBe("50.00");
    const read = await call("GET", `/api/v1/holds/${hold.id}`);
    expect(HoldResponse.parse(read.json()).hold.state).toBe("redeemed");
  });

  it("replay the first answer for the same idempotency key, and refuse it for another body", async () => {
    const voucher = await seed("20.00");
    const key = idem();
    const first = await call("POST", "/api/v1/holds", { code: voucher.code, amount: eur("5.00") }, key);
    const second = await call("POST", "/api/v1/holds", { code: voucher.code, amount: eur("5.00") }, key);
    expect(second.statusCode).toBe(first.statusCode);
    expect(second.json()).toEqual(first.json());
    expect(second.headers["idempotency-replayed"]).toBe("true");
    const conflict = await call("POST", "/api/v1/holds", { code: voucher.code, amount: eur("6.00") }, key);
    expectProblem(conflict, "IDEMPOTENCY_CONFLICT");
  });

  it("keep one hold per voucher: a second terminal gets VOUCHER_HELD until it is released", async () => {
    const voucher = await seed("40.00");
    const first = await call("POST", "/api/v1/holds", { code: voucher.code, amount: eur("10.00") }, idem());
    expect(first.statusCode).toBe(201);
    const otherToken = await bff.token("till-2");
    const second = await bff.app.inject({
      method: "POST",
      url: "/api/v1/holds",
      headers: { authorization: `Bearer ${otherToken}`, ...idem() },
      payload: { code: voucher.code, amount: eur("10.00") },
    });
    expectProblem(second, "VOUCHER_HELD");
    const id = HoldResponse.parse(first.json()).hold.id;
    const released = await call("DELETE", `/api/v1/holds/${id}`);
    expect(HoldResponse.parse(released.json()).hold.state).toBe("released");
    const third = await call("POST", "/api/v1/holds", { code: voucher.code, amount: eur("10.00") }, idem());
    expect(third.statusCode).toBe(201);
  });

  it("extend a hold with a new provider reservation", async () => {
    const voucher = await seed("15.00", "1111");
    const held = HoldResponse.parse(
      (await call("POST", "/api/v1/holds", { code: voucher.code, pin: "1111", amount: eur("15.00") }, idem())).json(),
    ).hold;
    const extended = await call("POST", `/api/v1/holds/${held.id}/extend`, {});
    expect(extended.statusCode).toBe(200);
    const after = HoldResponse.parse(extended.json()).hold;
    expect(after.id).toBe(held.id);
    expect(Date.parse(after.expiresAt)).toBeGreaterThanOrEqual(Date.parse(held.expiresAt));
    const redeemed = await call("POST", `/api/v1/holds/${held.id}/redeem`, { orderRef: "o-ext" }, idem());
    expect(redeemed.statusCode).toBe(200);
    expect(await remaining(voucher.id)).toBe("0.00");
  });

  it("map the provider's refusals to the closed codes", async () => {
    const voucher = await seed("5.00", "2222");
    const hold = (body: object) => call("POST", "/api/v1/holds", body, idem());
    expectProblem(await hold({ code: voucher.code, pin: "2222", amount: eur("6.00") }), "INSUFFICIENT_BALANCE");
    expectProblem(
      await hold({ code: voucher.code, pin: "2222", amount: { amount: "1.00", currency: "CHF" } }),
      "CURRENCY_MISMATCH",
    );
    const wrongPin = expectProblem(
      await hold({ code: voucher.code, pin: "9999", amount: eur("1.00") }),
      "VOUCHER_INVALID",
    );
    const unknown = expectProblem(
      await hold({ code: "NOSUCHVOUCHER123", pin: "9999", amount: eur("1.00") }),
      "VOUCHER_INVALID",
    );
    expect(unknown).toEqual(wrongPin);
    expectProblem(await hold({ code: "DEMOINACTIVE0001", amount: eur("1.00") }), "VOUCHER_INACTIVE");
    expectProblem(await hold({ code: "DEMOEXPIRED00001", amount: eur("1.00") }), "VOUCHER_EXPIRED");
  });

  it("lock a voucher after five wrong PINs", async () => {
    const voucher = await seed("9.00", "3333");
    for (let i = 0; i < 5; i++) {
      expectProblem(
        await call("POST", "/api/v1/holds", { code: voucher.code, pin: `000${i}`, amount: eur("1.00") }, idem()),
        "VOUCHER_INVALID",
      );
    }
    const locked = await call(
      "POST",
      "/api/v1/holds",
      { code: voucher.code, pin: "3333", amount: eur("1.00") },
      idem(),
    );
    const problem = expectProblem(locked, "PIN_LOCKED");
    expect(problem.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("refund part of a redemption, never more than was redeemed", async () => {
    const voucher = await seed("30.00");
    const hold = HoldResponse.parse(
      (await call("POST", "/api/v1/holds", { code: voucher.code, amount: eur("20.00") }, idem())).json(),
    ).hold;
    const { redemption } = RedemptionResponse.parse(
      (await call("POST", `/api/v1/holds/${hold.id}/redeem`, { orderRef: "o-r" }, idem())).json(),
    );
    const refund = await call("POST", `/api/v1/redemptions/${redemption.id}/refund`, { amount: eur("15.00") }, idem());
    expect(refund.statusCode).toBe(201);
    expect(await remaining(voucher.id)).toBe("25.00");
    expectProblem(
      await call("POST", `/api/v1/redemptions/${redemption.id}/refund`, { amount: eur("5.01") }, idem()),
      "REFUND_EXCEEDS_REDEMPTION",
    );
    expect(await remaining(voucher.id)).toBe("25.00");
  });

  it("issue a voucher that can be held at once", async () => {
    const response = await call("POST", "/api/v1/vouchers", { amount: eur("25.00") }, idem());
    expect(response.statusCode).toBe(201);
    const { voucher } = response.json() as { voucher: { code: string; status: string; amount: unknown } };
    expect(voucher).toMatchObject({ status: "active", amount: eur("25.00") });
    const held = await call("POST", "/api/v1/holds", { code: voucher.code, amount: eur("25.00") }, idem());
    expect(held.statusCode).toBe(201);
  });

  it("refuse what the session may not do", async () => {
    const redeemOnly = await bff.token("till-3", ["redeem"]);
    const response = await bff.app.inject({
      method: "POST",
      url: "/api/v1/vouchers",
      headers: { authorization: `Bearer ${redeemOnly}`, ...idem() },
      payload: { amount: eur("5.00") },
    });
    expectProblem(response, "FORBIDDEN");
  });
});

describe("bad input", () => {
  it("answers problem+json for bad JSON, missing keys, bad amounts, unknown routes and large bodies", async () => {
    const badJson = await bff.app.inject({
      method: "POST",
      url: "/api/v1/holds",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...idem() },
      payload: "{nope",
    });
    expectProblem(badJson, "INVALID_REQUEST");
    expectProblem(await call("POST", "/api/v1/holds", { code: "X", amount: eur("1.00") }), "INVALID_REQUEST");
    const badAmount = expectProblem(
      await call("POST", "/api/v1/holds", { code: "X", amount: eur("1.5") }, idem()),
      "INVALID_REQUEST",
    );
    expect(badAmount.errors?.[0]?.path).toBe("amount.amount");
    expectProblem(await call("POST", "/api/v1/holds", { code: "X", amount: eur("0.00") }, idem()), "INVALID_REQUEST");
    expectProblem(
      await call("POST", "/api/v1/holds", { code: "X", amount: eur("1.00"), extra: 1 }, idem()),
      "INVALID_REQUEST",
    );
    expectProblem(await call("GET", "/api/v1/nothing-here"), "NOT_FOUND");
    expectProblem(await call("GET", "/api/v1/holds/does-not-exist"), "HOLD_NOT_FOUND");
    const large = await call("POST", "/api/v1/holds", { code: "X".repeat(20_000), amount: eur("1.00") }, idem());
    expect(expectProblem(large, "INVALID_REQUEST").status).toBe(413);
  });

  it("serves an OpenAPI document made from the contract", async () => {
    const response = await bff.app.inject({ method: "GET", url: "/api/openapi.json" });
    const doc = response.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toContain("/api/v1/holds/{id}/redeem");
    expect(JSON.stringify(doc.paths["/api/v1/holds"])).toContain("Idempotency-Key");
  });

  it("reports health, readiness and metrics", async () => {
    expect((await bff.app.inject({ method: "GET", url: "/healthz" })).statusCode).toBe(200);
    expect((await bff.app.inject({ method: "GET", url: "/readyz" })).json()).toEqual({ status: "ready" });
    const metrics = await bff.app.inject({ method: "GET", url: "/metrics" });
    expect(metrics.body).toContain("voucher_http_request_duration_seconds");
  });
});
