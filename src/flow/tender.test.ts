import { describe, expect, it } from "vitest";
import type { Hold, Redemption } from "../shared/contract.schema.ts";
import { type FlowError, initialState, Phase, transition } from "./machine.ts";
import {
  coveredMinor,
  emptyTender,
  ItemState,
  redeemable,
  remainingDueMinor,
  type TenderAction,
  type TenderState,
  tenderBusy,
  tenderComplete,
  tenderSettling,
  tenderTransition,
} from "./tender.ts";

const hold = (id: string, amount: string): Hold => ({
  id,
  state: "active",
  amount: { amount, currency: "EUR" },
  expiresAt: "2030-01-01T12:30:00.000Z",
  serverTime: "2030-01-01T12:00:00.000Z",
  keptBy: "provider",
  voucher: { maskedCode: `••••-${id.toUpperCase()}`, balance: { amount: "50.00", currency: "EUR" } },
});
const redemption = (id: string, amount: string): Redemption => ({
  id: `r-${id}`,
  holdId: id,
  amount: { amount, currency: "EUR" },
  orderRef: "A-1",
  createdAt: "2030-01-01T12:01:00.000Z",
});
const error = (code: string, retryable: boolean): FlowError => ({ code, operation: "redeem", retryable });
const a = hold("a", "20.00");
const b = hold("b", "12.50");

function run(actions: TenderAction[], from: TenderState = emptyTender): TenderState {
  return actions.reduce(tenderTransition, from);
}
const states = (s: TenderState) => s.items.map((i) => `${i.hold.id}:${i.state}`);
const two: TenderAction[] = [
  { type: "add", hold: a },
  { type: "add", hold: b },
];

describe("split tender: action sequences → items", () => {
  const table: [string, TenderAction[], string[]][] = [
    ["two vouchers are held side by side", two, ["a:held", "b:held"]],
    ["adding the same hold twice keeps one", [...two, { type: "add", hold: a }], ["a:held", "b:held"]],
    [
      "both redeemed",
      [
        ...two,
        { type: "redeem", id: "a" },
        { type: "redeem", id: "b" },
        { type: "redeemed", id: "b", redemption: redemption("b", "12.50") },
        { type: "redeemed", id: "a", redemption: redemption("a", "20.00") },
      ],
      ["a:redeemed", "b:redeemed"],
    ],
    [
      "one fails: the other keeps its redemption, the failed one waits for a retry",
      [
        ...two,
        { type: "redeem", id: "a" },
        { type: "redeem", id: "b" },
        { type: "fail", id: "a", error: error("PROVIDER_UNAVAILABLE", true) },
        { type: "redeemed", id: "b", redemption: redemption("b", "12.50") },
      ],
      ["a:failed", "b:redeemed"],
    ],
    [
      "a retry of the failed one redeems it; the redeemed one is never sent again",
      [
        ...two,
        { type: "redeem", id: "a" },
        { type: "redeem", id: "b" },
        { type: "fail", id: "a", error: error("PROVIDER_UNAVAILABLE", true) },
        { type: "redeemed", id: "b", redemption: redemption("b", "12.50") },
        { type: "redeem", id: "b" },
        { type: "redeem", id: "a" },
        { type: "redeemed", id: "a", redemption: redemption("a", "20.00") },
      ],
      ["a:redeemed", "b:redeemed"],
    ],
    [
      "a redeem that finds the hold expired takes it off the list",
      [...two, { type: "redeem", id: "a" }, { type: "fail", id: "a", error: error("HOLD_EXPIRED", false) }],
      ["b:held"],
    ],
    ["remove: released and gone", [...two, { type: "release", id: "b" }, { type: "released", id: "b" }], ["a:held"]],
    [
      "a refused release leaves the voucher held",
      [...two, { type: "release", id: "b" }, { type: "fail", id: "b", error: error("PROVIDER_ERROR", false) }],
      ["a:held", "b:held"],
    ],
    ["its countdown ran out: off the list", [...two, { type: "expire", id: "a" }], ["b:held"]],
    [
      "expiry does not cut a redeem short (the server decides)",
      [...two, { type: "redeem", id: "a" }, { type: "expire", id: "a" }],
      ["a:redeeming", "b:held"],
    ],
    [
      "a late answer for an item no longer on the list changes nothing",
      [...two, { type: "expire", id: "a" }, { type: "redeemed", id: "a", redemption: redemption("a", "20.00") }],
      ["b:held"],
    ],
    ["clear empties the list", [...two, { type: "clear" }], []],
  ];
  it.each(table)("%s", (_name, actions, expected) => {
    expect(states(run(actions))).toEqual(expected);
  });

  it("an action that does not apply returns the very same state", () => {
    const s = run(two);
    for (const action of [
      { type: "redeemed", id: "a", redemption: redemption("a", "20.00") },
      { type: "released", id: "zzz" },
      { type: "fail", id: "a", error: error("INTERNAL", true) },
      { type: "redeem", id: "zzz" },
    ] satisfies TenderAction[]) {
      expect(tenderTransition(s, action)).toBe(s);
    }
    expect(tenderTransition(emptyTender, { type: "clear" })).toBe(emptyTender);
  });

  it("says why a voucher left the list by itself", () => {
    expect(run([...two, { type: "expire", id: "a" }]).notice).toEqual({ code: "HOLD_EXPIRED", maskedCode: "••••-A" });
    const gone = run([
      ...two,
      { type: "release", id: "a" },
      { type: "fail", id: "a", error: error("HOLD_NOT_FOUND", false) },
    ]);
    expect(gone.notice).toEqual({ code: "HOLD_NOT_FOUND", maskedCode: "••••-A" });
    expect(run([...two, { type: "expire", id: "a" }, { type: "add", hold: hold("c", "1.00") }]).notice).toBeNull();
  });
});

