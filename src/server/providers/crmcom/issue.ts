/**
 * Selling a CRM.COM electronic voucher with `vouchers/purchase_evoucher` (one voucher per call, R14+), then
 * reading its secret number, which the purchase answer does not carry, so the buyer gets code and PIN.
 * The value is the sale amount, so the configured voucher type must have VARIABLE value options.
 */
import { HttpProblem, isHttpProblem } from "../../errors/http-problem.ts";
import { toDecimalNumber } from "../decimal.ts";
import type { IssueInput, UpstreamIssued } from "../port.ts";
import type { CrmcomAccount } from "./account.schema.ts";
import type { CrmcomClient } from "./client.ts";
import { CrmVoucher, SecretNumberData } from "./schemas.ts";
import { byId, crmDate, voucherValue } from "./voucher.ts";

type IssueSettings = NonNullable<CrmcomAccount["issue"]>;

function purchaseBody(settings: IssueSettings, input: IssueInput): Record<string, unknown> {
  return {
    type_identifier: settings.voucherType,
    use_funds_from: settings.useFundsFrom,
    purchased_by_identifier: settings.purchasedBy,
    ...(settings.useFundsFrom === "WALLET" && settings.wallet ? { wallet_identifier: settings.wallet } : {}),
    ...(settings.soldByBusinessUnit ? { sold_by_business_unit_identifier: settings.soldByBusinessUnit } : {}),
    voucher_value: toDecimalNumber(input.amount),
    // Our operation id, unique as CRM.COM requires, ties the payment to this sale in the back office.
    back_office_code: input.ref,
    ...(input.note ? { description: input.note } : {}),
  };
}

/** Purchases one voucher and reads its secret number; a failure after the purchase is an unknown outcome. */
export async function issueVoucher(
  client: CrmcomClient,
  account: CrmcomAccount,
  settings: IssueSettings,
  input: IssueInput,
): Promise<UpstreamIssued> {
  const voucher = await client.post(
    "issue",
    "vouchers/purchase_evoucher",
    purchaseBody(settings, input),
    CrmVoucher,
    true,
  );
  try {
    const secret = await client.get("lookup", "vouchers/retrieve_secret_number", byId(voucher.id), SecretNumberData);
    return {
      code: voucher.number,
      pin: secret.secret_number,
      amount: voucherValue(voucher, account),
      validUntil: crmDate(voucher.expiration_date),
      status: "active",
    };
  } catch (error) {
    // The voucher exists upstream already: whatever failed after, the outcome is not "nothing happened".
    if (!isHttpProblem(error)) throw error;
    throw new HttpProblem(error.code, error.message, {
      retryAfterSeconds: error.retryAfterSeconds,
      outcomeUnknown: true,
      cause: error,
    });
  }
}
