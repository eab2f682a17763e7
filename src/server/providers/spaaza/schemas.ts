/**
 * The parts of Spaaza's answers the adapter reads, parsed rather than trusted. Extra fields are ignored
 * so a new field upstream does not break us.
 */
import { z } from "zod";

const Amount = z.number().nonnegative();
const Id = z.int().nonnegative();

/** `{result:{code:1,status:"ok"}, results, warnings?}`. */
export const OkEnvelope = z.object({
  result: z.object({ code: z.literal(1) }),
  results: z.unknown(),
  warnings: z.array(z.object({ code: z.number(), name: z.string() })).optional(),
});

/** `{result:{code:2,status:"error"}, error:{code,name,description}}`. */
export const ErrorEnvelope = z.object({
  result: z.object({ code: z.literal(2) }),
  error: z.object({ code: z.number(), name: z.string() }),
});

export const LoginResults = z.object({
  session_info: z
    .object({
      session_key: z.string().min(1),
      session_user_id: z.union([Id, z.string().regex(/^\d+$/)]),
      /** Hours, as a string in the docs ("336"). */
      session_key_validity: z.union([z.string(), z.number()]).optional(),
    })
    .optional(),
  /** Present instead of a session when the login needs a mailed 2FA passcode. */
  session_passcode_key: z.string().optional(),
});

/** A voucher as the classic calls (lock, unlock, claim, redeem) answer it. */
export const ClassicVoucher = z.object({
  voucher_key: z.string(),
  voucher_id: Id,
  voucher_status: z.string(),
  voucher_locked: z.boolean().optional(),
  voucher_locked_until: z.string().nullish(),
  voucher_currency_id: Id,
  voucher_amount: Amount,
  voucher_amount_redeemed: Amount.nullish(),
});
export type ClassicVoucher = z.infer<typeof ClassicVoucher>;

export const RedeemResults = ClassicVoucher.extend({ regenerated_voucher: ClassicVoucher.nullish() });

/** The Voucher resource of the Resources API (unprefixed names; `amount` is nullable there). */
export const ResourceVoucher = z.object({
  id: Id,
  key: z.string(),
  type: z.string().optional(),
  status: z.string(),
  currency_id: Id,
  amount: Amount.nullable(),
  amount_redeemed: Amount.nullish(),
  expiry_datetime_utc: z.string().nullish(),
  locked: z.boolean().optional(),
  locked_until: z.string().nullish(),
});
export type ResourceVoucher = z.infer<typeof ResourceVoucher>;
