import { describe, expect, it } from "vitest";
import type { UpstreamResponse } from "../http.ts";
import { type JtlOperation, jtlErrorCodes, jtlProblem } from "./errors.ts";

const answer = (status: number, body: unknown, headers: Record<string, string> = {}): UpstreamResponse => ({
  status,
  headers: new Headers(headers),
  body,
});
const unprocessable = (code: string) => ({
  status: 422,
  code: "X.UNPROCESSABLE_ENTITY",
  message: "The given data was invalid.",
  errors: [{ code, property: "p", rule: "r", message: "m" }],
});

describe("jtlProblem", () => {
  it.each<[string, JtlOperation, UpstreamResponse, string]>([
    [
      "voucher not found on reserve",
      "reserve",
      answer(404, { status: 404, code: "VOUCHER.NOT_FOUND" }),
      "VOUCHER_INVALID",
    ],
    ["voucher not found on read", "read", answer(404, { status: 404, code: "VOUCHER.NOT_FOUND" }), "PROVIDER_ERROR"],
    ["PIN invalid", "reserve", answer(422, unprocessable("RESERVATION.CREATE.PIN.INVALID")), "VOUCHER_INVALID"],
    ["PIN required", "reserve", answer(422, unprocessable("RESERVATION.CREATE.PIN.REQUIRED")), "VOUCHER_INVALID"],
    [
      "balance",
      "charge",
      answer(422, unprocessable("RESERVATION.CHARGE.AMOUNT.INSUFFICIENT_BALANCE")),
      "INSUFFICIENT_BALANCE",
    ],
    ["inactive", "charge", answer(422, unprocessable("RESERVATION.CHARGE.VOUCHER.INACTIVE")), "VOUCHER_INACTIVE"],
    ["expired voucher", "reserve", answer(422, unprocessable("RESERVATION.CREATE.VOUCHER.EXPIRED")), "VOUCHER_EXPIRED"],
    ["currency", "refund", answer(422, unprocessable("CHARGE.REFUND.CURRENCY.MATCH")), "CURRENCY_MISMATCH"],
    ["reservation expired", "charge", answer(422, { status: 422, code: "RESERVATION.CHARGE.EXPIRED" }), "HOLD_EXPIRED"],
    [
      "reservation replaced",
      "charge",
      answer(422, { status: 422, code: "RESERVATION.CHARGE.REPLACED" }),
      "HOLD_EXPIRED",
    ],
    ["reservation gone", "charge", answer(404, { status: 404, code: "RESERVATION.NOT_FOUND" }), "HOLD_EXPIRED"],
    [
      "charged twice",
      "charge",
      answer(422, { status: 422, code: "RESERVATION.CHARGE.ALREADY_CHARGED" }),
      "ALREADY_REDEEMED",
    ],
    ["charge gone", "refund", answer(404, { status: 404, code: "CHARGE.NOT_FOUND" }), "REDEMPTION_NOT_FOUND"],
    [
      "refund too large",
      "refund",
      answer(422, unprocessable("CHARGE.REFUND.AMOUNT.MAX_REFUNDABLE")),
      "REFUND_EXCEEDS_REDEMPTION",
    ],
    ["validation we broke", "reserve", answer(422, unprocessable("RESERVATION.CREATE.AMOUNT.REGEX")), "PROVIDER_ERROR"],
    ["401 after the retry", "read", answer(401, { status: 401, code: "UNAUTHENTICATED" }), "PROVIDER_ERROR"],
    ["429", "reserve", answer(429, null, { "retry-after": "3" }), "RATE_LIMITED"],
    ["503", "reserve", answer(503, "<html>down</html>"), "PROVIDER_UNAVAILABLE"],
  ])("%s → %s", (_name, op, response, code) => {
    expect(jtlProblem(response, op, false).code).toBe(code);
  });

  it("marks 5xx as outcome unknown only for calls that move money", () => {
    expect(jtlProblem(answer(500, null), "charge", true).outcomeUnknown).toBe(true);
    expect(jtlProblem(answer(500, null), "reserve", false).outcomeUnknown).toBe(false);
    expect(jtlProblem(answer(422, unprocessable("X.PIN.INVALID")), "charge", true).outcomeUnknown).toBe(false);
  });

  it("names JTL's codes in PROVIDER_ERROR details, but nothing that is not code-shaped", () => {
    const body = {
      status: 422,
      code: "RESERVATION.CREATE.UNPROCESSABLE_ENTITY",
      errors: [{ code: "code DEMO1234 is bad" }],
    };
    expect(jtlErrorCodes(body)).toEqual(["RESERVATION.CREATE.UNPROCESSABLE_ENTITY"]);
    expect(jtlProblem(answer(422, body), "reserve", false).message).toBe(
      "JTL answered 422 RESERVATION.CREATE.UNPROCESSABLE_ENTITY.",
    );
  });
});
