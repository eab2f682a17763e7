/**
 * Spaaza adapter (DESIGN §1, providers.md 001). A voucher is found by its 64-hex key through the Resources
 * API; a hold is Spaaza's own lock (`lock-voucher`, 120–3600 s), extended by locking again and released with
 * `unlock-voucher`; redemption is `redeem-voucher` for the held amount, after `claim-voucher` where the
 * voucher is still `generated`. A partial redemption leaves the rest on a regenerated voucher (its own key,
 * in the customer's wallet), whose balance is the remaining balance. No refunds and no issuing: Spaaza's
 * vouchers come from campaigns.
 */
import type { Capabilities } from "../../../shared/index.ts";
import { HttpProblem } from "../../errors/http-problem.ts";
import { type HeldVoucher, type ProviderAdapter, type UpstreamHold, unsupported } from "../port.ts";
import { SPAAZA_LOCK_PERIOD, type SpaazaAccount } from "./account.schema.ts";
import { toSpaazaAmount } from "./amount.ts";
import { SpaazaClient, type SpaazaDeps } from "./client.ts";
import type { SpaazaOperation } from "./errors.ts";
import { ClassicVoucher, RedeemResults, ResourceVoucher } from "./schemas.ts";
import { fromClassic, fromResource, type SpaazaVoucher, statusOf, voucherKey } from "./voucher.ts";

/** What Spaaza can do, as the widget is told (DESIGN §1); the default lock period is the account's. */
export function spaazaCapabilities(lockPeriodSeconds: number = SPAAZA_LOCK_PERIOD.default): Capabilities {
  return {
    check: true,
    pin: "none",
    hold: true,
    holdKeptBy: "provider",
    holdTtl: { min: SPAAZA_LOCK_PERIOD.min, max: SPAAZA_LOCK_PERIOD.max, default: lockPeriodSeconds },
    extend: true,
    release: true,
    redeem: "partial",
    refund: "none",
    issue: false,
    issueValidity: false,
    codesAdmin: false,
  };
}

const invalid = () => new HttpProblem("VOUCHER_INVALID");
const enc = encodeURIComponent;

