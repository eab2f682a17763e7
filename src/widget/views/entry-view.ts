/**
 * The entry form (entering, checking, ready, holding, failed, released, expired): code, PIN where the
 * account's vouchers have one, and the amount, with exactly the steps the account's rules allow
 * (`src/flow/offer.ts`). A checked voucher's summary sits above the amount.
 */
import { html, nothing, type TemplateResult } from "lit";
import type { FlowState } from "../../flow/machine.ts";
import { Phase } from "../../flow/machine.ts";
import { showsAmount, stepFor } from "../../flow/offer.ts";
import type { Capabilities, Money } from "../../shared/contract.schema.ts";
import type { Messages } from "../messages/index.ts";
import { voucherSummary } from "./checked-view.ts";
import { button, field } from "./field.ts";

export interface EntryFieldValues {
  code: string;
  pin: string;
  amount: string;
}

export interface EntryViewInput {
  m: Messages;
  state: FlowState;
  pin: Capabilities["pin"];
  /** Codes are access codes: the check is about validity, not a balance. */
  access: boolean;
  values: EntryFieldValues;
  currency: string;
  money: (value: Money) => string;
  date: (iso: string) => string;
  /** Full-value-only: the hold's fixed amount (the whole balance), or null where the amount is typed. */
  fullValue: Money | null;
  /** That full value is more than the due amount: no hold is offered, the hint says why. */
  overDue: boolean;
  /** The browser reads barcodes: a camera button beside the code (scanner-controller.ts). */
  camera?: boolean;
}

const AMOUNT_HINT = "amount-hint";

export function entryView(i: EntryViewInput): TemplateResult {
  const { m, state, values } = i;
  const busy = state.phase === Phase.Checking || state.phase === Phase.Holding;
  const errorField = state.error?.field;
  const step = stepFor(state);
  const full = i.fullValue;
  const hint = full ? (i.overDue ? m.errors.FULL_VALUE_OVER_DUE : m.fullValueOnly(i.money(full))) : "";
  return html`<form part="form" novalidate>
    ${field({
      name: "code",
      label: m.code,
      value: values.code,
      part: "code-input",
      invalid: errorField === "code",
      readonly: busy,
      code: true,
      enterkeyhint: i.pin === "none" ? "go" : "next",
      ...(i.camera ? { beside: button({ label: m.camera.open, action: "camera", part: "camera-button", busy }) } : {}),
    })}
    ${
      i.pin === "none"
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
            enterkeyhint: "go",
          })
    }
    ${state.voucher ? voucherSummary({ m, voucher: state.voucher, money: i.money, date: i.date }) : nothing}
    ${
      showsAmount(state)
        ? field({
            name: "amount",
            label: `${m.amount} (${i.currency})`,
            value: values.amount,
            part: "amount-input",
            invalid: errorField === "amount",
            // Full-value-only: shown so the cashier sees what will be held, but not for typing.
            readonly: busy || full !== null,
            inputmode: "decimal",
            enterkeyhint: "go",
            ...(full ? { hintId: AMOUNT_HINT } : {}),
          })
        : nothing
    }
    ${hint ? html`<p class="hint" part="amount-hint" id=${AMOUNT_HINT}>${hint}</p>` : nothing}
    <div class="actions" part="actions">
      ${
        step === "check"
          ? button({ label: i.access ? m.checkCode : m.check, action: "check", primary: true, submit: true, busy })
          : step === "hold" && !i.overDue
            ? button({ label: m.hold, action: "hold", primary: true, submit: true, busy })
            : nothing
      }
    </div>
  </form>`;
}
