/**
 * `vouchers/getAll` (operations/vouchers.md): rate vouchers of the given services, filterable by code
 * value, which is how a code is validated. `Extent` is required (as in the generated reference).
 *
 * ASSUMPTIONS: with `VoucherCodeValues` the answer holds only the vouchers that own a code with one of
 * those values, and `VoucherCodes` holds those codes (active and deleted, each with its validity);
 * without it, `VoucherCodes` is filled only for the deprecated `Extent.VoucherCodes`. Values match exactly.
 */
import { interval, type Operation, page, readScope } from "./connector.ts";
import { demoRates } from "./demo-data.ts";
import { badRequest } from "./errors.ts";
import { parseBody, VouchersGetAll } from "./schemas.ts";
import type { CodeRecord, VoucherRecord } from "./state.ts";
import { embeddedCodeView, voucherView } from "./views.ts";

export const getAllVouchers: Operation = ({ state, token, body }) => {
  const input = parseBody(VouchersGetAll, body, badRequest);
  const scope = readScope(token, input.EnterpriseIds);
  input.ServiceIds.forEach((id, i) => {
    const enterprise = state.serviceEnterprise.get(id);
    if (!enterprise || !token.enterpriseIds.includes(enterprise)) throw badRequest(`Invalid ServiceIds.${i}.`);
  });
  const updated = interval(input.UpdatedUtc);
  const services = new Set(input.ServiceIds);
  const ids = input.VoucherIds?.length ? new Set(input.VoucherIds) : null;
  const states = input.ActivityStates?.length ? new Set(input.ActivityStates) : null;
  const values = input.VoucherCodeValues?.length ? new Set(input.VoucherCodeValues) : null;
  // Vouchers have no company or external id here, so those filters, when given, match nothing.
  const noneMatch = Boolean(input.CompanyIds?.length || input.ExternalIdentifiers?.length);

  const codesOf = (v: VoucherRecord): CodeRecord[] => [...state.codes.values()].filter((c) => c.voucherId === v.id);
  const ordered = [...state.vouchers.values()].reverse().sort((a, b) => b.created - a.created);
  const result = page(
    ordered,
    (v) =>
      !noneMatch &&
      scope.has(v.enterpriseId) &&
      services.has(v.serviceId) &&
      (!ids || ids.has(v.id)) &&
      (!states || states.has(v.isActive ? "Active" : "Deleted")) &&
      (!updated || (v.updated >= updated[0] && v.updated <= updated[1])) &&
      (!values || codesOf(v).some((c) => values.has(c.value))),
    input.Limitation,
  );

  const extent = input.Extent;
  const codes = values
    ? result.items.flatMap((v) => codesOf(v).filter((c) => values.has(c.value)))
    : extent.VoucherCodes
      ? result.items.flatMap(codesOf)
      : null;
  const rateIds = new Set(result.items.flatMap((v) => v.rateIds));
  return {
    Vouchers: extent.Vouchers ? result.items.map(voucherView) : null,
    VoucherCodes: codes ? codes.map(embeddedCodeView) : null,
    VoucherAssignments: extent.VoucherAssignments
      ? result.items.flatMap((v) => v.rateIds.map((rateId) => ({ VoucherId: v.id, RateId: rateId })))
      : null,
    Rates: extent.Rates
      ? demoRates
          .filter((r) => rateIds.has(r.id))
          .map((r) => ({ Id: r.id, ServiceId: r.serviceId, Name: r.name, IsActive: true, IsPublic: false }))
      : null,
    Companies: null,
    Cursor: result.cursor,
  };
};
