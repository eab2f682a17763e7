/**
 * CRM.COM adapter (DESIGN §1, providers.md 003). CRM.COM knows no reservation: holds are kept by this
 * service (`holdKeptBy: "service"`), which validates code, secret number, state and amount and returns its
 * own expiry; the store keeps one hold per voucher. Such a hold cannot stop a use through another channel:
 * extend looks again, and redeem reports what CRM.COM says. `vouchers/use` uses the full value, so a hold
 * for less is refused (PARTIAL_NOT_SUPPORTED). Refunds are not documented (cancel is not a refund).
 */
import type { Capabilities } from "../../../shared/index.ts";
import { HttpProblem, isHttpProblem } from "../../errors/http-problem.ts";
import { type HeldVoucher, type ProviderAdapter, type UpstreamRedemption, unsupported } from "../port.ts";
import type { CrmcomAccount } from "./account.schema.ts";
import { CrmcomClient, type CrmcomDeps } from "./client.ts";
import { issueVoucher } from "./issue.ts";
import { CrmVoucher } from "./schemas.ts";
import { byId, byNumber, crmDate, holdProblem, statusOf, verifiedVoucher, voucherValue } from "./voucher.ts";

/** Hold lifetimes this service offers for CRM.COM (seconds). */
export const CRMCOM_HOLD_TTL = { min: 60, max: 1800, default: 600 } as const;

/** What CRM.COM can do for `account`, as the widget is told (DESIGN §1). */
export function crmcomCapabilities(account: CrmcomAccount): Capabilities {
  return {
    check: true,
    pin: "required",
    hold: true,
    holdKeptBy: "service",
    holdTtl: { ...CRMCOM_HOLD_TTL },
    extend: true,
    release: true,
    redeem: "full",
    refund: "none",
    issue: account.issue !== undefined,
    issueValidity: false,
    codesAdmin: false,
  };
}

/** Makes the adapter for one CRM.COM account. `deps` lets tests inject fetch and a clock. */
export function createCrmcomAdapter(account: CrmcomAccount, deps: CrmcomDeps = {}): ProviderAdapter {
  const client = new CrmcomClient(account, deps);
  const now = deps.now ?? Date.now;

  /** Our expiry, never past the voucher's own. */
  const expiry = (v: CrmVoucher, ttlSeconds: number = CRMCOM_HOLD_TTL.default) => {
    const ours = now() + ttlSeconds * 1000;
    const voucherEnd = crmDate(v.expiration_date)?.getTime() ?? Number.POSITIVE_INFINITY;
    return new Date(Math.min(ours, voucherEnd));
  };
  const show = (held: HeldVoucher) =>
    client.get("lookup", "vouchers/show", held.voucherId ? byId(held.voucherId) : byNumber(held.code), CrmVoucher);
  const redemption = (v: CrmVoucher): UpstreamRedemption => {
    const value = voucherValue(v, account);
    return {
      upstreamId: v.payment?.id ?? v.id,
      amount: value,
      remainingBalance: { minor: 0, currency: value.currency },
    };
  };

  return {
    provider: "crmcom",
    voucherKind: "value",
    capabilities: crmcomCapabilities(account),

    async check({ code, pin }) {
      const v = await verifiedVoucher(client, code, pin);
      const status = statusOf(v, now());
      const value = voucherValue(v, account);
      // A used voucher is worth nothing any more; a cancelled or purged one shows no balance at all.
      const balance =
        status === "redeemed" ? { minor: 0, currency: value.currency } : status === "inactive" ? undefined : value;
      return { kind: "value", status, ...(balance ? { balance } : {}), validUntil: crmDate(v.expiration_date) };
    },

    async hold({ code, pin, amount, ttlSeconds }) {
      const v = await verifiedVoucher(client, code, pin);
      const problem = holdProblem(v, account, amount, now());
      if (problem) throw problem;
      return {
        reservationId: "",
        voucherId: v.id,
        expiresAt: expiry(v, ttlSeconds),
        balance: voucherValue(v, account),
      };
    },

    // Nothing is reserved upstream, so extending is a new expiry of ours, after a look that it is still usable.
    async extend(held, ttlSeconds) {
      const v = await show(held);
      const problem = holdProblem(v, account, held.amount, now());
      if (problem) throw problem;
      return {
        reservationId: "",
        voucherId: v.id,
        expiresAt: expiry(v, ttlSeconds),
        balance: voucherValue(v, account),
      };
    },

    async release() {
      // Nothing was reserved at CRM.COM: the service ends its own hold.
    },

    async redeem(held) {
      const body = {
        voucher_identifier: held.voucherId ? { id: held.voucherId } : { number: held.code },
        secret_number: held.pin ?? "",
        ...(account.redeemAccountsReceivable
          ? { accounts_receivable_identifier: account.redeemAccountsReceivable }
          : {}),
      };
      try {
        return redemption(await client.post("use", "vouchers/use", body, CrmVoucher, true));
      } catch (error) {
        if (!isHttpProblem(error) || error.code !== "VOUCHER_INACTIVE") throw error;
        // Not usable any more: used already (by us, with its answer lost, or elsewhere) or withdrawn.
        const v = await show(held).catch(() => null);
        if (v?.life_cycle_state === "USED") throw new HttpProblem("ALREADY_REDEEMED", "This voucher has been used.");
        throw error;
      }
    },

    // CRM.COM records no order reference on a use: a USED voucher is taken as our redemption having happened.
    async findRedemption(held) {
      const v = await show(held);
      return v.life_cycle_state === "USED" ? redemption(v) : null;
    },

    refund: async () => unsupported("refunds (CRM.COM documents cancelling an unused voucher, not refunds)"),

    async issue(input) {
      if (!account.issue) return unsupported("selling vouchers on this account (no voucher type configured)");
      return issueVoucher(client, account, account.issue, input);
    },
  };
}
