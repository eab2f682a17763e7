/** JSON shapes of Mews resources, as in the documented samples (GUIDs, `…Z` timestamps, PascalCase). */
import { utc } from "./format.ts";
import type { CodeRecord, VoucherRecord } from "./state.ts";

const time = (ms: number | null) => (ms === null ? null : utc(ms));

/** A voucher code as `voucherCodes/getAll` and `voucherCodes/add` answer it. */
export function codeView(c: CodeRecord) {
  return {
    Id: c.id,
    VoucherId: c.voucherId,
    Value: c.value,
    ValidityStartUtc: time(c.start),
    ValidityEndUtc: time(c.end),
    CreatedUtc: utc(c.created),
    UpdatedUtc: utc(c.updated),
    ActivityState: c.state,
  };
}

/** A voucher code inside a `vouchers/getAll` answer: the documented sample there carries no `Id`. */
export function embeddedCodeView(c: CodeRecord) {
  const { Id: _id, ...rest } = codeView(c);
  return rest;
}

export function voucherView(v: VoucherRecord) {
  return {
    Id: v.id,
    EnterpriseId: v.enterpriseId,
    ServiceId: v.serviceId,
    Type: v.type,
    Name: v.name,
    CreatedUtc: utc(v.created),
    UpdatedUtc: utc(v.updated),
    /** Deprecated upstream in favour of IsActive; still sent, as Mews does. */
    ActivityState: v.isActive ? "Active" : "Deleted",
    IsActive: v.isActive,
    CompanyId: null,
    TravelAgencyId: null,
    OccupiableIntervalStartUtc: null,
    OccupiableIntervalEndUtc: null,
    ExternalIdentifier: null,
  };
}
