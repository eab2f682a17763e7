import { describe, expect, it } from "vitest";
import { isHttpProblem } from "../../errors/http-problem.ts";
import { fromJtlAmount, toJtlAmount } from "./amount.ts";

describe("JTL amounts", () => {
  it.each([
    [1053, "EUR", "10.53"],
    [5, "EUR", "0.05"],
    [0, "EUR", "0.00"],
    [9_999_999, "EUR", "99999.99"],
    [1000, "JPY", "1000.00"],
    [75, "CHF", "0.75"],
  ])("%i %s ↔ %s", (minor, currency, text) => {
    expect(toJtlAmount({ minor, currency })).toBe(text);
    expect(fromJtlAmount(text, currency)).toBe(minor);
  });

  it.each([
    [10_000_000, "EUR"],
    [100_000, "JPY"],
    [100, "BHD"],
    [-1, "EUR"],
  ])("refuses %i %s as INVALID_REQUEST", (minor, currency) => {
    let error: unknown;
    try {
      toJtlAmount({ minor, currency });
    } catch (e) {
      error = e;
    }
    expect(isHttpProblem(error) && error.code).toBe("INVALID_REQUEST");
  });

  it.each([["10.5"], ["ten"], ["10.50", "JPY"]])("refuses to read %s", (text, currency = "EUR") => {
    expect(() => fromJtlAmount(text, currency)).toThrow(/cannot read/);
  });
});
