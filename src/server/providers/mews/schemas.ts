/**
 * The parts of Mews's answers the adapter reads, parsed rather than trusted. Extra fields are ignored so a
 * new field upstream does not break us.
 */
import { z } from "zod";

const Time = z.iso.datetime({ offset: true });

export const MewsVoucherCode = z.object({
  Id: z.string().min(1),
  VoucherId: z.string().min(1),
  Value: z.string(),
  ValidityStartUtc: Time.nullish(),
  ValidityEndUtc: Time.nullish(),
  CreatedUtc: Time,
  ActivityState: z.enum(["Active", "Deleted"]),
});
export type MewsVoucherCode = z.infer<typeof MewsVoucherCode>;

/** A code inside a `vouchers/getAll` answer, where the documented sample has no `Id`. */
export const MewsEmbeddedCode = MewsVoucherCode.omit({ Id: true, CreatedUtc: true });

export const MewsVoucher = z.object({
  Id: z.string().min(1),
  Name: z.string(),
  IsActive: z.boolean().optional(),
  /** Deprecated upstream in favour of IsActive; read only when IsActive is missing. */
  ActivityState: z.enum(["Active", "Deleted"]).nullish(),
});
export type MewsVoucher = z.infer<typeof MewsVoucher>;

export const VouchersAnswer = z.object({
  Vouchers: z.array(MewsVoucher).nullish(),
  VoucherCodes: z.array(MewsEmbeddedCode).nullish(),
  Cursor: z.string().nullish(),
});

export const VoucherCodesAnswer = z.object({
  VoucherCodes: z.array(MewsVoucherCode).nullish(),
  Cursor: z.string().nullish(),
});

export const EmptyAnswer = z.object({});

export const MewsErrorBody = z.object({ Message: z.string(), Details: z.string().nullish() });

/** Whether a voucher can still be used (IsActive, or the deprecated ActivityState). */
export function voucherActive(v: MewsVoucher): boolean {
  return v.IsActive ?? v.ActivityState !== "Deleted";
}
