/** Reading the issue form (selling a voucher): value and optional validity date. Pure, like `entry-input.ts`. */
import type { IssueRequest } from "../shared/contract.schema.ts";
import { InputErrorCode, invalid, type Parsed, readAmount } from "./entry-input.ts";

/** An issue request: amount, and a validity date (YYYY-MM-DD from a date input: the end of that local day). */
export function readIssue(amountText: string, validUntil: string, currency: string): Parsed<IssueRequest> {
  const amount = readAmount(amountText, currency);
  if (!amount.ok) return amount;
  if (!validUntil) return { ok: true, value: { amount: amount.value } };
  const [y, m, d] = (/^(\d{4})-(\d{2})-(\d{2})$/.exec(validUntil) ?? []).slice(1).map(Number);
  const date = y && m && d ? new Date(y, m - 1, d, 23, 59, 59) : null;
  if (!date || date.getDate() !== d) return invalid(InputErrorCode.DATE_INVALID, "validUntil");
  return { ok: true, value: { amount: amount.value, validUntil: date.toISOString() } };
}
