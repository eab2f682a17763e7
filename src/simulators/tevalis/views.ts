/** `WebVoucherDto` as Tevalis documents it, written through `dotNetJson` (decimals keep two places). */
import { formatDotNet } from "./dates.ts";
import { Decimal2 } from "./json.ts";
import type { TevalisState, WebVoucherRecord } from "./state.ts";

/** The documented six fields, nothing more (no site, currency, status or balance). */
export function webVoucherDto(state: TevalisState, v: WebVoucherRecord) {
  const { dateStyle, siteTimeZone } = state.settings;
  // "mixed": the sale date comes from a plain DateTime column (no offset), the expiry from a DateTimeOffset.
  const soldWithOffset = dateStyle === "offset";
  const expiryWithOffset = dateStyle !== "local";
  return {
    WebVoucherId: v.webVoucherId,
    SerialNumber: v.serial,
    DateSold: formatDotNet(v.dateSold, siteTimeZone, soldWithOffset, v.ticks),
    ExpiryDate: formatDotNet(v.expiryDate, siteTimeZone, expiryWithOffset, v.expires ? 0 : v.ticks),
    Value: new Decimal2(v.value),
    Notes: v.notes,
  };
}

/** The simulator's own view for `/__sim/` reads: the DTO plus what Tevalis keeps but does not show. */
export function recordView(state: TevalisState, v: WebVoucherRecord) {
  return {
    ...webVoucherDto(state, v),
    companyId: v.companyId,
    siteId: v.siteId,
    state: v.state,
    expires: v.expires,
    active: state.isActive(v),
  };
}
