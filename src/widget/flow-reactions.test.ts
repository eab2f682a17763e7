import { describe, expect, it } from "vitest";
import { type AccountShape, rulesOf } from "../flow/capabilities.fixture.ts";
import { type FlowAction, type FlowState, initialState, transition } from "../flow/machine.ts";
import type { Hold, Redemption, VoucherSummary } from "../shared/contract.schema.ts";
import { focusTargetFor, reactToFlow } from "./flow-reactions.ts";
import { issuedDetail } from "./issue-mode.ts";

const hold: Hold = {
  id: "h1",
  state: "active",
  amount: { amount: "10.00", currency: "EUR" },
  expiresAt: "2030-01-01T12:30:00.000Z",
  serverTime: "2030-01-01T12:00:00.000Z",
  keptBy: "provider",
  voucher: { maskedCode: "••••-••••-7Q2K", balance: { amount: "25.00", currency: "EUR" } },
};
const redemption: Redemption = {
  id: "r1",
  holdId: "h1",
  amount: { amount: "10.00", currency: "EUR" },
  remainingBalance: { amount: "15.00", currency: "EUR" },
  orderRef: "A-1",
  createdAt: "2030-01-01T12:01:00.000Z",
};

/** Runs actions (on an account of `shape`) and collects every reaction. */
function react(actions: FlowAction[], shape: AccountShape = "holdFirst") {
  let state: FlowState = transition(initialState, { type: "configure", rules: rulesOf(shape) });
  return actions.map((action) => {
    const next = transition(state, action);
    const reaction = reactToFlow(next, state, action);
    state = next;
    return { state, reaction };
  });
}

describe("reactToFlow", () => {
  const steps = react([
    { type: "hold" },
    { type: "held", hold },
    { type: "extend" },
    { type: "extended", hold: { ...hold, id: "h2", expiresAt: "2030-01-01T12:45:00.000Z" } },
    { type: "redeem" },
    { type: "redeemed", redemption: { ...redemption, holdId: "h2" } },
  ]);

  it("fires voucher-held on hold and on extend, voucher-redeemed once", () => {
    const names = steps.flatMap((s) => s.reaction.events.map(([name]) => name));
    expect(names).toEqual(["voucher-held", "voucher-held", "voucher-redeemed"]);
    expect(steps[3]?.reaction.events[0]?.[1]).toMatchObject({ holdId: "h2", extended: true });
  });

  it("starts the countdown on each new expiry and stops it when the hold is done", () => {
    expect(steps.map((s) => s.reaction.startCountdown)).toEqual([
      null,
      "2030-01-01T12:30:00.000Z",
      null,
      "2030-01-01T12:45:00.000Z",
      null,
      null,
    ]);
    expect(steps.at(-1)?.reaction.stopCountdown).toBe(true);
  });

  it("the form value is the hold id while there is one; the PIN is cleared once held", () => {
    expect(steps.map((s) => s.reaction.formValue)).toEqual([null, "h1", "h1", "h2", "h2", "h2"]);
    expect(steps[1]?.reaction.clearPin).toBe(true);
  });

  it("release and expiry announce the hold id only", () => {
    const released = react([{ type: "hold" }, { type: "held", hold }, { type: "release" }, { type: "released" }]);
    expect(released[3]?.reaction.events).toEqual([["voucher-released", { holdId: "h1" }]]);
    const expired = react([{ type: "hold" }, { type: "held", hold }, { type: "expire" }]);
    expect(expired[2]?.reaction.events).toEqual([["voucher-expired", { holdId: "h1" }]]);
  });

  it("no event detail carries a PIN or a full code", () => {
    const all = JSON.stringify(steps.map((s) => s.reaction.events));
    expect(all).not.toMatch(/1234|ABCD/);
    expect(
      issuedDetail({ code: "NEW1", pin: "9876", amount: hold.amount, validUntil: null, status: "active" }),
    ).not.toHaveProperty("pin");
  });
});

describe("focusTargetFor", () => {
  it("puts focus where the next keystroke belongs", () => {
    const [holding, held, asking] = react([{ type: "hold" }, { type: "held", hold }, { type: "back" }]).map(
      (s) => s.state,
    );
    expect(focusTargetFor(initialState)).toBe("#code");
    expect(focusTargetFor(holding!)).toBeNull();
    expect(focusTargetFor(held!)).toBe("[data-action=redeem]");
    expect(focusTargetFor(asking!)).toBe("[part~=confirm] [data-action=release]");
    const failed = transition(initialState, {
      type: "fail",
      error: { code: "PIN_LOCKED", field: "pin", operation: "hold", retryable: true },
    });
    expect(focusTargetFor(failed)).toBe("#pin");
    const fail = (code: string, retryable: boolean) =>
      transition(initialState, { type: "fail", error: { code, operation: "hold", retryable } });
    // Nothing to correct, but worth another go: the form's button, where Enter retries.
    expect(focusTargetFor(fail("NETWORK_ERROR", true))).toBe("form [type=submit]");
    expect(focusTargetFor(fail("PROVIDER_UNAVAILABLE", true))).toBe("form [type=submit]");
    expect(focusTargetFor(fail("FORBIDDEN", false))).toBe("#code");
  });
});

describe("after a check", () => {
  const checked = (shape: AccountShape, voucher: VoucherSummary) =>
    react([{ type: "check" }, { type: "checked", voucher }], shape)[1]!;
  const code: VoucherSummary = { maskedCode: "••••-ROOM", kind: "access", status: "active", validUntil: null };
  const value: VoucherSummary = {
    maskedCode: "••••-1211",
    kind: "value",
    status: "active",
    balance: { amount: "25.00", currency: "EUR" },
  };

  it("an access code fires voucher-checked with kind access, and focus goes to Next voucher", () => {
    const { state, reaction } = checked("access", code);
    expect(reaction.events).toEqual([["voucher-checked", { ...code, balance: undefined }]]);
    expect(focusTargetFor(state)).toBe("[data-action=next]");
  });

  it("a check-only voucher: the result, then Next voucher", () => {
    expect(focusTargetFor(checked("checkOnly", value).state)).toBe("[data-action=next]");
  });

  it("check-first: focus goes to the amount, also when it is read-only (full value only)", () => {
    expect(focusTargetFor(checked("checkFirst", value).state)).toBe("#amount");
    expect(focusTargetFor(checked("fullValue", value).state)).toBe("#amount");
  });
});
