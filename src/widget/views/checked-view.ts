/**
 * A check's answer: the summary of a checked voucher (also shown above the amount on check-first
 * accounts), and the result view for a check that is the whole story here (an access code, a check-only
 * account, a voucher that cannot be held). Why it stops is said in the alert region, not here.
 */
import { html, nothing, type TemplateResult } from "lit";
import type { CheckVerdict } from "../../flow/offer.ts";
import type { Money, VoucherSummary } from "../../shared/contract.schema.ts";
import type { Messages } from "../messages/index.ts";
import { button } from "./field.ts";

export interface SummaryInput {
  m: Messages;
  voucher: VoucherSummary;
  money: (value: Money) => string;
  date: (iso: string) => string;
}

/** Status, balance and validity of a checked voucher (the code is shown too once the form is gone). */
export function voucherSummary({ m, voucher, money, date }: SummaryInput, withCode = false): TemplateResult {
  const until = voucher.validUntil;
  return html`<dl part="summary">
    ${withCode ? html`<dt>${m.voucher}</dt><dd part="masked-code">${voucher.maskedCode}</dd>` : nothing}
    <dt>${m.status}</dt>
    <dd part="voucher-status" data-status=${voucher.status}>${m.statuses[voucher.status]}</dd>
    ${voucher.balance ? html`<dt>${m.balance}</dt><dd part="balance">${money(voucher.balance)}</dd>` : nothing}
    ${
      until !== undefined
        ? html`<dt>${m.validUntil}</dt><dd part="valid-until">${until ? date(until) : m.noExpiry}</dd>`
        : nothing
    }
  </dl>`;
}

/** The result of a check that goes no further: the verdict for access codes, the summary, Next voucher. */
export function checkedView(i: SummaryInput & { verdict: CheckVerdict }): TemplateResult {
  const { m, voucher, verdict } = i;
  const valid = verdict === "valid";
  return html`<div class="view" part="checked">
    ${
      voucher.kind === "access"
        ? html`<p part="verdict" class=${valid ? "valid" : "invalid"}>${valid ? m.valid : m.notValid}</p>`
        : nothing
    }
    ${voucherSummary(i, true)}
    <div class="actions" part="actions">${button({ label: m.next, action: "next", primary: true })}</div>
  </div>`;
}
