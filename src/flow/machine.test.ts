import { describe, expect, it } from "vitest";
import type { Hold, Redemption, VoucherSummary } from "../shared/contract.schema.ts";
import { type FlowAction, type FlowError, type FlowState, initialState, Phase, transition } from "./machine.ts";

const voucher: VoucherSummary = {
  maskedCode: "••••-••••-7Q2K",
  kind: "value",
  balance: { amount: "50.00", currency: "EUR" },
  status: "active",
};
const hold: Hold = {
  id: "h1",
  state: "active",
  amount: { amount: "42.50", currency: "EUR" },
  expiresAt: "2030-01-01T12:30:00.000Z",
  serverTime: "2030-01-01T12:00:00.000Z",
  keptBy: "provider",
  voucher: { maskedCode: "••••-••••-7Q2K", balance: { amount: "50.00", currency: "EUR" } },
};
const extended: Hold = { ...hold, id: "h2", expiresAt: "2030-01-01T12:45:00.000Z" };
const redemption: Redemption = {
  id: "r1",
  holdId: "h1",
  amount: { amount: "42.50", currency: "EUR" },
  remainingBalance: { amount: "7.50", currency: "EUR" },
  orderRef: "A-1",
  createdAt: "2030-01-01T12:01:00.000Z",
};
const err = (code: string, operation: FlowError["operation"], field?: FlowError["field"]): FlowError => ({
  code,
  operation,
  retryable: false,
  ...(field ? { field } : {}),
});

function run(actions: FlowAction[], from: FlowState = initialState): FlowState[] {
  const states: FlowState[] = [];
  let state = from;
  for (const action of actions) {
    state = transition(state, action);
    states.push(state);
  }
  return states;
}

const phases = (actions: FlowAction[], from?: FlowState) => run(actions, from).map((s) => s.phase);

describe("transition: action sequences → phases", () => {
  const table: [string, FlowAction[], Phase[]][] = [
    [
      "JTL path: no check, hold straight away, balance known after the hold, redeem",
      [{ type: "hold" }, { type: "held", hold }, { type: "redeem" }, { type: "redeemed", redemption }],
      [Phase.Holding, Phase.Held, Phase.Redeeming, Phase.Redeemed],
    ],
    [
      "check first, then hold and redeem",
      [
        { type: "check" },
        { type: "checked", voucher },
        { type: "hold" },
        { type: "held", hold },
        { type: "redeem" },
        { type: "redeemed", redemption },
      ],
      [Phase.Checking, Phase.Ready, Phase.Holding, Phase.Held, Phase.Redeeming, Phase.Redeemed],
    ],
    [
      "wrong PIN, fix it, hold again",
      [
        { type: "hold" },
        { type: "fail", error: err("VOUCHER_INVALID", "hold", "code") },
        { type: "edit", field: "pin" },
        { type: "hold" },
        { type: "held", hold },
      ],
      [Phase.Holding, Phase.Failed, Phase.Entering, Phase.Holding, Phase.Held],
    ],
    [
      "release with the button",
      [{ type: "hold" }, { type: "held", hold }, { type: "release" }, { type: "released" }],
      [Phase.Holding, Phase.Held, Phase.Held, Phase.Released],
    ],
    [
      "Escape on a hold asks, Escape again keeps it",
      [{ type: "hold" }, { type: "held", hold }, { type: "back" }, { type: "back" }],
      [Phase.Holding, Phase.Held, Phase.Held, Phase.Held],
    ],
    [
      "Escape on a hold asks, then release is confirmed",
      [{ type: "hold" }, { type: "held", hold }, { type: "back" }, { type: "release" }, { type: "released" }],
      [Phase.Holding, Phase.Held, Phase.Held, Phase.Held, Phase.Released],
    ],
    [
      "extend keeps the hold and takes the new expiry",
      [{ type: "hold" }, { type: "held", hold }, { type: "extend" }, { type: "extended", hold: extended }],
      [Phase.Holding, Phase.Held, Phase.Held, Phase.Held],
    ],
    [
      "expiry returns to entry; typing starts over",
      [{ type: "hold" }, { type: "held", hold }, { type: "expire" }, { type: "edit", field: "code" }],
      [Phase.Holding, Phase.Held, Phase.Expired, Phase.Entering],
    ],
    [
      "a hold can start again straight from expired",
      [{ type: "hold" }, { type: "held", hold }, { type: "expire" }, { type: "hold" }],
      [Phase.Holding, Phase.Held, Phase.Expired, Phase.Holding],
    ],
    [
      "redeem after expiry on the server → expired",
      [
        { type: "hold" },
        { type: "held", hold },
        { type: "redeem" },
        { type: "fail", error: err("HOLD_EXPIRED", "redeem") },
      ],
      [Phase.Holding, Phase.Held, Phase.Redeeming, Phase.Expired],
    ],
    [
      "redeem fails retryably → still held, redeem again",
      [
        { type: "hold" },
        { type: "held", hold },
        { type: "redeem" },
        { type: "fail", error: { ...err("NETWORK_ERROR", "redeem"), retryable: true } },
        { type: "redeem" },
        { type: "redeemed", redemption },
      ],
      [Phase.Holding, Phase.Held, Phase.Redeeming, Phase.Held, Phase.Redeeming, Phase.Redeemed],
    ],
    [
      "the countdown does not interrupt a redeem on its way",
      [
        { type: "hold" },
        { type: "held", hold },
        { type: "redeem" },
        { type: "expire" },
        { type: "redeemed", redemption },
      ],
      [Phase.Holding, Phase.Held, Phase.Redeeming, Phase.Redeeming, Phase.Redeemed],
    ],
    [
      "Escape cancels a check; its late answer is ignored",
      [{ type: "check" }, { type: "back" }, { type: "checked", voucher }],
      [Phase.Checking, Phase.Entering, Phase.Entering],
    ],
    [
      "a hold's late answer after reset is ignored",
      [{ type: "hold" }, { type: "reset" }, { type: "held", hold }],
      [Phase.Holding, Phase.Entering, Phase.Entering],
    ],
    [
      "nothing happens to actions that do not apply",
      [{ type: "redeem" }, { type: "extend" }, { type: "release" }, { type: "expire" }, { type: "held", hold }],
      [Phase.Entering, Phase.Entering, Phase.Entering, Phase.Entering, Phase.Entering],
    ],
    [
      "no redeem while an extend is running",
      [{ type: "hold" }, { type: "held", hold }, { type: "extend" }, { type: "redeem" }],
      [Phase.Holding, Phase.Held, Phase.Held, Phase.Held],
    ],
    [
      "failed check, Escape goes back to entering",
      [{ type: "check" }, { type: "fail", error: err("VOUCHER_INVALID", "check", "code") }, { type: "back" }],
      [Phase.Checking, Phase.Failed, Phase.Entering],
    ],
    [
      "Escape after redeemed starts over",
      [
        { type: "hold" },
        { type: "held", hold },
        { type: "redeem" },
        { type: "redeemed", redemption },
        { type: "back" },
      ],
      [Phase.Holding, Phase.Held, Phase.Redeeming, Phase.Redeemed, Phase.Entering],
    ],
    [
      "the hold vanished on the server while extending → failed",
      [
        { type: "hold" },
        { type: "held", hold },
        { type: "extend" },
        { type: "fail", error: err("HOLD_NOT_FOUND", "extend") },
      ],
      [Phase.Holding, Phase.Held, Phase.Held, Phase.Failed],
    ],
  ];
  it.each(table)("%s", (_name, actions, expected) => {
    expect(phases(actions)).toEqual(expected);
  });
});

