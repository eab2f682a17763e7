import { describe, expect, it } from "vitest";
import {
  amountText,
  defaultAmountText,
  dueMinorOf,
  exceedsDue,
  moneyText,
  orderRefFor,
  readAmount,
  readCheck,
  readHold,
} from "./entry-input.ts";
import { readIssue } from "./issue-input.ts";

const rules = { currency: "EUR", pin: "optional" as const, dueMinor: 4250 };

describe("readAmount: what people type", () => {
  it.each([
    ["42.50", "42.50"],
    ["42,5", "42.50"],
    ["42", "42.00"],
    [" 1.234,56 ", "1234.56"],
    ["1,234.56", "1234.56"],
    ["0.01", "0.01"],
  ])("%j → %s EUR", (typed, wire) => {
    expect(readAmount(typed, "EUR")).toEqual({ ok: true, value: { amount: wire, currency: "EUR" } });
  });

  it.each(["", "0", "0,00", "abc", "-5", "12.345.678,9x"])("%j is refused for the amount field", (typed) => {
    expect(readAmount(typed, "EUR")).toMatchObject({ ok: false, error: { code: "AMOUNT_INVALID", field: "amount" } });
  });

  it("never above the due amount", () => {
    expect(readAmount("42.51", "EUR", 4250)).toMatchObject({ ok: false, error: { code: "AMOUNT_TOO_HIGH" } });
    expect(readAmount("42.50", "EUR", 4250).ok).toBe(true);
  });

  it("follows the currency's minor digits", () => {
    expect(readAmount("1000", "JPY")).toEqual({ ok: true, value: { amount: "1000", currency: "JPY" } });
  });
});

describe("readCheck / readHold", () => {
  it("normalizes the code and leaves out an empty optional PIN", () => {
    expect(readHold({ code: "abcd-1234 efgh", pin: "", amount: "10" }, rules)).toEqual({
      ok: true,
      value: { code: "ABCD1234EFGH", amount: { amount: "10.00", currency: "EUR" } },
    });
  });

  it("names the field that is missing", () => {
    expect(readCheck({ code: " - ", pin: "", amount: "" }, rules)).toMatchObject({
      error: { code: "CODE_MISSING", field: "code" },
    });
    expect(readCheck({ code: "X", pin: "", amount: "" }, { ...rules, pin: "required" })).toMatchObject({
      error: { code: "PIN_MISSING", field: "pin" },
    });
    expect(readHold({ code: "X", pin: "1", amount: "" }, rules)).toMatchObject({ error: { code: "AMOUNT_INVALID" } });
  });

  it("drops a PIN the account's vouchers do not have", () => {
    expect(readCheck({ code: "X", pin: "99", amount: "" }, { ...rules, pin: "none" })).toEqual({
      ok: true,
      value: { code: "X" },
    });
  });
});

describe("readHold: full value only (the hold is the whole checked balance)", () => {
  const whole = { amount: "25.00", currency: "EUR" };
  const full = { ...rules, pin: "required" as const, fullValue: whole };
  it.each<[string, number | null, string, object]>([
    ["due above the balance: the balance, whatever is typed", 4250, "10,00", { ok: true, value: { amount: whole } }],
    ["due equal to the balance", 2500, "", { ok: true, value: { amount: whole } }],
    ["due unknown: the balance", null, "abc", { ok: true, value: { amount: whole } }],
    [
      "due below the balance: refused, never more than the sale asked for",
      1890,
      "18.90",
      { ok: false, error: { code: "FULL_VALUE_OVER_DUE", field: "amount" } },
    ],
  ])("%s", (_name, dueMinor, typed, expected) => {
    expect(readHold({ code: "crm-1211", pin: "5521", amount: typed }, { ...full, dueMinor })).toMatchObject(expected);
  });

  it("still needs the code and the PIN first", () => {
    expect(readHold({ code: "C1", pin: "", amount: "" }, full)).toMatchObject({ error: { code: "PIN_MISSING" } });
  });

  it("exceedsDue and moneyText", () => {
    expect(exceedsDue(whole, 2499)).toBe(true);
    expect(exceedsDue(whole, 2500)).toBe(false);
    expect(exceedsDue(whole, null)).toBe(false);
    expect(moneyText(whole, "de-DE")).toBe("25,00");
  });
});

describe("readIssue", () => {
  it("takes a date as the end of that local day", () => {
    const parsed = readIssue("25", "2031-03-31", "EUR");
    expect(parsed.ok && new Date(parsed.value.validUntil ?? "").getDate()).toBe(31);
    expect(readIssue("25", "", "EUR")).toEqual({ ok: true, value: { amount: { amount: "25.00", currency: "EUR" } } });
  });

  it("refuses impossible dates", () => {
    expect(readIssue("25", "2031-02-30", "EUR")).toMatchObject({
      ok: false,
      error: { code: "DATE_INVALID", field: "validUntil" },
    });
  });
});

describe("helpers", () => {
  it("dueMinorOf reads the amount attribute, strict or as typed", () => {
    expect(dueMinorOf("42.50", "EUR")).toBe(4250);
    expect(dueMinorOf("42,5", "EUR")).toBe(4250);
    expect(dueMinorOf("", "EUR")).toBeNull();
  });

  it("amountText writes the locale's decimal mark", () => {
    expect(amountText(4250, "EUR", "de-DE")).toBe("42,50");
    expect(amountText(4250, "EUR", "en-US")).toBe("42.50");
    expect(amountText(1000, "JPY", "en")).toBe("1000");
  });

  it("defaultAmountText offers the due amount, capped at a known balance", () => {
    expect(defaultAmountText("42.50", "EUR", undefined, "de-DE")).toBe("42,50");
    expect(defaultAmountText("42.50", "EUR", { amount: "20.00", currency: "EUR" }, "en")).toBe("20.00");
    expect(defaultAmountText("", "EUR")).toBe("");
    expect(defaultAmountText("42.50", "")).toBe("");
  });

  it("orderRefFor is stable per hold and fits the contract", () => {
    expect(orderRefFor("h-1")).toBe("voucher-h-1");
    expect(orderRefFor("h-1", " POS-77 ")).toBe("POS-77");
    expect(orderRefFor("x".repeat(200))).toHaveLength(100);
    expect(orderRefFor("h", "Bestellung Nr. 5 – Müller")).toMatch(/^[\x20-\x7e]+$/);
  });
});
