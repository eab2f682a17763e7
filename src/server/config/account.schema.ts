/**
 * Accounts as configured: which provider, where it lives, its credentials and what the browser origins
 * may use it. Read only by config loading; adapters get their own account's slice.
 */
import { z } from "zod";
import { CrmcomAccount } from "../providers/crmcom/account.schema.ts";
import { MewsAccount } from "../providers/mews/account.schema.ts";
import { SpaazaAccount } from "../providers/spaaza/account.schema.ts";
import { TevalisAccount } from "../providers/tevalis/account.schema.ts";
import { accountCommon } from "./account-common.ts";

export const JtlAccount = z.strictObject({
  ...accountCommon,
  provider: z.literal("jtl"),
  credentials: z.strictObject({
    clientId: z.string().min(1),
    clientSecret: z.string().min(1),
    clientType: z.string().max(32).optional(),
  }),
});

export const AccountConfig = z.discriminatedUnion("provider", [
  JtlAccount,
  SpaazaAccount,
  TevalisAccount,
  CrmcomAccount,
  MewsAccount,
]);

export type JtlAccount = z.infer<typeof JtlAccount>;
export type AccountConfig = z.infer<typeof AccountConfig>;