/** Makes the adapter for one Spaaza account. `deps` lets tests inject fetch and a clock. */
export function createSpaazaAdapter(account: SpaazaAccount, deps: SpaazaDeps = {}): ProviderAdapter {
  const client = new SpaazaClient(account, deps);
  const now = deps.now ?? Date.now;

  async function read(op: SpaazaOperation, ref: { key: string } | { id: string }): Promise<SpaazaVoucher> {
    const path = "key" in ref ? `/resources/voucher?key=${enc(ref.key)}` : `/resources/voucher/${enc(ref.id)}`;
    return fromResource(account, await client.call(op, { method: "GET", path, resource: true }, ResourceVoucher));
  }

  /** Locks (or locks again) for `ttlSeconds`; the hold ends when Spaaza's lock does. */
  async function lock(op: "hold" | "extend", key: string, ttlSeconds?: number): Promise<UpstreamHold> {
    const form = { voucher_key: key, voucher_lock_period: String(ttlSeconds ?? account.lockPeriodSeconds) };
    const locked = fromClassic(
      account,
      await client.call(op, { method: "PUT", path: "/lock-voucher", form }, ClassicVoucher),
    );
    if (!locked.lockedUntil) throw new HttpProblem("PROVIDER_ERROR", "Spaaza did not say how long the lock lasts.");
    return {
      reservationId: locked.id,
      voucherId: locked.id,
      expiresAt: locked.lockedUntil,
      balance: { minor: locked.balance, currency: locked.currency },
    };
  }

  const keyOf = (held: HeldVoucher) => voucherKey(held.code) ?? "";

  return {
    provider: "spaaza",
    voucherKind: "value",
    capabilities: spaazaCapabilities(account.lockPeriodSeconds),

    async check({ code }) {
      const key = voucherKey(code);
      if (!key) throw invalid();
      const voucher = await read("read", { key });
      return {
        kind: "value",
        status: statusOf(voucher, now()),
        balance: { minor: voucher.balance, currency: voucher.currency },
        validUntil: voucher.expiresAt,
      };
    },

    async hold({ code, amount, ttlSeconds }) {
      const key = voucherKey(code);
      if (!key) throw invalid();
      const voucher = await read("hold", { key });
      // Spaaza locks the whole voucher whatever the sale: the amount is ours to check.
      if (amount.currency !== voucher.currency) throw new HttpProblem("CURRENCY_MISMATCH");
      if (voucher.expiresAt && voucher.expiresAt.getTime() <= now()) throw new HttpProblem("VOUCHER_EXPIRED");
      if (amount.minor > voucher.balance) throw new HttpProblem("INSUFFICIENT_BALANCE");
      return lock("hold", key, ttlSeconds);
    },

    // Extending is documented nowhere; locking again by the same login sets a new `voucher_locked_until`.
    extend: (held, ttlSeconds) => lock("extend", keyOf(held), ttlSeconds),

    async release(held) {
      const key = keyOf(held);
      const voucher = await read("unlock", { key });
      // Unlock only our own lock: once ours lapsed, a lock there now belongs to another sale (any admin
      // of the chain may unlock, so Spaaza would not stop us).
      // Spaaza's times have whole seconds; the stored expiry is the one it gave us.
      if (!voucher.lockedUntil || Math.abs(voucher.lockedUntil.getTime() - held.expiresAt.getTime()) >= 1000) return;
      try {
        await client.call(
          "unlock",
          { method: "PUT", path: "/unlock-voucher", form: { voucher_key: key } },
          ClassicVoucher,
        );
      } catch (error) {
        // It lapsed between the read and the unlock: released either way.
        if (!(error instanceof HttpProblem) || error.code !== "HOLD_NOT_FOUND") throw error;
      }
    },

    async redeem(held) {
      const key = keyOf(held);
      const voucher = await read("redeem", { key });
      if (voucher.status === "redeemed") throw new HttpProblem("ALREADY_REDEEMED");
      if (!voucher.lockedUntil) throw new HttpProblem("HOLD_EXPIRED", "Spaaza's lock on this voucher has ended.");
      if (held.amount.currency !== voucher.currency) throw new HttpProblem("CURRENCY_MISMATCH");
      if (voucher.status === "generated") {
        await client.call(
          "claim",
          { method: "POST", path: "/claim-voucher", form: { voucher_key: key } },
          ClassicVoucher,
        );
      }
      const form = { voucher_key: key, chain_id: String(account.chainId), amount: toSpaazaAmount(held.amount) };
      const call = { method: "POST", path: "/auth/redeem-voucher", form, movesMoney: true } as const;
      const results = await client.call("redeem", call, RedeemResults);
      try {
        const redeemed = fromClassic(account, results);
        const rest = results.regenerated_voucher ? fromClassic(account, results.regenerated_voucher) : null;
        return {
          upstreamId: redeemed.id,
          amount: { minor: redeemed.amountRedeemed ?? held.amount.minor, currency: redeemed.currency },
          remainingBalance: { minor: rest?.balance ?? 0, currency: redeemed.currency },
        };
      } catch (error) {
        // Spaaza said ok: money moved even if we cannot read the answer, so the services must look it up.
        throw new HttpProblem("PROVIDER_ERROR", "Spaaza sent a redemption answer we cannot read.", {
          outcomeUnknown: true,
          cause: error,
        });
      }
    },

    // redeem-voucher takes no order reference; while our lock lasted only our login could redeem, so a
    // redemption of exactly the held amount is ours. The regenerated remainder cannot be found from the
    // parent through a documented read, so the remaining balance stays unknown here.
    async findRedemption(held) {
      const voucher = await read("read", held.voucherId ? { id: held.voucherId } : { key: keyOf(held) });
      if (voucher.status !== "redeemed" || voucher.amountRedeemed !== held.amount.minor) return null;
      return { upstreamId: voucher.id, amount: { minor: voucher.amountRedeemed, currency: voucher.currency } };
    },

    refund: async () => unsupported("refunds"),
    issue: async () => unsupported("issuing vouchers (Spaaza vouchers come from campaigns)"),
  };
}
