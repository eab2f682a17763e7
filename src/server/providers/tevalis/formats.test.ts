import { describe, expect, it } from "vitest";
import { decimalToMinor, toDecimalNumber } from "../decimal.ts";
import { formatDotNetDate, parseDotNetDate } from "./dotnet-date.ts";

describe("Tevalis decimals", () => {
  it.each([
    [10.53, "GBP", 1053],
    [5.5, "GBP", 550],
    [25, "GBP", 2500],
    [0.1, "GBP", 10],
    [1000, "JPY", 1000],
    [1.234, "BHD", 1234],
    [5.555, "GBP", null],
    [1e21, "GBP", null],
    [-1, "GBP", null],
    [Number.NaN, "GBP", null],
  ])("%s %s → %s minor units", (value, currency, minor) => {
    expect(decimalToMinor(value, currency)).toBe(minor);
  });

  it("writes minor units as the JSON decimal with no float drift", () => {
    for (const minor of [1, 10, 29, 1053, 99_999_999, 123_456_789_01]) {
      const text = JSON.stringify(toDecimalNumber({ minor, currency: "GBP" }));
      expect(decimalToMinor(JSON.parse(text), "GBP")).toBe(minor);
      expect(text).toMatch(/^\d+(\.\d{1,2})?$/);
    }
  });
});

describe(".NET dates", () => {
  it.each([
    ["2024-11-21T06:28:45.7521945+00:00", "UTC", "2024-11-21T06:28:45.752Z"],
    ["2024-11-21T06:28:45.7521945-05:30", "UTC", "2024-11-21T11:58:45.752Z"],
    ["2024-11-21T06:28:45Z", "Europe/London", "2024-11-21T06:28:45.000Z"],
    ["2024-11-21T06:28:45.75", "Europe/London", "2024-11-21T06:28:45.750Z"],
    ["2024-07-21T06:28:45.7521945", "Europe/London", "2024-07-21T05:28:45.752Z"],
    ["2024-07-21T06:28:45.7521945", "UTC", "2024-07-21T06:28:45.752Z"],
    ["2024-07-21T06:28:45", "America/New_York", "2024-07-21T10:28:45.000Z"],
  ])("%s in %s is %s", (text, zone, iso) => {
    expect(parseDotNetDate(text, zone)?.toISOString()).toBe(iso);
  });

  it.each(["2024-02-30T00:00:00", "2024-11-21 06:28:45", "21/11/2024", "2024-11-21T06:28:45.12345678"])(
    "refuses %s",
    (text) => {
      expect(parseDotNetDate(text, "UTC")).toBeNull();
    },
  );

  it("writes seven fractional digits and an offset", () => {
    expect(formatDotNetDate(new Date("2024-11-21T06:28:45.752Z"))).toBe("2024-11-21T06:28:45.7520000+00:00");
  });
});
