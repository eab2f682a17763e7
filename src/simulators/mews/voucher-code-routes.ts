/**
 * `voucherCodes/getAll`, `voucherCodes/add` and `voucherCodes/delete` (operations/vouchercodes.md).
 *
 * ASSUMPTIONS (not in the public pages): a code's value is unique among the active codes of an enterprise
 * (codes are applied to bookings by value), so a duplicate is a business-rule refusal (403), as is a
 * validity that ends before it starts; an unknown voucher or code id is "an invalid identifier" (400);
 * deleting a code marks it `Deleted` (getAll still lists it) and deleting it again changes nothing; `add`
 * is all or nothing.
 */
import { interval, type Operation, page, readScope, writeEnterprise } from "./connector.ts";
import { badRequest, forbidden } from "./errors.ts";
import { wholeSeconds } from "./format.ts";
import { parseBody, VoucherCodesAdd, VoucherCodesDelete, VoucherCodesGetAll } from "./schemas.ts";
import { codeView } from "./views.ts";

const msOrNull = (iso: string | null | undefined) => (iso ? wholeSeconds(Date.parse(iso)) : null);

export const getAllVoucherCodes: Operation = ({ state, token, body }) => {
  const input = parseBody(VoucherCodesGetAll, body, badRequest);
  const scope = readScope(token, input.EnterpriseIds);
  const updated = interval(input.UpdatedUtc);
  const codeIds = input.VoucherCodeIds?.length ? new Set(input.VoucherCodeIds) : null;
  const voucherIds = input.VoucherIds?.length ? new Set(input.VoucherIds) : null;
  const inScope = state.codesNewestFirst().filter((c) => scope.has(c.enterpriseId));
  const result = page(
    inScope,
    (c) =>
      (!codeIds || codeIds.has(c.id)) &&
      (!voucherIds || voucherIds.has(c.voucherId)) &&
      (!updated || (c.updated >= updated[0] && c.updated <= updated[1])),
    input.Limitation,
  );
  return { VoucherCodes: result.items.map(codeView), Cursor: result.cursor };
};

export const addVoucherCodes: Operation = ({ state, token, body }) => {
  const input = parseBody(VoucherCodesAdd, body, badRequest);
  const enterpriseId = writeEnterprise(token, input.EnterpriseId);
  const seen = new Set<string>();
  // Every item is checked before anything is stored: the call is all or nothing.
  const planned = input.VoucherCodeParameters.map((p, i) => {
    const voucher = state.vouchers.get(p.VoucherId);
    if (!voucher || voucher.enterpriseId !== enterpriseId) {
      throw badRequest(`Invalid VoucherCodeParameters.${i}.VoucherId.`);
    }
    if (!voucher.isActive) throw forbidden("Voucher codes cannot be added to an inactive voucher.");
    const start = msOrNull(p.ValidityStartUtc);
    const end = msOrNull(p.ValidityEndUtc);
    if (start !== null && end !== null && start > end) {
      throw forbidden("The start of the validity interval must not be after its end.");
    }
    if (seen.has(p.Value) || state.activeCodeWithValue(enterpriseId, p.Value)) {
      throw forbidden("A voucher code with this value already exists.");
    }
    seen.add(p.Value);
    return { voucherId: p.VoucherId, value: p.Value, start, end };
  });
  const created = planned.map((p) => state.addCode(p));
  return { VoucherCodes: created.map(codeView) };
};

export const deleteVoucherCodes: Operation = ({ state, token, body }) => {
  const input = parseBody(VoucherCodesDelete, body, badRequest);
  const enterpriseId = writeEnterprise(token, input.EnterpriseId);
  const codes = input.VoucherCodeIds.map((id, i) => {
    const code = state.codes.get(id);
    if (!code || code.enterpriseId !== enterpriseId) throw badRequest(`Invalid VoucherCodeIds.${i}.`);
    return code;
  });
  const now = wholeSeconds(state.now());
  for (const code of codes) {
    if (code.state === "Deleted") continue;
    code.state = "Deleted";
    code.updated = now;
  }
  return {};
};
