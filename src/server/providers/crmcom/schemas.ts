/**
 * The parts of CRM.COM's answers the adapter reads, parsed rather than trusted. Extra fields are ignored
 * so a new field upstream does not break us.
 */
import { z } from "zod";

/** `{status: {code, message, description}, data}`; `code` is "OK" on success. */
export const Envelope = z.object({
  status: z.object({ code: z.string(), message: z.string().nullish(), description: z.string().nullish() }),
  data: z.unknown(),
});

export const TokenData = z.object({ token: z.string().min(1) });

export const SecretNumberData = z.object({ id: z.string().min(1), secret_number: z.string().min(1) });

export const CrmVoucher = z.object({
  id: z.string().min(1),
  number: z.string().min(1),
  value: z.number(),
  effective_date: z.string().nullish(),
  expiration_date: z.string().nullish(),
  life_cycle_state: z.string(),
  /** R14.2+; absent before, when the account's currency applies. */
  currency: z.object({ code: z.string() }).nullish(),
  /** The payment using the voucher made (R13.1+), once it is USED. */
  payment: z.object({ id: z.string().min(1) }).nullish(),
});
export type CrmVoucher = z.infer<typeof CrmVoucher>;
