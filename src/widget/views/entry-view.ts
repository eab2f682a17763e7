/**
 * The entry form (entering, checking, ready, holding, failed, released, expired): code, PIN where the
 * account's vouchers have one, and the amount, with exactly the steps the capabilities allow.
 */
import { html, nothing, type TemplateResult } from "lit";
import type { FlowState } from "../../flow/machine.ts";
import { Phase } from "../../flow/machine.ts";
import type { Capabilities } from "../../shared/contract.schema.ts";
import type { Messages } from "../messages/index.ts";
import { button, field } from "./field.ts";

export interface EntryFieldValues {
  code: string;
  pin: string;
  amount: string;
}

export interface EntryViewInput {
  m: Messages;
  state: FlowState;
  caps: Capabilities;
  values: EntryFieldValues;
  currency: string;
  formatBalance: (state: FlowState) => string | null;
}

/** Whether the amount belongs on the form now: always without a check step, after the check otherwise. */
export function showsAmount(caps: Capabilities, state: FlowState): boolean {
  return caps.hold && (!caps.check || state.voucher !== null);
}

export function entryView({ m, state, caps, values, currency, formatBalance }: EntryViewInput): TemplateResult {
  const busy = state.phase === Phase.Checking || state.phase === Phase.Holding;
  const errorField = state.error?.field;
  const checkStep = caps.check && state.voucher === null;
  const balance = formatBalance(state);
  return html`<form part="form" novalidate>
    ${field({
      name: "code",
      label: m.code,
      value: values.code,
      part: "code-input",
      invalid: errorField === "code",
      readonly: busy,
      code: true,
      enterkeyhint: caps.pin === "none" ? "go" : "next",
    })}
    ${
      caps.pin === "none"
        ? nothing
        : field({
            name: "pin",
            label: m.pin,
            value: values.pin,
            part: "pin-input",
            invalid: errorField === "pin" || (errorField === "code" && state.error?.code === "VOUCHER_INVALID"),
            readonly: busy,
            type: "password",
            inputmode: "numeric",
            autocomplete: "off",
            enterkeyhint: "go",
          })
    }
    ${
      balance
        ? html`<dl part="summary">
            <dt>${m.balance}</dt>
            <dd part="balance">${balance}</dd>
          </dl>`
        : nothing
    }
    ${
      showsAmount(caps, state)
        ? field({
            name: "amount",
            label: `${m.amount} (${currency})`,
            value: values.amount,
            part: "amount-input",
            invalid: errorField === "amount",
            readonly: busy,
            inputmode: "decimal",
            enterkeyhint: "go",
          })
        : nothing
    }
    <div class="actions" part="actions">
      ${
        checkStep
          ? button({ label: m.check, action: "check", primary: true, submit: true, busy })
          : caps.hold
            ? button({ label: m.hold, action: "hold", primary: true, submit: true, busy })
            : nothing
      }
    </div>
  </form>`;
}
