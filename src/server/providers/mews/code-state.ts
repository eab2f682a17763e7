/** How a Mews voucher code stands at a given time: deleted, before or after its validity, or usable. */
import type { AccessCode, AccessCodeState } from "../port.ts";
import type { MewsVoucherCode } from "./schemas.ts";

type CodeLike = Pick<MewsVoucherCode, "ValidityStartUtc" | "ValidityEndUtc" | "ActivityState">;

const ms = (iso: string | null | undefined) => (iso ? Date.parse(iso) : null);

/** The code's state at `nowMs`; the validity bounds are inclusive. */
export function codeState(code: CodeLike, nowMs: number): AccessCodeState {
  if (code.ActivityState === "Deleted") return "deleted";
  const start = ms(code.ValidityStartUtc);
  const end = ms(code.ValidityEndUtc);
  if (start !== null && nowMs < start) return "not_yet_valid";
  if (end !== null && nowMs > end) return "expired";
  return "active";
}

/** A Mews code as the port's AccessCode. */
export function toAccessCode(code: MewsVoucherCode, nowMs: number): AccessCode {
  const start = ms(code.ValidityStartUtc);
  const end = ms(code.ValidityEndUtc);
  return {
    id: code.Id,
    voucherId: code.VoucherId,
    value: code.Value,
    validFrom: start === null ? null : new Date(start),
    validUntil: end === null ? null : new Date(end),
    state: codeState(code, nowMs),
    createdAt: new Date(code.CreatedUtc),
  };
}
