import { describe, expect, it } from "vitest";
import type { VoucherStatus, VoucherSummary } from "../shared/contract.schema.ts";
import { type AccountShape, capabilitiesFor, rulesOf } from "./capabilities.fixture.ts";
import { fullValueOf, rulesFor, showsAmount, stepFor, verdictFor } from "./offer.ts";

const value = (status: VoucherStatus = "active"): VoucherSummary => ({
  maskedCode: "••••-7Q2K",
  kind: "value",
  status,
  balance: { amount: "25.00", currency: "EUR" },
});
const access = (status: VoucherStatus = "active"): VoucherSummary => ({
  maskedCode: "••••-ROOM",
  kind: "access",
  status,
});

describe("rulesFor: every row of the DESIGN §1 table", () => {
  it.each<[AccountShape, { check: boolean; hold: boolean; fullValue: boolean }]>([
    ["holdFirst", { check: false, hold: true, fullValue: false }],
    ["checkFirst", { check: true, hold: true, fullValue: false }],
    ["fullValue", { check: true, hold: true, fullValue: true }],
    ["checkOnly", { check: true, hold: false, fullValue: false }],
    ["access", { check: true, hold: false, fullValue: false }],
  ])("%s → %j", (shape, rules) => {
    expect(rulesOf(shape)).toEqual(rules);
  });

  it("access codes are never held, whatever else an account claims", () => {
    const data = capabilitiesFor("checkFirst");
    expect(rulesFor({ ...data, voucherKind: "access" }).hold).toBe(false);
  });

  it("a hold that could never be redeemed is not offered", () => {
    const data = capabilitiesFor("checkFirst");
    expect(rulesFor({ ...data, capabilities: { ...data.capabilities, redeem: "none" } }).hold).toBe(false);
  });
});

describe("verdictFor: what a check's answer means", () => {
  it.each<[AccountShape, VoucherSummary, string]>([
    ["checkFirst", value(), "hold"],
    ["fullValue", value(), "hold"],
    ["checkOnly", value(), "not_redeemable"],
    ["access", access(), "valid"],
    ["checkFirst", value("inactive"), "inactive"],
    ["checkFirst", value("expired"), "expired"],
    ["checkFirst", value("redeemed"), "redeemed"],
    ["checkFirst", value("held"), "held"],
    ["checkFirst", value("not_yet_valid"), "not_yet_valid"],
    ["checkOnly", value("expired"), "expired"],
    ["access", access("expired"), "expired"],
    ["access", access("not_yet_valid"), "not_yet_valid"],
    ["access", access("inactive"), "inactive"],
  ])("%s, %j → %s", (shape, voucher, verdict) => {
    expect(verdictFor(rulesOf(shape), voucher)).toBe(verdict);
  });
});

describe("stepFor / showsAmount: the steps the entry form offers", () => {
  it.each<[AccountShape, VoucherSummary | null, "check" | "hold" | null, boolean]>([
    ["holdFirst", null, "hold", true],
    ["checkFirst", null, "check", false],
    ["checkFirst", value(), "hold", true],
    ["checkFirst", value("expired"), null, false],
    ["fullValue", value(), "hold", true],
    ["checkOnly", null, "check", false],
    ["checkOnly", value(), null, false],
    ["access", null, "check", false],
    ["access", access(), null, false],
  ])("%s with %j → %s, amount shown: %s", (shape, voucher, step, amount) => {
    const state = { rules: rulesOf(shape), voucher };
    expect(stepFor(state)).toBe(step);
    expect(showsAmount(state)).toBe(amount);
  });
});

describe("fullValueOf", () => {
  it("is the checked balance on full-value-only accounts, and null elsewhere", () => {
    expect(fullValueOf({ rules: rulesOf("fullValue"), voucher: value() })).toEqual({
      amount: "25.00",
      currency: "EUR",
    });
    expect(fullValueOf({ rules: rulesOf("fullValue"), voucher: null })).toBeNull();
    expect(fullValueOf({ rules: rulesOf("checkFirst"), voucher: value() })).toBeNull();
  });
});
