/**
 * Issue mode (selling a voucher): the value, a validity date where the account allows choosing one, then
 * the new code shown large with copy and print buttons, and its PIN if it has one. Printed, the card
 * (title, code, PIN, value, validity) is all that is on the sheet.
 */
import { html, nothing, type TemplateResult } from "lit";
import { IssuePhase, type IssueState } from "../../flow/issue-machine.ts";
import type { Capabilities, Money } from "../../shared/contract.schema.ts";
import { groupCode } from "../../shared/voucher-code.ts";
import type { Messages } from "../messages/index.ts";
import { button, field } from "./field.ts";

export interface IssueViewInput {
  m: Messages;
  state: IssueState;
  caps: Capabilities;
  amount: string;
  validUntil: string;
  currency: string;
  money: (value: Money) => string;
  date: (iso: string) => string;
}

export function issueView(i: IssueViewInput): TemplateResult {
  const { m, state } = i;
  const v = state.voucher;
  if (state.phase === IssuePhase.Issued && v) {
    return html`<div class="view" part="issued">
      <p part="issued-title">${m.title}</p>
      <p>
        <span id="issued-code-label">${m.code}</span>
        <output part="issued-code" aria-labelledby="issued-code-label">${groupCode(v.code)}</output>
      </p>
      <dl part="summary">
        ${v.pin ? html`<dt>${m.pin}</dt><dd part="issued-pin">${v.pin}</dd>` : nothing}
        <dt>${m.value}</dt>
        <dd>${i.money(v.amount)}</dd>
        <dt>${m.validUntil}</dt>
        <dd>${v.validUntil ? i.date(v.validUntil) : m.noExpiry}</dd>
      </dl>
      <div class="actions" part="actions">
        ${button({ label: m.copy, action: "copy", primary: true, part: "copy-button" })}
        ${button({ label: m.print, action: "print", part: "print-button" })}
        ${button({ label: m.sellAnother, action: "next" })}
      </div>
    </div>`;
  }
  const busy = state.phase === IssuePhase.Issuing;
  const errorField = state.error?.field;
  return html`<form part="form" novalidate>
    ${field({
      name: "amount",
      label: `${m.issueAmount} (${i.currency})`,
      value: i.amount,
      part: "amount-input",
      invalid: errorField === "amount",
      readonly: busy,
      inputmode: "decimal",
      enterkeyhint: "go",
    })}
    ${
      i.caps.issueValidity
        ? field({
            name: "validUntil",
            label: m.validUntil,
            value: i.validUntil,
            part: "date-input",
            invalid: errorField === "validUntil",
            readonly: busy,
            type: "date",
          })
        : nothing
    }
    <div class="actions" part="actions">${button({ label: m.sell, action: "sell", primary: true, submit: true, busy })}</div>
  </form>`;
}