describe("transition: what the states carry", () => {
  it("JTL: the balance arrives with the hold", () => {
    const [, held] = run([{ type: "hold" }, { type: "held", hold }]);
    expect(held?.hold?.voucher.balance).toEqual({ amount: "50.00", currency: "EUR" });
    expect(held?.voucher).toBeNull();
  });

  it("a check's result is kept through a hold, and a code edit drops it while an amount edit keeps it", () => {
    const ready = transition(transition(initialState, { type: "check" }), { type: "checked", voucher });
    expect(transition(ready, { type: "edit", field: "amount" })).toMatchObject({ phase: Phase.Ready, voucher });
    expect(transition(ready, { type: "edit", field: "code" })).toMatchObject({ phase: Phase.Entering, voucher: null });
    expect(transition(ready, { type: "hold" })).toMatchObject({ phase: Phase.Holding, voucher });
  });

  it("validation errors on the entry form keep the checked balance and name the field", () => {
    const ready = transition(transition(initialState, { type: "check" }), { type: "checked", voucher });
    const failed = transition(ready, { type: "fail", error: err("AMOUNT_INVALID", "validate", "amount") });
    expect(failed).toMatchObject({ phase: Phase.Failed, voucher, error: { field: "amount" } });
    expect(transition(failed, { type: "edit", field: "amount" })).toMatchObject({ phase: Phase.Ready, error: null });
  });

  it("a failure on a hold keeps the hold and shows the error; the next try clears it", () => {
    const states = run([
      { type: "hold" },
      { type: "held", hold },
      { type: "extend" },
      { type: "fail", error: { ...err("PROVIDER_UNAVAILABLE", "extend"), retryable: true } },
      { type: "extend" },
    ]);
    expect(states[3]).toMatchObject({ phase: Phase.Held, hold, busy: null, error: { code: "PROVIDER_UNAVAILABLE" } });
    expect(states[4]).toMatchObject({ busy: "extend", error: null });
  });

  it("extend swaps in the new hold (JTL re-reserves with a new id)", () => {
    const states = run([
      { type: "hold" },
      { type: "held", hold },
      { type: "extend" },
      { type: "extended", hold: extended },
    ]);
    expect(states[3]?.hold).toEqual(extended);
  });

  it("released and expired keep the ended hold for the message; redeemed carries the redemption", () => {
    expect(run([{ type: "hold" }, { type: "held", hold }, { type: "release" }, { type: "released" }])[3]?.hold).toEqual(
      hold,
    );
    expect(run([{ type: "hold" }, { type: "held", hold }, { type: "expire" }])[2]?.hold).toEqual(hold);
    expect(
      run([{ type: "hold" }, { type: "held", hold }, { type: "redeem" }, { type: "redeemed", redemption }])[3],
    ).toMatchObject({
      hold,
      redemption,
    });
  });

  it("returns the very same object when nothing applies (cheap change detection)", () => {
    expect(transition(initialState, { type: "redeem" })).toBe(initialState);
    expect(transition(initialState, { type: "reset" })).toBe(initialState);
    expect(transition(initialState, { type: "edit", field: "code" })).toBe(initialState);
  });

  it("a confirmation is cancelled by any hold action", () => {
    const asking = run([{ type: "hold" }, { type: "held", hold }, { type: "askRelease" }])[2]!;
    expect(asking.confirmingRelease).toBe(true);
    expect(transition(asking, { type: "keepHold" }).confirmingRelease).toBe(false);
    expect(transition(asking, { type: "redeem" }).confirmingRelease).toBe(false);
  });
});
