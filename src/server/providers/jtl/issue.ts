/**
 * Selling a JTL voucher: create it (JTL creates vouchers inactive), activate it, then read its code and PIN
 * through `/complete` (scope `read-secrets`), since JTL generates the code by the merchant's own rules.
 */
import { HttpProblem, isHttpProblem } from "../../errors/http-problem.ts";
import type { IssueInput, UpstreamIssued } from "../port.ts";
import { fromJtlAmount, toJtlAmount } from "./amount.ts";
import type { JtlClient } from "./client.ts";
import { JtlVoucher, JtlVoucherComplete } from "./schemas.ts";

const DAY_MS = 86_400_000;

/** Creates, activates and reads back one voucher; any failure after the create is an unknown outcome. */
export async function issueVoucher(client: JtlClient, input: IssueInput, now: () => number): Promise<UpstreamIssued> {
  const json: Record<string, unknown> = {
    amount: toJtlAmount(input.amount),
    currency: input.amount.currency,
    order_number: input.ref,
  };
  if (input.validUntil) {
    // JTL counts validity from activation in whole intervals. Days round up, with a minute's margin for
    // JTL's clock and second-truncated times, so the voucher never ends before the date asked for.
    const span = input.validUntil.getTime() - now() + 60_000;
    json.validity_value = Math.max(1, Math.ceil(span / DAY_MS));
    json.validity_interval = "days";
  }
  if (input.note) json.data = JSON.stringify({ note: input.note });
  const created = await client.call(
    "issue",
    { method: "POST", path: "/v1/vouchers", json, movesMoney: true },
    JtlVoucher,
  );

  try {
    const path = `/v1/vouchers/${encodeURIComponent(created.id)}`;
    const activate = { status: "active", comment: `Sold (${input.ref})` };
    await client.call(
      "issue",
      { method: "PATCH", path: `${path}/status`, json: activate, movesMoney: true },
      JtlVoucher,
    );
    const voucher = await client.call("issue", { method: "GET", path: `${path}/complete` }, JtlVoucherComplete);
    return {
      code: voucher.code,
      ...(voucher.pin ? { pin: voucher.pin } : {}),
      amount: { minor: fromJtlAmount(voucher.amount, voucher.currency), currency: voucher.currency },
      validUntil: voucher.valid_until === null ? null : new Date(voucher.valid_until),
      status: voucher.status === "active" ? "active" : "inactive",
    };
  } catch (error) {
    // The voucher exists upstream already: whatever failed after, the outcome is not "nothing happened".
    if (!isHttpProblem(error)) throw error;
    throw new HttpProblem(error.code, error.message, {
      status: error.status,
      retryAfterSeconds: error.retryAfterSeconds,
      outcomeUnknown: true,
      cause: error,
    });
  }
}
