/**
 * The parts of JTL's answers the adapter reads, parsed rather than trusted. Extra fields are ignored so a
 * new field upstream does not break us.
 */
import { z } from "zod";

const Amount = z.string().regex(/^\d+\.\d{2}$/);
const Time = z.iso.datetime({ offset: true });

export const JtlReservation = z.object({
  id: z.string().min(1),
  voucher_id: z.string().min(1),
  amount: Amount,
  valid_until: Time,
});

export const JtlCharge = z.object({
  id: z.string().min(1),
  voucher_id: z.string().min(1),
  type: z.string(),
  amount: Amount,
  order_number: z.string().nullish(),
  created_at: Time,
});
export type JtlCharge = z.infer<typeof JtlCharge>;

export const JtlVoucher = z.object({
  id: z.string().min(1),
  amount: Amount,
  currency: z.string().length(3),
  status: z.string(),
  valid_until: Time.nullable(),
  remaining_amount: Amount.optional(),
});

/** `/vouchers/{id}/complete`: the voucher with its secrets. */
export const JtlVoucherComplete = JtlVoucher.extend({ code: z.string().min(1), pin: z.string().nullish() });

export const JtlChargePage = z.object({
  data: z.array(JtlCharge),
  links: z.object({ next: z.string().nullish() }).partial().optional(),
  meta: z.object({ current_page: z.number(), last_page: z.number() }).partial().optional(),
});

/** `{status, code, message, errors?: [{code, property, rule, message}]}`. */
export const JtlErrorBody = z.object({
  code: z.string(),
  errors: z.array(z.object({ code: z.string() })).optional(),
});
