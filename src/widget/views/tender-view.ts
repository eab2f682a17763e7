/**
 * Split tender's list: every voucher on the sale with its amount, its own countdown or outcome and its
 * own actions (remove; retry where a redeem failed and may be tried again, disabled beside a countdown
 * while the server asked to wait), then what the vouchers cover and what is still due. Pure: state and formatters in, template out.
 */
import { html, nothing, type TemplateResult } from "lit";
import { formatRemaining } from "../../flow/countdown-controller.ts";
import {
  ItemState,
  mayRetry,
  redeemable,
  stillHeld,
  type TenderItem,
  type TenderState,
  tenderBusy,
  tenderComplete,
} from "../../flow/tender.ts";
import type { Money } from "../../shared/contract.schema.ts";
import type { Messages } from "../messages/index.ts";
import { button } from "./field.ts";
import { type CountdownLevel, countdownView, retryWaitView } from "./held-view.ts";

export interface TenderViewInput {
  m: Messages;
  tender: TenderState;
  money: (value: Money) => string;
  /** Milliseconds left on an item's hold. */
  remainingMs: (id: string) => number;
  /** Seconds before an item's failed redeem may be retried (0: now). */
  retryIn: (id: string) => number;
  /** How close an expiry `ms` away is, by the warning marks passed (as the single hold's countdown shows it). */
  level: (ms: number) => CountdownLevel | null;
  covered: Money;
  /** The sale's due amount and what is left of it; null where the page gave no amount. */
  due: Money | null;
  stillDue: Money | null;
  /** The account can release holds: items get a remove button. */
  canRelease: boolean;
  /** The words for an item's error. */
  errorWords: (item: TenderItem) => string;
}

function itemView(i: TenderViewInput, item: TenderItem): TemplateResult {
  const { m } = i;
  const code = item.hold.voucher.maskedCode;
  const id = item.hold.id;
  const left = i.remainingMs(id);
  const wait = i.retryIn(id);
  const redemption = item.redemption;
  return html`<li part="tender-item" data-state=${item.state} data-hold=${id}>
    <span part="masked-code">${code}</span>
    <span part="held-amount">${i.money(redemption?.amount ?? item.hold.amount)}</span>
    <span part="tender-state">${m.tender.states[item.state]}</span>
    ${
      stillHeld(item)
        ? countdownView(formatRemaining(left), i.level(left), { label: m.tender.timeLeftOn(code) })
        : nothing
    }
    ${
      redemption?.remainingBalance
        ? html`<span part="remaining-balance">${m.remaining}: ${i.money(redemption.remainingBalance)}</span>`
        : nothing
    }
    ${item.error ? html`<span class="item-error" part="tender-error">${i.errorWords(item)}</span>` : nothing}
    <span class="item-actions">
      ${
        mayRetry(item)
          ? html`${button({
              label: m.tender.retry,
              name: m.tender.retryVoucher(code),
              action: `retry:${id}`,
              part: "retry-button",
              busy: wait > 0,
            })}${retryWaitView(wait, m.tender.retryWaitOn(code))}`
          : nothing
      }
      ${
        i.canRelease && (stillHeld(item) || item.state === ItemState.Releasing)
          ? button({
              label: m.tender.remove,
              name: m.tender.removeVoucher(code),
              action: `remove:${id}`,
              part: "remove-button",
              busy: item.state === ItemState.Releasing,
            })
          : nothing
      }
    </span>
  </li>`;
}

/** The list and its totals; the "redeem all" button below them, or "next sale" once everything is redeemed. */
export function tenderView(i: TenderViewInput): TemplateResult | typeof nothing {
  const { m, tender } = i;
  if (!tender.items.length) return nothing;
  const items = redeemable(tender);
  const count = items.length;
  // Nothing to send while every voucher left is waiting to be retried.
  const busy = tenderBusy(tender) || (count > 0 && items.every((item) => i.retryIn(item.hold.id) > 0));
  return html`<section class="tender" part="tender" aria-labelledby="tender-title">
    <h3 id="tender-title" part="tender-title">${m.tender.title}</h3>
    <ul part="tender-list">
      ${tender.items.map((item) => itemView(i, item))}
    </ul>
    <dl part="summary tender-summary">
      ${i.due ? html`<dt>${m.tender.due}</dt><dd part="due">${i.money(i.due)}</dd>` : nothing}
      <dt>${m.tender.covered}</dt>
      <dd part="covered">${i.money(i.covered)}</dd>
      ${i.stillDue ? html`<dt>${m.tender.stillDue}</dt><dd part="still-due">${i.money(i.stillDue)}</dd>` : nothing}
    </dl>
    <div class="actions" part="actions">
      ${
        tenderComplete(tender)
          ? button({ label: m.tender.nextSale, action: "next", primary: true })
          : count > 0 || busy
            ? button({ label: m.tender.redeemAll(Math.max(count, 1)), action: "redeem", primary: true, busy })
            : nothing
      }
    </div>
  </section>`;
}
