import { describe, expect, it } from "vitest";
import { dayToIso, readCodeForm } from "./code-form.ts";

const base = { voucherId: "v1", value: "summer-2031", validFrom: "", validUntil: "" };

describe("readCodeForm", () => {
  it.each([
    [{ voucherId: "" }, "VOUCHER_MISSING", "voucher"],
    [{ value: "  " }, "CODE_MISSING", "value"],
    [{ value: "no/slash" }, "CODE_FORMAT", "value"],
    [{ value: "X".repeat(129) }, "CODE_FORMAT", "value"],
    [{ value: "--" }, "CODE_FORMAT", "value"],
    [{ validFrom: "2031-02-30" }, "DATE_INVALID", "validFrom"],
    [{ validUntil: "tomorrow" }, "DATE_INVALID", "validUntil"],
    [{ validFrom: "2031-03-02", validUntil: "2031-03-01" }, "DATES_ORDER", "validUntil"],
  ])("refuses %o with %s on %s", (change, error, field) => {
    expect(readCodeForm({ ...base, ...change })).toEqual({ ok: false, error, field });
  });

  it("takes a code without dates, trimmed", () => {
    expect(readCodeForm({ ...base, value: " summer-2031 " })).toEqual({
      ok: true,
      item: { voucherId: "v1", value: "summer-2031" },
    });
  });

  it("takes a one-day validity from the day's first to its last second, local time", () => {
    const result = readCodeForm({ ...base, validFrom: "2031-03-01", validUntil: "2031-03-01" });
    if (!result.ok) throw new Error("refused");
    expect(result.item.validFrom).toBe(new Date(2031, 2, 1, 0, 0, 0).toISOString());
    expect(result.item.validUntil).toBe(new Date(2031, 2, 1, 23, 59, 59).toISOString());
  });

  it("reads only real calendar days", () => {
    expect(dayToIso("2032-02-29", false)).not.toBeNull();
    expect(dayToIso("2031-02-29", false)).toBeNull();
    expect(dayToIso("2031-1-1", false)).toBeNull();
  });
});
