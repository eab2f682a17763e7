/**
 * Mews adapter (DESIGN §1, providers.md 004). A Mews voucher is a code that opens private hotel rates: no
 * money, so nothing to hold, redeem or refund. A check looks the code up through `vouchers/getAll` with
 * `VoucherCodeValues` in the account's services and reads its validity and activity state; the access-code
 * admin lists, adds and deletes codes of the account's vouchers.
 */
import type { Capabilities } from "../../../shared/index.ts";
import { HttpProblem } from "../../errors/http-problem.ts";
import { type ProviderAdapter, unsupported, type VoucherInfo } from "../port.ts";
import type { MewsAccount } from "./account.schema.ts";
import { MewsClient, type MewsDeps } from "./client.ts";
import { codeState } from "./code-state.ts";
import { createCodesAdmin } from "./codes-admin.ts";
import { VouchersAnswer, voucherActive } from "./schemas.ts";

/** What Mews can do, as the widget is told; codes admin only where the account names vouchers for it. */
export function mewsCapabilities(account: Pick<MewsAccount, "voucherIds">): Capabilities {
  return {
    check: true,
    pin: "none",
    hold: false,
    holdKeptBy: null,
    holdTtl: null,
    extend: false,
    release: false,
    redeem: "none",
    refund: "none",
    issue: false,
    issueValidity: false,
    codesAdmin: account.voucherIds.length > 0,
  };
}

/** Best first: a usable code wins over one that is not yet valid, expired or deleted with the same value. */
const rank: Record<VoucherInfo["status"], number> = {
  active: 0,
  not_yet_valid: 1,
  expired: 2,
  inactive: 3,
  redeemed: 4,
  held: 5,
};

const noMoney = "Mews codes open private rates and carry no money";

/** Makes the adapter for one Mews account. `deps` lets tests inject fetch, a clock and the retry wait. */
export function createMewsAdapter(account: MewsAccount, deps: MewsDeps = {}): ProviderAdapter {
  const client = new MewsClient(account, deps);
  const now = deps.now ?? Date.now;
  const capabilities = mewsCapabilities(account);

  return {
    provider: "mews",
    voucherKind: "access",
    capabilities,

    async check({ code }) {
      const answer = await client.call(
        "vouchers/getAll",
        {
          ...(account.enterpriseId ? { EnterpriseIds: [account.enterpriseId] } : {}),
          ServiceIds: account.serviceIds,
          VoucherCodeValues: [code],
          Extent: { Vouchers: true },
          Limitation: { Count: 100 },
        },
        VouchersAnswer,
        "check",
      );
      const vouchers = new Map((answer.Vouchers ?? []).map((v) => [v.Id, v]));
      const nowMs = now();
      const found = (answer.VoucherCodes ?? [])
        .filter((c) => c.Value === code && vouchers.has(c.VoucherId))
        .map((c): VoucherInfo => {
          const voucher = vouchers.get(c.VoucherId)!;
          const state = codeState(c, nowMs);
          return {
            kind: "access",
            status: !voucherActive(voucher) || state === "deleted" ? "inactive" : state,
            validUntil: c.ValidityEndUtc ? new Date(c.ValidityEndUtc) : null,
          };
        })
        .sort((a, b) => rank[a.status] - rank[b.status]);
      if (!found[0]) throw new HttpProblem("VOUCHER_INVALID");
      return found[0];
    },

    hold: async () => unsupported(`holding a voucher (${noMoney})`),
    extend: async () => unsupported("extending a hold"),
    release: async () => unsupported("releasing a hold"),
    redeem: async () => unsupported(`redeeming a voucher (${noMoney}; the code is applied to a booking)`),
    // Nothing is ever redeemed through Mews, so there is never anything to find.
    findRedemption: async () => null,
    refund: async () => unsupported("refunds"),
    issue: async () => unsupported("issuing vouchers here (codes are added in the access-code admin)"),
    ...(capabilities.codesAdmin ? { accessCodes: createCodesAdmin(account, client, now) } : {}),
  };
}
