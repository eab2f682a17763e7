import { describe, expect, it } from "vitest";
import type { IssuedVoucher } from "../shared/contract.schema.ts";
import { type IssueAction, IssuePhase, initialIssueState, transitionIssue } from "./issue-machine.ts";

const voucher: IssuedVoucher = {
  code: "NEWCODE123",
  amount: { amount: "25.00", currency: "EUR" },
  validUntil: null,
  status: "active",
};
const fail: IssueAction = { type: "fail", error: { code: "NETWORK_ERROR", operation: "issue", retryable: true } };

function phases(actions: IssueAction[]) {
  let state = initialIssueState;
  return actions.map((action) => {
    state = transitionIssue(state, action);
    return state.phase;
  });
}

describe("transitionIssue", () => {
  it.each<[string, IssueAction[], IssuePhase[]]>([
    ["sell", [{ type: "issue" }, { type: "issued", voucher }], [IssuePhase.Issuing, IssuePhase.Issued]],
    [
      "fail, edit, sell again",
      [{ type: "issue" }, fail, { type: "edit" }, { type: "issue" }],
      ["issuing", "failed", "entering", "issuing"],
    ],
    ["retry straight from failed", [{ type: "issue" }, fail, { type: "issue" }], ["issuing", "failed", "issuing"]],
    [
      "no second sale while one runs",
      [{ type: "issue" }, { type: "issue" }, { type: "reset" }],
      ["issuing", "issuing", "issuing"],
    ],
    [
      "sell another",
      [{ type: "issue" }, { type: "issued", voucher }, { type: "reset" }],
      ["issuing", "issued", "entering"],
    ],
    ["stray answers are ignored", [{ type: "issued", voucher }, { type: "edit" }], ["entering", "entering"]],
  ])("%s", (_name, actions, expected) => {
    expect(phases(actions)).toEqual(expected);
  });

  it("keeps the issued voucher and the error", () => {
    const issued = transitionIssue(transitionIssue(initialIssueState, { type: "issue" }), { type: "issued", voucher });
    expect(issued.voucher).toEqual(voucher);
    expect(transitionIssue(transitionIssue(initialIssueState, { type: "issue" }), fail).error?.code).toBe(
      "NETWORK_ERROR",
    );
  });
});
