/**
 * A Spaaza account as configured: the common account fields, an admin login, the chain the vouchers belong
 * to, and how Spaaza's integer currency ids map to ISO-4217 codes (Spaaza's samples show
 * `voucher_currency_id: 2` for euros: the ids are Spaaza's own).
 */
import { z } from "zod";
import { accountCommon } from "../../config/account-common.ts";

/** Spaaza's lock period bounds (documented): 120–3600 s, 300 s when none is given. */
export const SPAAZA_LOCK_PERIOD = { min: 120, max: 3600, default: 300 } as const;

export const SpaazaAccount = z
  .strictObject({
    ...accountCommon,
    provider: z.literal("spaaza"),
    /**
     * An admin (POS) login with write access to the chain, exempt from 2FA. Its sessions are shared by
     * every call of this account; Spaaza deletes a user's sessions on each login, so give each BFF
     * deployment its own login.
     */
    credentials: z.strictObject({ username: z.string().min(1), password: z.string().min(1) }),
    chainId: z.int().positive(),
    /** Spaaza currency id (as a string key) → ISO-4217 code, e.g. `{"2": "EUR"}`. */
    currencyIds: z.record(z.string().regex(/^\d{1,10}$/, "a Spaaza currency id"), accountCommon.currency),
    /** Hold lifetime when the caller asks for none (Spaaza's `voucher_lock_period`). */
    lockPeriodSeconds: z
      .int()
      .min(SPAAZA_LOCK_PERIOD.min)
      .max(SPAAZA_LOCK_PERIOD.max)
      .default(SPAAZA_LOCK_PERIOD.default),
  })
  .refine((a) => Object.values(a.currencyIds).includes(a.currency), {
    message: "currencyIds must map a Spaaza currency id to the account's currency",
    path: ["currencyIds"],
  });

export type SpaazaAccount = z.infer<typeof SpaazaAccount>;
/** What a config file may leave out (defaults filled in by parsing). */
export type SpaazaAccountInput = z.input<typeof SpaazaAccount>;
