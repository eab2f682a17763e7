import { describe, expect, it } from "vitest";
import { isHttpProblem } from "../../errors/http-problem.ts";
import { fromSpaazaAmount, fromSpaazaTime, toSpaazaAmount } from "./amount.ts";

const code = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return isHttpProblem(error) ? error.code : "other";
  }
  return "none";
};

describe("Spaaza amounts", () => {
  it("reads floats into minor units without drift", () => {
    expect(fromSpaazaAmount(12.3, "EUR")).toBe(1230);
    expect(fromSpaazaAmount(0.1 + 0.2, "EUR")).toBe(30);
    expect(fromSpaazaAmount(1.15, "EUR")).toBe(115);
    expect(fromSpaazaAmount(1000, "JPY")).toBe(1000);
    expect(fromSpaazaAmount(1.234, "BHD")).toBe(1234);
    const drifted: number[] = [];
    for (let minor = 0; minor <= 200_000; minor += 7)
      if (fromSpaazaAmount(minor / 100, "EUR") !== minor) drifted.push(minor);
    expect(drifted).toEqual([]);
  });

  it("refuses amounts finer than the currency, negative or not finite", () => {
    for (const [value, currency] of [
      [12.345, "EUR"],
      [12.5, "JPY"],
      [-1, "EUR"],
      [Number.NaN, "EUR"],
      [1, "XXX1"],
    ] as const) {
      expect(code(() => fromSpaazaAmount(value, currency))).toBe("PROVIDER_ERROR");
    }
  });

  it("writes minor units with the currency's digits", () => {
    expect(toSpaazaAmount({ minor: 1230, currency: "EUR" })).toBe("12.30");
    expect(toSpaazaAmount({ minor: 5, currency: "EUR" })).toBe("0.05");
    expect(toSpaazaAmount({ minor: 1000, currency: "JPY" })).toBe("1000");
  });
});

describe("Spaaza times", () => {
  it("reads 'YYYY-MM-DD HH:MM:SS' as UTC", () => {
    expect(fromSpaazaTime("2018-10-16 15:54:01").toISOString()).toBe("2018-10-16T15:54:01.000Z");
  });

  it("refuses other shapes", () => {
    for (const text of ["2018-10-16", "16.10.2018 15:54:01", "2018-10-16 15:54:01+02:00", "garbage"]) {
      expect(code(() => fromSpaazaTime(text))).toBe("PROVIDER_ERROR");
    }
  });
});
