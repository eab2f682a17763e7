/**
 * Tevalis WebVouchers adapter (DESIGN §1, providers.md 002). Tevalis documents a check by serial (active
 * vouchers only) and `CreateVoucher`; holding, redeeming and refunding a web voucher are not in its public
 * API, so those steps answer NOT_SUPPORTED rather than being faked. Credentials are static headers: no
 * token to cache or refresh.
 */
import type { Capabilities } from "../../../shared/index.ts";
import { HttpProblem } from "../../errors/http-problem.ts";
import { type ProviderAdapter, unsupported } from "../port.ts";
import type { TevalisAccount } from "./account.schema.ts";
import { TevalisClient, type TevalisDeps } from "./client.ts";
import { issueVoucher } from "./issue.ts";
import { findBySerial, serialCandidates, voucherInfo } from "./voucher.ts";

/** What Tevalis can do, as the widget is told (DESIGN §1). */
export const tevalisCapabilities: Capabilities = {
  check: true,
  pin: "none",
  hold: false,
  holdKeptBy: null,
  holdTtl: null,
  extend: false,
  release: false,
  redeem: "none",
  refund: "none",
  issue: true,
  issueValidity: true,
  codesAdmin: false,
};

/** Makes the adapter for one Tevalis account. `deps` lets tests inject fetch and a clock. */
export function createTevalisAdapter(account: TevalisAccount, deps: TevalisDeps = {}): ProviderAdapter {
  const client = new TevalisClient(account, deps);
  const now = deps.now ?? Date.now;
  const notDocumented = (step: string) => unsupported(`${step} (not in Tevalis's public API)`);

  return {
    provider: "tevalis",
    voucherKind: "value",
    capabilities: tevalisCapabilities,

    async check({ code }) {
      for (const serial of serialCandidates(code)) {
        const dto = await findBySerial(client, serial);
        if (dto) return voucherInfo(dto, account, now());
      }
      // Tevalis does not say whether the serial is unknown, spent or expired: one answer for all.
      throw new HttpProblem("VOUCHER_INVALID");
    },

    hold: async () => notDocumented("holds"),
    extend: async () => notDocumented("extending a hold"),
    release: async () => notDocumented("releasing a hold"),
    redeem: async () => notDocumented("redemption"),
    findRedemption: async () => notDocumented("redemption"),
    refund: async () => notDocumented("refunds"),

    issue: (input) => issueVoucher(client, account, input),
  };
}
