import { describe, expect, it } from "vitest";
import type { Hold, Redemption, VoucherSummary } from "../shared/contract.schema.ts";
import { type AccountShape, rulesOf } from "./capabilities.fixture.ts";
import {
  type FlowAction,
  type FlowError,
  type FlowState,
  initialState,
  Phase,
  retryWaitOf,
  transition,
} from "./machine.ts";

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

/** The flow's start for an account shape (its capabilities loaded). */
const start = (shape: AccountShape): FlowState =>
  transition(initialState, { type: "configure", rules: rulesOf(shape) });
const checkFirst = start("checkFirst");

describe("transition: action sequences → phases", () => {
  const table: [string, FlowAction[], Phase[], FlowState?][] = [
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
      checkFirst,
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
      checkFirst,
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
      checkFirst,
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
  it.each(table)("%s", (_name, actions, expected, from) => {
    expect(phases(actions, from)).toEqual(expected);
  });
});

describe("transition: what the states carry", () => {
  it("JTL: the balance arrives with the hold", () => {
    const [, held] = run([{ type: "hold" }, { type: "held", hold }]);
    expect(held?.hold?.voucher.balance).toEqual({ amount: "50.00", currency: "EUR" });
    expect(held?.voucher).toBeNull();
  });

  it("a check's result is kept through a hold, and a code edit drops it while an amount edit keeps it", () => {
    const ready = transition(transition(checkFirst, { type: "check" }), { type: "checked", voucher });
    expect(transition(ready, { type: "edit", field: "amount" })).toMatchObject({ phase: Phase.Ready, voucher });
    expect(transition(ready, { type: "edit", field: "code" })).toMatchObject({ phase: Phase.Entering, voucher: null });
    expect(transition(ready, { type: "hold" })).toMatchObject({ phase: Phase.Holding, voucher });
  });

  it("validation errors on the entry form keep the checked balance and name the field", () => {
    const ready = transition(transition(checkFirst, { type: "check" }), { type: "checked", voucher });
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

describe("transition: each account shape (DESIGN §1), action sequences → phases", () => {
  const active = (kind: "value" | "access", status: VoucherSummary["status"] = "active"): VoucherSummary =>
    kind === "value" ? { ...voucher, status } : { maskedCode: "••••-ROOM", kind, status, validUntil: null };
  const table: [string, AccountShape, FlowAction[], Phase[]][] = [
    [
      "hold-first: a check is not offered at all",
      "holdFirst",
      [{ type: "check" }, { type: "hold" }, { type: "held", hold }],
      [Phase.Entering, Phase.Holding, Phase.Held],
    ],
    [
      "check-first: no hold before the check",
      "checkFirst",
      [{ type: "hold" }, { type: "check" }, { type: "checked", voucher }, { type: "hold" }, { type: "held", hold }],
      [Phase.Entering, Phase.Checking, Phase.Ready, Phase.Holding, Phase.Held],
    ],
    [
      "check-first: check, hold, release, then the voucher must be checked again",
      "checkFirst",
      [
        { type: "check" },
        { type: "checked", voucher },
        { type: "hold" },
        { type: "held", hold },
        { type: "release" },
        { type: "released" },
        { type: "hold" },
        { type: "check" },
      ],
      [
        Phase.Checking,
        Phase.Ready,
        Phase.Holding,
        Phase.Held,
        Phase.Held,
        Phase.Released,
        Phase.Released,
        Phase.Checking,
      ],
    ],
    [
      "check-first: a refused hold keeps the check, so the hold can be tried again",
      "checkFirst",
      [
        { type: "check" },
        { type: "checked", voucher },
        { type: "hold" },
        { type: "fail", error: err("INSUFFICIENT_BALANCE", "hold", "amount") },
        { type: "hold" },
      ],
      [Phase.Checking, Phase.Ready, Phase.Holding, Phase.Failed, Phase.Holding],
    ],
    [
      "check-first: an expired voucher stops at the check; no hold; Next starts over",
      "checkFirst",
      [
        { type: "check" },
        { type: "checked", voucher: active("value", "expired") },
        { type: "hold" },
        { type: "reset" },
      ],
      [Phase.Checking, Phase.Checked, Phase.Checked, Phase.Entering],
    ],
    [
      "check-first: a voucher held by another sale stops at the check; Escape starts over",
      "checkFirst",
      [{ type: "check" }, { type: "checked", voucher: active("value", "held") }, { type: "back" }],
      [Phase.Checking, Phase.Checked, Phase.Entering],
    ],
    [
      "full value only: check, hold (for the whole balance), redeem",
      "fullValue",
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
      "full value only: a hold refused as partial keeps the check",
      "fullValue",
      [
        { type: "check" },
        { type: "checked", voucher },
        { type: "hold" },
        { type: "fail", error: err("PARTIAL_NOT_SUPPORTED", "hold", "amount") },
      ],
      [Phase.Checking, Phase.Ready, Phase.Holding, Phase.Failed],
    ],
    [
      "check-only: an active voucher is shown, never held; Next starts over",
      "checkOnly",
      [{ type: "check" }, { type: "checked", voucher }, { type: "hold" }, { type: "redeem" }, { type: "reset" }],
      [Phase.Checking, Phase.Checked, Phase.Checked, Phase.Checked, Phase.Entering],
    ],
    [
      "check-only: a hold is refused from the start too",
      "checkOnly",
      [{ type: "hold" }, { type: "held", hold }],
      [Phase.Entering, Phase.Entering],
    ],
    [
      "access: a valid code is the whole result",
      "access",
      [{ type: "check" }, { type: "checked", voucher: active("access") }, { type: "hold" }, { type: "back" }],
      [Phase.Checking, Phase.Checked, Phase.Checked, Phase.Entering],
    ],
    [
      "access: an unknown code fails the check; editing it goes back to entering",
      "access",
      [
        { type: "check" },
        { type: "fail", error: err("VOUCHER_INVALID", "check", "code") },
        { type: "edit", field: "code" },
        { type: "check" },
        { type: "checked", voucher: active("access", "not_yet_valid") },
      ],
      [Phase.Checking, Phase.Failed, Phase.Entering, Phase.Checking, Phase.Checked],
    ],
  ];
  it.each(table)("%s", (_name, shape, actions, expected) => {
    expect(phases(actions, start(shape))).toEqual(expected);
  });

  it("every reset, failure and release keeps the account's rules", () => {
    const states = run(
      [
        { type: "check" },
        { type: "fail", error: err("VOUCHER_INVALID", "check", "code") },
        { type: "back" },
        { type: "check" },
        { type: "checked", voucher },
        { type: "hold" },
        { type: "held", hold },
        { type: "release" },
        { type: "released" },
        { type: "reset" },
      ],
      checkFirst,
    );
    for (const state of states) expect(state.rules).toEqual(rulesOf("checkFirst"));
  });

  it("configure: new rules start over; the same rules change nothing", () => {
    const ready = run([{ type: "check" }, { type: "checked", voucher }], checkFirst)[1]!;
    expect(transition(ready, { type: "configure", rules: rulesOf("access") })).toMatchObject({
      phase: Phase.Entering,
      voucher: null,
      rules: rulesOf("access"),
    });
    expect(transition(checkFirst, { type: "configure", rules: rulesOf("checkFirst") })).toEqual(checkFirst);
  });

  it("the check's answer is kept for the result view", () => {
    const expired = active("value", "expired");
    const [, checked] = run([{ type: "check" }, { type: "checked", voucher: expired }], checkFirst);
    expect(checked).toMatchObject({ phase: Phase.Checked, voucher: expired, error: null });
    // The form is gone: typing cannot reach the flow, and a late edit does nothing.
    expect(transition(checked!, { type: "edit", field: "code" })).toBe(checked);
  });
});

describe("retryWaitOf: how long a failed redeem waits before it may be tried again", () => {
  const failed = (error: Partial<FlowError>): FlowError => ({
    code: "PROVIDER_UNAVAILABLE",
    operation: "redeem",
    retryable: true,
    ...error,
  });
  it.each<[string, FlowError | null, number]>([
    ["a redeem not confirmed yet, with the BFF's wait", failed({ retryAfterSeconds: 25 }), 25],
    ["a retryable redeem failure without a wait: at once", failed({}), 0],
    ["a redeem refused for good: nothing to wait for", failed({ retryable: false, retryAfterSeconds: 25 }), 0],
    ["another operation's wait is not the redeem's", failed({ operation: "hold", retryAfterSeconds: 25 }), 0],
    ["no error", null, 0],
  ])("%s", (_name, error, seconds) => {
    expect(retryWaitOf(error)).toBe(seconds);
  });
});
