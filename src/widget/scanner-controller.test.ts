import { describe, expect, it } from "vitest";
import { Phase } from "../flow/machine.ts";
import { type EntryFieldsShown, nextField, type ScanAction, scanAction } from "./scanner-controller.ts";

describe("scanAction", () => {
  it.each<[Phase, ScanAction]>([
    [Phase.Entering, "fill"],
    [Phase.Ready, "fill"],
    [Phase.Failed, "fill"],
    [Phase.Released, "fill"],
    [Phase.Expired, "fill"],
    // The last voucher is done with: the scan is the next one.
    [Phase.Redeemed, "next"],
    [Phase.Checked, "next"],
    // This voucher is not finished: a scan must not touch it (nor press its buttons).
    [Phase.Checking, "ignore"],
    [Phase.Holding, "ignore"],
    [Phase.Held, "ignore"],
    [Phase.Redeeming, "ignore"],
  ])("%s → %s", (phase, action) => expect(scanAction(phase)).toBe(action));

  it("covers every phase", () => {
    for (const phase of Object.values(Phase)) expect(["fill", "next", "ignore"]).toContain(scanAction(phase));
  });
});

describe("nextField: where Enter goes in the entry form", () => {
  const form = (f: Partial<EntryFieldsShown>): EntryFieldsShown => ({
    code: "ABCD1234",
    pin: null,
    amount: false,
    ...f,
  });

  it.each<[string, string, Partial<EntryFieldsShown>, "pin" | "amount" | null]>([
    // PIN accounts (JTL: optional, CRM.COM: required).
    ["code → the empty PIN", "code", { pin: "", amount: true }, "pin"],
    ["code → the empty PIN, check first (no amount yet)", "code", { pin: "" }, "pin"],
    ["code with the PIN already typed → the amount", "code", { pin: "4711", amount: true }, "amount"],
    ["code with the PIN typed, check first → send (check)", "code", { pin: "4711" }, null],
    ["PIN → the amount (pre-filled: Enter there holds)", "pin", { pin: "4711", amount: true }, "amount"],
    ["PIN, check first → send (check)", "pin", { pin: "4711" }, null],
    ["an empty PIN still moves on (optional PINs)", "pin", { pin: "", amount: true }, "amount"],
    // No PIN.
    ["code, hold first → the amount", "code", { amount: true }, "amount"],
    ["code, check first → send (check)", "code", {}, null],
    // The amount is the last field: Enter sends the form.
    ["amount → send (hold)", "amount", { pin: "4711", amount: true }, null],
    // An empty code: send, so the form says what is missing instead of moving on.
    ["empty code → send", "code", { code: "", pin: "", amount: true }, null],
    ["blank code → send", "code", { code: "  ", pin: "", amount: true }, null],
    ["another field (issue mode's date) → send", "validUntil", { amount: true }, null],
  ])("%s", (_name, from, fields, next) => expect(nextField(from, form(fields))).toBe(next));
});
