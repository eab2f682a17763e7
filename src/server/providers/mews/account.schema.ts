/**
 * A Mews account (providers.md 004): the Connector API's PlatformAddress as `baseUrl`, the integration's
 * ClientToken and the enterprise's AccessToken, the `Client` name sent with every call, the services whose
 * vouchers a check searches, and the vouchers the access-code admin may add codes to.
 */
import { z } from "zod";
import { accountCommon } from "../../config/account-common.ts";

const guid = z.guid("a Mews identifier (GUID)");

export const MewsAccount = z.strictObject({
  ...accountCommon,
  provider: z.literal("mews"),
  credentials: z.strictObject({
    /** Identifies the integration (the same for every property it connects to). */
    clientToken: z.string().min(1),
    /** Identifies the enterprise (or, for a Portfolio Access Token, several). */
    accessToken: z.string().min(1),
  }),
  /** "Name and version of the client application", sent as `Client` on every call. */
  client: z.string().min(1).max(255).default("voucher-widget 0.1.0"),
  /** Needed with a Portfolio Access Token: the enterprise to read from and write to. */
  enterpriseId: guid.optional(),
  /** Services (e.g. accommodation) whose rate vouchers a code is checked against. */
  serviceIds: z.array(guid).min(1).max(1000),
  /** Vouchers whose codes the admin may list, add and delete. None: no codes admin for this account. */
  voucherIds: z.array(guid).max(1000).default([]),
});

export type MewsAccount = z.infer<typeof MewsAccount>;
/** What a config file may leave out (defaults filled in by the schema). */
export type MewsAccountInput = z.input<typeof MewsAccount>;
