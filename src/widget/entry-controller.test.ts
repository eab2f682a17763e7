import { describe, expect, it } from "vitest";
import { rulesOf } from "../flow/capabilities.fixture.ts";
import { type Field, type FlowState, initialState } from "../flow/machine.ts";
import { TestHost } from "../flow/test-host.ts";
import type { VoucherSummary } from "../shared/contract.schema.ts";
import { EntryController } from "./entry-controller.ts";

const voucher = (balance: string): VoucherSummary =>
  ({
    maskedCode: "••••-7Q2K",
    kind: "value",
    status: "active",
    balance: { amount: balance, currency: "EUR" },
  }) as VoucherSummary;

/**
 * An entry over a stand-in element. Its shadow root is an EventTarget that also plays the input an event
 * comes from (`name`, `value`), which is all the controller reads of it.
 */
function setup(o: { mode?: string; amount?: string; locale?: string; due?: string } = {}) {
  const root = Object.assign(new EventTarget(), { name: "", value: "" });
  const host = Object.assign(new TestHost(), {
    mode: o.mode ?? "redeem",
    amount: o.amount ?? "42.50",
    locale: o.locale ?? "en",
    renderRoot: root as unknown as DocumentFragment,
  });
  let flow: FlowState = initialState;
  const edited: Field[] = [];
  const entry = new EntryController(host, {
    flow: () => flow,
    currency: () => "EUR",
    due: () => o.due ?? host.amount,
    edited: (field) => edited.push(field),
  });
  host.connect();
  const type = (name: string, value: string, event = "input") => {
    Object.assign(root, { name, value });
    root.dispatchEvent(new Event(event));
  };
  return { entry, host, edited, type, setFlow: (next: FlowState) => (flow = next) };
}

describe("EntryController", () => {
  it("keeps what is typed into each field and says which field changed; other inputs are not its own", () => {
    const { entry, host, edited, type } = setup();
    const updates = host.updates;
    type("code", "abcd 1234");
    type("pin", "12");
    type("amount", "10.00");
    type("validUntil", "2031-01-01");
    type("search", "x");
    expect(entry.values).toEqual({ code: "abcd 1234", pin: "12", amount: "10.00", validUntil: "2031-01-01" });
    expect(edited).toEqual(["code", "pin", "amount", "validUntil"]);
    expect(host.updates - updates).toBe(4);
  });

  it("leaving the code field shows it grouped; leaving another field changes nothing", () => {
    const { entry, type } = setup();
    type("code", "abcd1234efgh");
    type("pin", "", "focusout");
    expect(entry.values.code).toBe("abcd1234efgh");
    type("code", "", "focusout");
    expect(entry.values.code).toBe("ABCD-1234-EFGH");
  });

  it("the amount shows the due amount until one is typed, capped at a checked balance", () => {
    const { entry, type, setFlow } = setup({ locale: "de-DE" });
    expect(entry.amount).toBe("42,50");
    setFlow({ ...initialState, voucher: voucher("20.00") });
    expect(entry.amount).toBe("20,00");
    type("amount", "5");
    expect(entry.fields).toEqual({ code: "", pin: "", amount: "5" });
  });

  it("split tender's rest due is the default; a full-value-only voucher's balance is the amount, whatever was typed", () => {
    const { entry, type, setFlow } = setup({ due: "12.50" });
    expect(entry.amount).toBe("12.50");
    type("amount", "5");
    setFlow({ ...initialState, rules: rulesOf("fullValue"), voucher: voucher("30.00") });
    expect(entry.amount).toBe("30.00");
  });

  it("in issue mode the amount is the page's, not a voucher's", () => {
    const { entry, setFlow } = setup({ mode: "issue", due: "1.00" });
    setFlow({ ...initialState, voucher: voucher("20.00") });
    expect(entry.amount).toBe("42.50");
  });

  it("clearVoucher empties code, PIN and amount for the next voucher; clear empties everything", () => {
    const { entry, type } = setup();
    for (const name of ["code", "pin", "amount", "validUntil"]) type(name, "1");
    entry.clearVoucher();
    expect(entry.values).toEqual({ code: "", pin: "", amount: null, validUntil: "1" });
    entry.clear();
    expect(entry.values).toEqual({ code: "", pin: "", amount: null, validUntil: "" });
  });

  it("stops listening once the element is gone", () => {
    const { entry, host, type } = setup();
    host.disconnect();
    type("code", "abcd");
    expect(entry.values.code).toBe("");
  });
});
