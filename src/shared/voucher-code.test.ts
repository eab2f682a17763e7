import { describe, expect, it } from "vitest";
import { groupCode, maskCode, normalizeCode } from "./voucher-code.ts";

describe("voucher codes", () => {
  it.each([
    ["demopin100eur001", "DEMOPIN100EUR001"],
    ["demo pin1 00eu r001", "DEMOPIN100EUR001"],
    ["DEMO-PIN1-00EU-R001", "DEMOPIN100EUR001"],
    ["demo_pin1", "DEMOPIN1"],
    ["  demo\tpin1\n", "DEMOPIN1"],
    // Pasted from an e-mail or PDF: no-break space, en dash, non-breaking hyphen, minus sign, soft hyphen.
    ["DEMO\u00a0PIN1\u2013OOEU\u2011R001\u2212X\u00adY", "DEMOPIN1OOEUR001XY"],
    ["", ""],
  ])("normalizeCode(%j) = %j", (typed, canonical) => expect(normalizeCode(typed)).toBe(canonical));

  it.each([
    ["demopin100eur001", "DEMO-PIN1-00EU-R001"],
    ["abcd 12 3", "ABCD-123"],
    ["ABCD", "ABCD"],
    ["abcd-efgh-", "ABCD-EFGH"],
    ["", ""],
  ])("groupCode(%j) = %j", (typed, grouped) => expect(groupCode(typed)).toBe(grouped));

  it("grouping is stable: a grouped code groups to itself", () => {
    const once = groupCode("tevdemo25gbp0001");
    expect(groupCode(once)).toBe(once);
    expect(normalizeCode(once)).toBe("TEVDEMO25GBP0001");
  });

  it("masks all but the last four, keeping the groups", () => {
    expect(maskCode("demo-pin1-00eu-r001")).toBe("••••-••••-••••-R001");
    expect(maskCode("abc")).toBe("••C");
  });
});
