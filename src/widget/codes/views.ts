/**
 * Templates of `<voucher-codes>`: the add form, the codes table, the pager and the delete confirmation.
 * Pure functions of what the element passes in; events are handled by the element through `data-action`
 * and the form's own submit.
 */
import { html, nothing, type TemplateResult } from "lit";
import type { AccessCode, AccessCodeVoucher } from "../../shared/voucher-codes.schema.ts";
import type { FormField } from "./code-form.ts";
import type { CodesMessages } from "./messages.ts";

/** Id of the alert region, which fields with an error point to. */
export const ERROR_ID = "error";

export interface FormViewInput {
  m: CodesMessages;
  vouchers: readonly AccessCodeVoucher[];
  voucherId: string;
  value: string;
  validFrom: string;
  validUntil: string;
  invalid: FormField | null;
  busy: boolean;
}

const described = (invalid: boolean) => (invalid ? ERROR_ID : nothing);

export function formView(o: FormViewInput): TemplateResult {
  const { m } = o;
  const field = (name: "validFrom" | "validUntil", label: string, value: string) =>
    html`<div class="field" part="field">
      <label part="label" for=${name}>${label}</label>
      <input id=${name} name=${name} part="input date-input" type="date" .value=${value}
        aria-invalid=${o.invalid === name ? "true" : "false"} aria-describedby=${described(o.invalid === name)} />
    </div>`;
  return html`<form part="form" aria-labelledby="add-title" novalidate>
    <h3 id="add-title">${m.addTitle}</h3>
    <div class="fields">
      <div class="field" part="field">
        <label part="label" for="voucher">${m.voucher}</label>
        <select id="voucher" name="voucher" part="input voucher-select"
          aria-invalid=${o.invalid === "voucher" ? "true" : "false"} aria-describedby=${described(o.invalid === "voucher")}>
          ${o.vouchers.map((v) => html`<option value=${v.id} ?selected=${v.id === o.voucherId}>${v.name}</option>`)}
        </select>
      </div>
      <div class="field" part="field">
        <label part="label" for="value">${m.code}</label>
        <input id="value" name="value" part="input code-input" .value=${o.value} maxlength="160" autocomplete="off"
          autocapitalize="characters" spellcheck="false" enterkeyhint="done"
          aria-invalid=${o.invalid === "value" ? "true" : "false"} aria-describedby=${described(o.invalid === "value")} />
      </div>
      ${field("validFrom", m.validFrom, o.validFrom)} ${field("validUntil", m.validUntil, o.validUntil)}
    </div>
    <div class="actions">
      <button type="submit" class="primary" part="button primary-button" data-action="add"
        aria-disabled=${o.busy ? "true" : "false"}>${m.add}</button>
    </div>
  </form>`;
}

export interface TableViewInput {
  m: CodesMessages;
  codes: readonly AccessCode[];
  voucherName: (id: string) => string;
  date: (iso: string | null | undefined) => string;
  busy: boolean;
}

/**
 * The codes as a table; in a narrow element (a phone) the styles set each row out as a card, every cell
 * with its column's name (`data-label`). The explicit roles keep it a table for assistive technology
 * there, where some browsers drop a table's semantics once its parts no longer display as a table.
 */
export function tableView(o: TableViewInput): TemplateResult {
  const { m } = o;
  if (o.codes.length === 0) return html`<p part="empty">${m.empty}</p>`;
  return html`<div class="table-wrap">
    <table part="table" role="table">
      <caption>${m.table}</caption>
      <thead role="rowgroup">
        <tr role="row">
          <th scope="col" role="columnheader">${m.code}</th>
          <th scope="col" role="columnheader">${m.voucher}</th>
          <th scope="col" role="columnheader">${m.validFromColumn}</th>
          <th scope="col" role="columnheader">${m.validUntilColumn}</th>
          <th scope="col" role="columnheader">${m.state}</th>
          <th scope="col" role="columnheader"><span class="visually-hidden">${m.actions}</span></th>
        </tr>
      </thead>
      <tbody role="rowgroup">
        ${o.codes.map(
          (c) => html`<tr part="row" role="row" class=${c.state} data-id=${c.id}>
            <th scope="row" role="rowheader" part="code-value">${c.value}</th>
            <td role="cell" data-label=${m.voucher}>${o.voucherName(c.voucherId)}</td>
            <td role="cell" data-label=${m.validFromColumn}>${o.date(c.validFrom)}</td>
            <td role="cell" data-label=${m.validUntilColumn}>${o.date(c.validUntil)}</td>
            <td role="cell" data-label=${m.state} part="state state-${c.state}">${m.states[c.state]}</td>
            <td role="cell">
              ${
                c.state === "deleted"
                  ? nothing
                  : html`<button type="button" class="danger" part="button delete-button" data-action="delete"
                    data-id=${c.id} aria-label=${m.deleteCode(c.value)} aria-disabled=${o.busy ? "true" : "false"}>
                    ${m.delete}
                  </button>`
              }
            </td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

export function pagerView(o: {
  m: CodesMessages;
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
}): TemplateResult | typeof nothing {
  if (!o.hasPrevious && !o.hasNext) return nothing;
  const { m } = o;
  return html`<nav part="pager" aria-label=${m.pages} class="actions">
    <button type="button" part="button previous-button" data-action="previous"
      aria-disabled=${o.hasPrevious ? "false" : "true"}>${m.previous}</button>
    <span part="page">${m.page(o.page)}</span>
    <button type="button" part="button next-button" data-action="next"
      aria-disabled=${o.hasNext ? "false" : "true"}>${m.next}</button>
  </nav>`;
}

/** The delete confirmation, a modal `<dialog>` (focus kept inside, Escape closes it and calls `onClose`). */
export function dialogView(m: CodesMessages, code: AccessCode | null, onClose: () => void): TemplateResult {
  return html`<dialog part="dialog" aria-labelledby="confirm-title" aria-describedby="confirm-text" @close=${onClose}>
    <h3 id="confirm-title">${m.confirmTitle}</h3>
    <p id="confirm-text">${code ? m.confirmText(code.value) : ""}</p>
    <div class="actions">
      <button type="button" class="danger" part="button confirm-button" data-action="confirm-delete">${m.delete}</button>
      <button type="button" part="button" data-action="cancel-delete" autofocus>${m.cancel}</button>
    </div>
  </dialog>`;
}
