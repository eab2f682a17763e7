import { describe, expect, it } from "vitest";
import { crmProblem } from "./errors.ts";
import { crmDate } from "./voucher.ts";

describe("CRM.COM dates", () => {
  it.each([
    ["2025-06-01T10:00:00+0000", "2025-06-01T10:00:00.000Z"],
    ["2025-06-01T10:00:00+02:00", "2025-06-01T08:00:00.000Z"],
    ["2025-06-01T10:00:00.5Z", "2025-06-01T10:00:00.500Z"],
    ["2025-06-01T10:00:00", "2025-06-01T10:00:00.000Z"],
  ])("%s is %s", (text, iso) => {
    expect(crmDate(text)?.toISOString()).toBe(iso);
  });

  it("reads no date as none and refuses what is not a date", () => {
    expect(crmDate(null)).toBeNull();
    expect(() => crmDate("01/06/2025")).toThrow("CRM.COM sent a date we cannot read.");
  });
});

describe("CRM.COM status codes", () => {
  it.each([
    ["NOT_FOUND", "voucher", "VOUCHER_INVALID"],
    ["INVALID_SECRET_NUMBER", "voucher", "VOUCHER_INVALID"],
    ["INVALID_LIFE_CYCLE_STATE", "use", "VOUCHER_INACTIVE"],
    ["VOUCHER_EXPIRED", "use", "VOUCHER_EXPIRED"],
    ["NOT_FOUND", "use", "PROVIDER_ERROR"],
    ["NOT_FOUND", "lookup", "PROVIDER_ERROR"],
    ["INVALID_TOKEN", "voucher", "PROVIDER_ERROR"],
  ] as const)("%s on %s → %s", (code, op, expected) => {
    expect(crmProblem(code, op).code).toBe(expected);
  });

  it("never echoes a code that is not identifier-shaped", () => {
    expect(crmProblem("<script>0977835</script>", "lookup").message).toBe("CRM.COM answered an error.");
  });
});
