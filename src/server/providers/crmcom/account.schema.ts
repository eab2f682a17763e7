/**
 * A CRM.COM account as configured. The common fields (id, baseUrl, currency, allowedOrigins, timeoutMs) are
 * every account's (`account-common.ts`). `baseUrl` is the API root including the
 * version, e.g. `https://crm.example/crmapi/rest/v2`.
 */
import { z } from "zod";
import { accountCommon } from "../../config/account-common.ts";

const text = z.string().min(1).max(255);

/** CRM.COM identifies a record by one of a few fields, one at a time: `{"number": "ACR0000000001"}`. */
const byId = z.strictObject({ id: text });
const byNumber = z.strictObject({ number: text });
const byName = z.strictObject({ name: text });
const byCode = z.strictObject({ alternative_code: text });

export const AccountsReceivableIdentifier = z.union([byId, byNumber, byName]);
export const VoucherTypeIdentifier = z.union([byId, byName, byCode]);
export const WalletIdentifier = z.union([byId, byNumber]);
export const UnitIdentifier = z.union([byId, byName, byCode]);

export const CrmcomAccount = z.strictObject({
  ...accountCommon,
  provider: z.literal("crmcom"),
  /** The login of a CRM.COM user allowed to show, use and purchase vouchers and read secret numbers. */
  credentials: z.strictObject({
    username: text,
    password: text,
    organisation: text,
    unit: text.optional(),
  }),
  /**
   * How long a token lives. R12.0.0 and later: two hours from login (absolute). Older releases end a token
   * after an hour without use: set 3600. A refused token is replaced once either way.
   */
  tokenLifetimeSeconds: z.int().min(60).max(86_400).default(7200),
  /** The accounts receivable a voucher's payment is allocated to on use, where the organisation needs one. */
  redeemAccountsReceivable: AccountsReceivableIdentifier.optional(),
  /** Selling vouchers (`purchase_evoucher`); without it the account cannot issue. */
  issue: z
    .strictObject({
      /** An Electronic Payment Voucher type with VARIABLE value options (the sale amount is its value). */
      voucherType: VoucherTypeIdentifier,
      /** The accounts receivable that buys the vouchers the till sells (usually the shop's own). */
      purchasedBy: AccountsReceivableIdentifier,
      useFundsFrom: z.enum(["ACCOUNTS_RECEIVABLE", "WALLET"]).default("ACCOUNTS_RECEIVABLE"),
      /** With WALLET: the wallet paying (default: the purchaser's). */
      wallet: WalletIdentifier.optional(),
      /** Sent as `sold_by_business_unit_identifier` (R18+). */
      soldByBusinessUnit: UnitIdentifier.optional(),
    })
    .optional(),
});

export type CrmcomAccount = z.infer<typeof CrmcomAccount>;
