/**
 * The held voucher (held, redeeming): what is held, the balance, the live countdown, and the actions the
 * account supports. Escape asks before releasing; the question sits here as an inline alert dialog.
 */
import { html, nothing, type TemplateResult } from "lit";
import type { FlowState } from "../../flow/machine.ts";
import { Phase } from "../../flow/machine.ts";
import type { Capabilities, Hold, Money } from "../../shared/contract.schema.ts";
import type { Messages } from "../messages/index.ts";
import { button } from "./field.ts";

export interface HeldViewInput {
  m: Messages;
  state: FlowState;
  hold: Hold;
  caps: Capabilities;
  money: (value: Money) => string;
  /** "mm:ss" left on the hold. */
  remaining: string;
  /** How close the expiry is, by the warning marks passed (null above the first). */
  level: CountdownLevel | null;
  /** Seconds before a failed redeem may be tried again: Redeem waits that long, with the seconds beside it. */
  retryIn: number;
}

/**
 * The countdown's states: `soon` from 5 minutes left, `warning` from 1 minute, `urgent` from 30 seconds.
 * Each is a `data-level` on the countdown and a part name of its own, so a page can style it
 * (`voucher-widget::part(countdown-urgent) { … }`).
 */
export type CountdownLevel = "soon" | "warning" | "urgent";

/**
 * The time left as a `role="timer"` (not a live region: warnings are announced at the marks), named by
 * an element's id or by its own label, with its level as `data-level` and a part of its own.
 */
export function countdownView(
  remaining: string,
  level: CountdownLevel | null,
  name: { labelledBy: string } | { label: string },
): TemplateResult {
  return html`<span
    part=${level ? `countdown countdown-${level}` : "countdown"}
    data-level=${level ?? nothing}
    role="timer"
    aria-labelledby=${"labelledBy" in name ? name.labelledBy : nothing}
    aria-label=${"label" in name ? name.label : nothing}
    >${remaining}</span
  >`;
}

/**
 * The seconds before a failed redeem may be tried again, beside its button (which says it is disabled
 * meanwhile); nothing once it may. A timer, not a live region: the wait was said once, with the error.
 */
export function retryWaitView(seconds: number, label: string): TemplateResult | typeof nothing {
  return seconds > 0 ? html`<span role="timer" aria-label=${label}>${seconds} s</span>` : nothing;
}

export function heldView({ m, state, hold, caps, money, remaining, level, retryIn }: HeldViewInput): TemplateResult {
  // One action on the hold at a time (the flow ignores a second), so while one runs every button says so.
  const working = state.phase === Phase.Redeeming || state.busy !== null;
  const balance = hold.voucher.balance;
  return html`<div class="view" part="held">
    <dl part="summary">
      <dt>${m.voucher}</dt>
      <dd part="masked-code">${hold.voucher.maskedCode}</dd>
      ${balance ? html`<dt>${m.balance}</dt><dd part="balance">${money(balance)}</dd>` : nothing}
      <dt>${m.held}</dt>
      <dd part="held-amount">${money(hold.amount)}</dd>
      <dt id="time-left-label">${m.timeLeft}</dt>
      <dd>
        ${countdownView(remaining, level, { labelledBy: "time-left-label" })}
      </dd>
    </dl>
    ${
      // An emulated hold binds only this service: say so, rather than let it pass for a lock on the voucher.
      hold.keptBy === "service" ? html`<p class="hint" part="hold-note">${m.keptByService}</p>` : nothing
    }
    ${
      state.confirmingRelease
        ? html`<div class="confirm" part="confirm" role="alertdialog" aria-labelledby="confirm-text">
            <p id="confirm-text">${m.confirmRelease}</p>
            <div class="actions">
              ${button({ label: m.releaseConfirm, action: "release", primary: true })}
              ${button({ label: m.keepHold, action: "keep" })}
            </div>
          </div>`
        : html`<div class="actions" part="actions">
            ${button({ label: m.redeem, action: "redeem", primary: true, busy: working || retryIn > 0 })}${retryWaitView(retryIn, m.retryWait)}
            ${caps.extend ? button({ label: m.extend, action: "extend", busy: working }) : nothing}
            ${caps.release ? button({ label: m.release, action: "release", busy: working }) : nothing}
          </div>`
    }
  </div>`;
}

/** After the redeem: how much was taken and what is left on the voucher. */
export function redeemedView(m: Messages, state: FlowState, money: (value: Money) => string): TemplateResult {
  const r = state.redemption;
  return html`<div class="view" part="redeemed">
    ${
      r
        ? html`<dl part="summary">
            <dt>${m.redeemed}</dt>
            <dd part="redeemed-amount">${money(r.amount)}</dd>
            ${r.remainingBalance ? html`<dt>${m.remaining}</dt><dd part="remaining-balance">${money(r.remainingBalance)}</dd>` : nothing}
          </dl>`
        : nothing
    }
    <div class="actions" part="actions">${button({ label: m.next, action: "next", primary: true })}</div>
  </div>`;
}
