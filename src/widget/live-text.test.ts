import { describe, expect, it } from "vitest";
import { type AccountShape, capabilitiesFor } from "../flow/capabilities.fixture.ts";
import { type FlowAction, type FlowError, type FlowState, initialState, transition } from "../flow/machine.ts";
import { rulesFor } from "../flow/offer.ts";
import type { Hold, VoucherStatus, VoucherSummary } from "../shared/contract.schema.ts";
import { errorText, failureText, statusText } from "./live-text.ts";
import { en } from "./messages/en.ts";

const money = (m: { amount: string; currency: string }) => `${m.currency} ${m.amount}`;
const date = (iso: string) => iso.slice(0, 10);

/** The live regions' words after checking `voucher` on an account of `shape`. */
function afterCheck(shape: AccountShape, voucher: VoucherSummary | null, fail?: string) {
  const data = capabilitiesFor(shape);
  const actions: FlowAction[] = [{ type: "configure", rules: rulesFor(data) }, { type: "check" }];
  if (voucher) actions.push({ type: "checked", voucher });
  if (fail) actions.push({ type: "fail", error: { code: fail, operation: "check", retryable: false, field: "code" } });
  const flow = actions.reduce<FlowState>(transition, initialState);
  const input = { m: en, caps: { data, error: null, isError: false }, flow, announcement: "", money, time: date, date };
  return { phase: flow.phase, status: statusText(input), error: errorText(input) };
}

const value = (status: VoucherStatus = "active"): VoucherSummary => ({
  maskedCode: "••••-7Q2K",
  kind: "value",
  status,
  balance: { amount: "20.00", currency: "EUR" },
});
const access = (
  status: VoucherStatus = "active",
  validUntil: string | null = "2031-12-31T23:59:59Z",
): VoucherSummary => ({
  maskedCode: "••••-ROOM",
  kind: "access",
  status,
  validUntil,
});

describe("live regions after a check, per account shape", () => {
  it.each<[string, AccountShape, VoucherSummary | null, string | undefined, { status: string; error: string }]>([
    [
      "check-first, active: the balance, no error",
      "checkFirst",
      value(),
      undefined,
      { status: "Balance: EUR 20.00.", error: "" },
    ],
    [
      "check-first, expired: the reason",
      "checkFirst",
      value("expired"),
      undefined,
      { status: "Balance: EUR 20.00.", error: en.stops.expired },
    ],
    [
      "check-first, held elsewhere",
      "checkFirst",
      value("held"),
      undefined,
      { status: "Balance: EUR 20.00.", error: en.stops.held },
    ],
    [
      "check-first, inactive",
      "checkFirst",
      value("inactive"),
      undefined,
      { status: "Balance: EUR 20.00.", error: en.stops.inactive },
    ],
    [
      "check-first, already used",
      "checkFirst",
      value("redeemed"),
      undefined,
      { status: "Balance: EUR 20.00.", error: en.stops.redeemed },
    ],
    [
      "check-first, not yet valid",
      "checkFirst",
      value("not_yet_valid"),
      undefined,
      { status: "Balance: EUR 20.00.", error: en.stops.not_yet_valid },
    ],
    [
      "check-only, active: cannot be redeemed here",
      "checkOnly",
      value(),
      undefined,
      { status: "Balance: EUR 20.00.", error: en.stops.not_redeemable },
    ],
    ["access, valid: valid until", "access", access(), undefined, { status: "Valid until 2031-12-31.", error: "" }],
    [
      "access, valid without an end",
      "access",
      access("active", null),
      undefined,
      { status: "Valid, no expiry date.", error: "" },
    ],
    ["access, expired", "access", access("expired"), undefined, { status: "", error: en.access.expired }],
    [
      "access, not yet valid",
      "access",
      access("not_yet_valid"),
      undefined,
      { status: "", error: en.access.not_yet_valid },
    ],
    ["access, inactive", "access", access("inactive"), undefined, { status: "", error: en.access.inactive }],
    ["access, unknown code", "access", null, "VOUCHER_INVALID", { status: "", error: en.access.unknown }],
    [
      "no PIN: an unknown code is not blamed on a PIN",
      "checkFirst",
      null,
      "VOUCHER_INVALID",
      { status: "", error: en.codeInvalid },
    ],
    ["with PIN: code or PIN", "fullValue", null, "VOUCHER_INVALID", { status: "", error: en.errors.VOUCHER_INVALID }],
  ])("%s", (_name, shape, voucher, fail, expected) => {
    expect(afterCheck(shape, voucher, fail)).toMatchObject(expected);
  });
});

describe("errorText: a redeem the provider has not confirmed yet", () => {
  const data = capabilitiesFor("holdFirst");
  const hold = {
    id: "h1",
    amount: { amount: "25.00", currency: "EUR" },
    expiresAt: "2030-01-01T12:30:00.000Z",
    voucher: { maskedCode: "••••-7Q2K" },
  } as unknown as Hold;
  const failWith = (error: FlowError) =>
    [
      { type: "configure", rules: rulesFor(data) },
      { type: "hold" },
      { type: "held", hold },
      { type: "redeem" },
      { type: "fail", error },
    ].reduce<FlowState>((s, a) => transition(s, a as FlowAction), initialState);
  const text = (error: FlowError) =>
    errorText({
      m: en,
      caps: { data, error: null, isError: false },
      flow: failWith(error),
      announcement: "",
      money,
      time: date,
      date,
    });
  const unavailable: FlowError = { code: "PROVIDER_UNAVAILABLE", operation: "redeem", retryable: true };

  it("says when to try again, with the BFF's figure", () => {
    expect(text({ ...unavailable, retryAfterSeconds: 25 })).toBe(
      "The provider has not confirmed yet. Try again in 25 s.",
    );
  });
  it("without a wait the words stay as they were", () => {
    expect(text(unavailable)).toBe(en.errors.PROVIDER_UNAVAILABLE);
  });
  it("another refusal with a wait keeps its own words (the button still waits)", () => {
    expect(text({ ...unavailable, code: "RATE_LIMITED", retryAfterSeconds: 120 })).toBe(en.errors.RATE_LIMITED);
  });
});

describe("failureText: the same words for the single voucher and for a split-tender voucher", () => {
  const unavailable: FlowError = { code: "PROVIDER_UNAVAILABLE", operation: "redeem", retryable: true };
  it.each<[string, FlowError, string]>([
    [
      "not confirmed yet, with a wait: when to try again",
      { ...unavailable, retryAfterSeconds: 12 },
      en.unconfirmed(12),
    ],
    ["not confirmed, no wait", unavailable, en.errors.PROVIDER_UNAVAILABLE],
    [
      "rate limited with a wait: its own words",
      { ...unavailable, code: "RATE_LIMITED", retryAfterSeconds: 9 },
      en.errors.RATE_LIMITED,
    ],
  ])("%s", (_name, error, words) => {
    expect(failureText(en, error)).toBe(words);
  });
  it("keeps the account's context (a code without PIN)", () => {
    const invalid: FlowError = { code: "VOUCHER_INVALID", operation: "hold", retryable: false };
    expect(failureText(en, invalid, { kind: "value", pin: "none" })).toBe(en.codeInvalid);
  });
});