describe("split tender: what is covered and what is due", () => {
  it("sums the vouchers and leaves the rest due, never below zero", () => {
    const s = run(two);
    expect(coveredMinor(s)).toBe(3250);
    expect(remainingDueMinor(s, 4250)).toBe(1000);
    expect(remainingDueMinor(s, 3000)).toBe(0);
    expect(remainingDueMinor(s, null)).toBeNull();
    expect(remainingDueMinor(emptyTender, 4250)).toBe(4250);
  });

  it("knows when the sale is busy, settling and complete", () => {
    const s = run([...two, { type: "redeem", id: "a" }]);
    expect(tenderBusy(s)).toBe(true);
    expect(tenderSettling(s)).toBe(true);
    expect(tenderSettling(run(two))).toBe(false);
    const done = run(
      [
        { type: "redeem", id: "b" },
        { type: "redeemed", id: "b", redemption: redemption("b", "12.50") },
        { type: "redeemed", id: "a", redemption: redemption("a", "20.00") },
      ],
      s,
    );
    expect(tenderComplete(done)).toBe(true);
    expect(tenderComplete(emptyTender)).toBe(false);
    expect(tenderBusy(done)).toBe(false);
  });

  it("redeem all takes held and retryable failed items, not redeemed or finally refused ones", () => {
    const s = run([
      ...two,
      { type: "add", hold: hold("c", "1.00") },
      { type: "redeem", id: "a" },
      { type: "redeem", id: "b" },
      { type: "redeem", id: "c" },
      { type: "fail", id: "a", error: error("PROVIDER_UNAVAILABLE", true) },
      { type: "fail", id: "b", error: error("INSUFFICIENT_BALANCE", false) },
      { type: "redeemed", id: "c", redemption: redemption("c", "1.00") },
      { type: "add", hold: hold("d", "2.00") },
    ]);
    expect(redeemable(s).map((i) => i.hold.id)).toEqual(["a", "d"]);
    expect(s.items.find((i) => i.hold.id === "b")?.state).toBe(ItemState.Failed);
  });
});

describe("the entry flow hands its hold over", () => {
  it("held → handOff → a fresh entry with the rules kept; other phases ignore it", () => {
    const held = transition(transition(initialState, { type: "hold" }), { type: "held", hold: a });
    const next = transition(held, { type: "handOff" });
    expect(next.phase).toBe(Phase.Entering);
    expect(next.hold).toBeNull();
    expect(next.rules).toBe(held.rules);
    expect(transition(initialState, { type: "handOff" })).toBe(initialState);
    const extending = transition(held, { type: "extend" });
    expect(transition(extending, { type: "handOff" })).toBe(extending);
  });
});
