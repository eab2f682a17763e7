/**
 * A Tevalis account as configured. The common fields (id, baseUrl, currency, allowedOrigins, timeoutMs) are
 * every account's (`account-common.ts`). Tevalis writes no currency: amounts are in
 * the site's currency, which is the account's `currency`.
 */
import { z } from "zod";
import { accountCommon } from "../../config/account-common.ts";

/** An IANA time zone name the runtime knows (e.g. `Europe/London`). */
export const TimeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, "an IANA time zone such as Europe/London");

export const TevalisAccount = z.strictObject({
  ...accountCommon,
  provider: z.literal("tevalis"),
  /**
   * Static header credentials. The header names are not in Tevalis's public pages (they only say the
   * company is "provided in the headers"); these follow third-party clients. Ask Tevalis to confirm them.
   */
  credentials: z.strictObject({
    /** Header `CompanyID`. */
    companyId: z.int().min(1),
    /** Header `GUID`: the company's API key. */
    guid: z.string().min(1),
    /** Header `DeveloperID`: the integrator's id issued by Tevalis. */
    developerId: z.string().min(1),
    /** Header `GUID2`, sent only when configured (its purpose is not documented publicly). */
    guid2: z.string().min(1).optional(),
  }),
  /** The site vouchers are sold for (`CreateVoucher`'s `SiteID`). */
  siteId: z.int().min(1),
  /**
   * The site's time zone. Tevalis sometimes writes dates without an offset; those are read as wall-clock
   * times in this zone. Default UTC: set it to the site's zone (e.g. Europe/London) for exact expiry times.
   */
  timeZone: TimeZone.default("UTC"),
});

export type TevalisAccount = z.infer<typeof TevalisAccount>;
