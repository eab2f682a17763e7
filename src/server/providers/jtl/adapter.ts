/**
 * JTL-Voucher Cloud adapter (DESIGN §1, providers.md 000). JTL has no lookup by code: the reservation is
 * the code/PIN check, and the balance is read after it through the voucher id it returns. Holds are JTL's
 * own reservations (fixed 30 min); extending makes a new one with the same code/PIN (JTL replaces the old);
 * releasing is local only, the reservation lapses at `valid_until`.
 */
import type { Capabilities } from "../../../shared/index.ts";
import { normalizeCode } from "../../../shared/index.ts";
import type { JtlAccount } from "../../config/account.schema.ts";
import { HttpProblem } from "../../errors/http-problem.ts";
import {
  type HeldVoucher,
  type MinorMoney,
  type ProviderAdapter,
  type UpstreamHold,
  type UpstreamRedemption,
  unsupported,
} from "../port.ts";
import { fromJtlAmount, toJtlAmount } from "./amount.ts";
import { JtlClient, type JtlDeps } from "./client.ts";
import { issueVoucher } from "./issue.ts";
import { JtlCharge, JtlChargePage, JtlReservation, JtlVoucher } from "./schemas.ts";

/** What JTL can do, as the widget is told (DESIGN §1). */
export const jtlCapabilities: Capabilities = {
  check: false,
  pin: "optional",
  hold: true,
  holdKeptBy: "provider",
  holdTtl: null,
  extend: true,
  release: true,
  redeem: "partial",
  refund: "partial",
  issue: true,
  issueValidity: true,
  codesAdmin: false,
};

/** Pages of charges read at most when settling an unknown outcome (100 each). */
const MAX_CHARGE_PAGES = 20;

const enc = encodeURIComponent;

/** Makes the adapter for one JTL account. `deps` lets tests inject fetch and a clock. */
export function createJtlAdapter(account: JtlAccount, deps: JtlDeps = {}): ProviderAdapter {
  const client = new JtlClient(account, deps);
  const now = deps.now ?? Date.now;

  /** The voucher's balance, or undefined when it cannot be read now: the hold or charge stands anyway. */
  async function balanceOf(voucherId: string): Promise<MinorMoney | undefined> {
    try {
      const voucher = await client.call("read", { method: "GET", path: `/v1/vouchers/${enc(voucherId)}` }, JtlVoucher);
      if (voucher.remaining_amount === undefined) return undefined;
      return { minor: fromJtlAmount(voucher.remaining_amount, voucher.currency), currency: voucher.currency };
    } catch {
      return undefined;
    }
  }

  async function reserve(code: string, pin: string | undefined, amount: MinorMoney): Promise<UpstreamHold> {
    const json = {
      amount: toJtlAmount(amount),
      currency: amount.currency,
      code: normalizeCode(code),
      ...(pin ? { pin } : {}),
    };
    const reservation = await client.call(
      "reserve",
      { method: "POST", path: "/v1/reservations", json },
      JtlReservation,
    );
    return {
      reservationId: reservation.id,
      voucherId: reservation.voucher_id,
      expiresAt: new Date(reservation.valid_until),
      balance: await balanceOf(reservation.voucher_id),
    };
  }

  async function redemptionFrom(charge: JtlCharge, currency: string): Promise<UpstreamRedemption> {
    return {
      upstreamId: charge.id,
      amount: { minor: fromJtlAmount(charge.amount, currency), currency },
      remainingBalance: await balanceOf(charge.voucher_id),
    };
  }

  return {
    provider: "jtl",
    voucherKind: "value",
    capabilities: jtlCapabilities,

    async check() {
      return unsupported("a balance check before a hold");
    },

    hold: (input) => reserve(input.code, input.pin, input.amount),

    // The lifetime is JTL's fixed 30 minutes; a requested ttl cannot change it.
    extend: (held) => reserve(held.code, held.pin, held.amount),

    async release() {
      // JTL has no cancel endpoint: the reservation lapses at `valid_until` (or when replaced).
    },

    async redeem(held, orderRef) {
      const path = `/v1/reservations/${enc(held.reservationId)}/charge`;
      const charge = await client.call(
        "charge",
        { method: "POST", path, json: { order_number: orderRef }, movesMoney: true },
        JtlCharge,
      );
      return redemptionFrom(charge, held.amount.currency);
    },

    async findRedemption(held: HeldVoucher, orderRef: string) {
      if (!held.voucherId)
        throw new HttpProblem("PROVIDER_ERROR", "Cannot look up JTL charges without the voucher id.");
      let found: JtlCharge | null = null;
      for (let page = 1; page <= MAX_CHARGE_PAGES; page++) {
        const query = new URLSearchParams({ "filter[order_number]": orderRef, page: String(page), per_page: "100" });
        const path = `/v1/vouchers/${enc(held.voucherId)}/charges?${query}`;
        const result = await client.call("read", { method: "GET", path }, JtlChargePage);
        for (const charge of result.data) {
          // Refunds of that charge carry the same order number; only the charge itself counts.
          const same = charge.type === "charge" && charge.order_number === orderRef;
          if (same && fromJtlAmount(charge.amount, held.amount.currency) === held.amount.minor) found = charge;
        }
        const last = result.meta?.last_page ?? (result.links?.next ? page + 1 : page);
        if (page >= last) break;
      }
      return found ? redemptionFrom(found, held.amount.currency) : null;
    },

    async refund(redemption, amount) {
      const path = `/v1/charges/${enc(redemption.upstreamId)}/refund`;
      const json = { amount: toJtlAmount(amount), currency: amount.currency };
      const refund = await client.call("refund", { method: "POST", path, json, movesMoney: true }, JtlCharge);
      return { upstreamId: refund.id };
    },

    issue: (input) => issueVoucher(client, input, now),
  };
}
