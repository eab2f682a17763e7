/**
 * The one contract suite every provider adapter passes (DESIGN §6.8): hold → release, hold → expiry,
 * double redeem, refund, issue, error mapping and auth refresh, run through the real money services on
 * an in-memory store against the provider's simulator over HTTP. A step the provider lacks is asserted to
 * answer NOT_SUPPORTED, never skipped.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Capabilities, fromMinor } from "../../../shared/index.ts";
import { HttpProblem } from "../../errors/http-problem.ts";
import { createMoneyServices, type MoneyServicesRuntime, type RequestContext } from "../../services/index.ts";
import { openStore, type Store } from "../../store/index.ts";
import type { ContractHarness, SeededVoucher } from "./harness.ts";

/** Resolves to the problem code a promise rejects with (fails the test if it resolves). */
async function problemCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HttpProblem) return error.code;
    throw error;
  }
  throw new Error("expected a problem, got an answer");
}

export function runAdapterContract(name: string, makeHarness: () => Promise<ContractHarness>): void {
  describe(`${name}: adapter contract`, () => {
    let h: ContractHarness;
    let store: Store;
    let services: MoneyServicesRuntime;
    let offsetMs = 0;
    let terminal = 0;

    beforeAll(async () => {
      h = await makeHarness();
      store = await openStore({});
      const account = { id: name, currency: h.currency, adapter: h.adapter };
      services = createMoneyServices({
        store,
        secretKey: randomBytes(32),
        getAccount: () => account,
        now: () => new Date(Date.now() + offsetMs),
      });
    });
    afterAll(async () => {
      await store?.close();
      await h?.close();
    });

    const caps = () => h.adapter.capabilities;
    const ctx = (): RequestContext => ({
      account: { id: name, currency: h.currency, adapter: h.adapter },
      terminalId: `terminal-${++terminal}`,
      abilities: ["redeem", "issue", "refund", "codes"],
    });
    const money = (minor: number) => ({ amount: fromMinor(minor, h.currency), currency: h.currency });
    /** What to hold of a voucher worth `value`: all of it where only full redemption exists. */
    const holdAmount = (value: number, part: number) => (caps().redeem === "full" ? value : part);
    const hold = (voucher: SeededVoucher, minor: number, c = ctx()) =>
      services.createHold(c, { code: voucher.code, pin: voucher.pin, amount: money(minor) }, randomUUID());
    const advance = async (seconds: number) => {
      await h.advanceClock(seconds);
      offsetMs += seconds * 1000;
    };

    it("publishes capabilities that fit the contract and agree with each other", () => {
      const c = Capabilities.parse(caps());
      expect(c.holdKeptBy === null).toBe(!c.hold);
      if (!c.hold) expect([c.extend, c.release, c.redeem]).toEqual([false, false, "none"]);
      if (h.adapter.voucherKind === "access") expect([c.redeem, c.refund, c.hold]).toEqual(["none", "none", false]);
    });

    it("checks a voucher by code, or answers NOT_SUPPORTED", async () => {
      const voucher = await h.seed(2500);
      const check = services.check(ctx(), { code: voucher.code, pin: voucher.pin });
      if (!caps().check) {
        expect(await problemCode(check)).toBe("NOT_SUPPORTED");
        return;
      }
      const { voucher: summary } = await check;
      expect(summary.kind).toBe(h.adapter.voucherKind);
      expect(summary.status).toBe("active");
      expect(summary.maskedCode).not.toContain(voucher.code.slice(0, -4) || "\u0000");
      if (h.adapter.voucherKind === "value") expect(summary.balance).toEqual(money(2500));
    });

    it("maps an unknown code (and a wrong PIN) to VOUCHER_INVALID", async () => {
      const unknown = { code: "NOSUCHCODE0000000042", pin: caps().pin === "none" ? undefined : "0000" };
      const attempt = caps().check ? services.check(ctx(), unknown) : hold(unknown, 100);
      expect(await problemCode(attempt)).toBe(caps().check || caps().hold ? "VOUCHER_INVALID" : "NOT_SUPPORTED");
      if (caps().pin === "none") return;
      const voucher = await h.seed(1000);
      const wrong = { code: voucher.code, pin: `${voucher.pin ?? ""}9` };
      const wrongAttempt = caps().check ? services.check(ctx(), wrong) : hold(wrong, holdAmount(1000, 100));
      expect(await problemCode(wrongAttempt)).toBe("VOUCHER_INVALID");
    });

    it("hold → release gives the voucher back", async () => {
      const voucher = await h.seed(3000);
      const amount = holdAmount(3000, 1200);
      if (!caps().hold) {
        expect(await problemCode(hold(voucher, amount))).toBe("NOT_SUPPORTED");
        return;
      }
      const { body } = await hold(voucher, amount);
      expect(body.hold.state).toBe("active");
      expect(body.hold.keptBy).toBe(caps().holdKeptBy);
      expect(Date.parse(body.hold.expiresAt)).toBeGreaterThan(Date.now() + offsetMs);
      expect(await problemCode(hold(voucher, amount))).toBe("VOUCHER_HELD");
      const released = await services.releaseHold(ctx(), body.hold.id).catch((e) => e);
      if (!caps().release) {
        expect(released).toMatchObject({ code: "NOT_SUPPORTED" });
        return;
      }
      expect(released.hold.state).toBe("released");
      const again = await hold(voucher, amount);
      expect(again.body.hold.state).toBe("active");
      await services.releaseHold(ctx(), again.body.hold.id);
    });

    it("hold → expiry: the hold lapses and cannot be redeemed", async () => {
      const voucher = await h.seed(2000);
      const amount = holdAmount(2000, 500);
      if (!caps().hold) {
        expect(await problemCode(hold(voucher, amount))).toBe("NOT_SUPPORTED");
        return;
      }
      const c = ctx();
      const { body } = await hold(voucher, amount, c);
      await advance(Math.ceil((Date.parse(body.hold.expiresAt) - (Date.now() + offsetMs)) / 1000) + 5);
      expect((await services.getHold(c, body.hold.id)).hold.state).toBe("expired");
      expect(await problemCode(services.redeem(c, body.hold.id, { orderRef: "late" }, randomUUID()))).toBe(
        "HOLD_EXPIRED",
      );
      expect(await h.providerBalance(voucher)).toBe(h.adapter.voucherKind === "value" ? 2000 : null);
    });

    it("extends a hold where it can, or answers NOT_SUPPORTED", async () => {
      if (!caps().hold) return expect(caps().extend).toBe(false);
      const voucher = await h.seed(1500);
      const c = ctx();
      const { body } = await hold(voucher, holdAmount(1500, 700), c);
      await advance(60);
      const extended = services.extendHold(c, body.hold.id, {});
      if (!caps().extend) {
        expect(await problemCode(extended)).toBe("NOT_SUPPORTED");
        return;
      }
      const after = (await extended).hold;
      expect(Date.parse(after.expiresAt)).toBeGreaterThan(Date.parse(body.hold.expiresAt));
      await services.releaseHold(c, body.hold.id).catch(() => undefined);
    });

    it("redeems once: a second redeem with another key is ALREADY_REDEEMED and the balance moves once", async () => {
      const voucher = await h.seed(4000);
      const amount = holdAmount(4000, 1500);
      if (caps().redeem === "none") {
        const held = {
          holdId: "h",
          code: voucher.code,
          reservationId: "",
          amount: { minor: amount, currency: h.currency },
          expiresAt: new Date(),
        };
        expect(await problemCode(h.adapter.redeem(held, "order"))).toBe("NOT_SUPPORTED");
        return;
      }
      const c = ctx();
      const { body } = await hold(voucher, amount, c);
      const first = await services.redeem(c, body.hold.id, { orderRef: "order-1" }, randomUUID());
      expect(first.body.redemption.amount).toEqual(money(amount));
      expect(await problemCode(services.redeem(c, body.hold.id, { orderRef: "order-1" }, randomUUID()))).toBe(
        "ALREADY_REDEEMED",
      );
      expect(await h.providerBalance(voucher)).toBe(4000 - amount);
      if (first.body.redemption.remainingBalance)
        expect(first.body.redemption.remainingBalance).toEqual(money(4000 - amount));
    });

    it("refunds part of a redemption where it can, or answers NOT_SUPPORTED", async () => {
      if (caps().refund === "none") {
        const upstream = { upstreamId: "x", amount: { minor: 100, currency: h.currency } };
        expect(await problemCode(h.adapter.refund(upstream, upstream.amount))).toBe("NOT_SUPPORTED");
        return;
      }
      const voucher = await h.seed(3000);
      const c = ctx();
      const { body } = await hold(voucher, holdAmount(3000, 2000), c);
      const { body: r } = await services.redeem(c, body.hold.id, { orderRef: "order-r" }, randomUUID());
      await services.refund(c, r.redemption.id, { amount: money(500) }, randomUUID());
      expect(await h.providerBalance(voucher)).toBe(3000 - holdAmount(3000, 2000) + 500);
    });

    it("issues a voucher where it can, or answers NOT_SUPPORTED", async () => {
      const issued = services.issue(ctx(), { amount: money(2000) }, randomUUID());
      if (!caps().issue) {
        expect(await problemCode(issued)).toBe("NOT_SUPPORTED");
        return;
      }
      const { body } = await issued;
      expect(body.voucher.amount).toEqual(money(2000));
      expect(body.voucher.code.length).toBeGreaterThan(3);
      if (caps().check) {
        const { voucher } = await services.check(ctx(), { code: body.voucher.code, pin: body.voucher.pin });
        expect(voucher.status).toBe("active");
      }
    });

    it("logs in again when the provider forgets its tokens", async () => {
      const voucher = await h.seed(1000);
      await h.revokeAuth();
      if (caps().check) {
        expect((await services.check(ctx(), { code: voucher.code, pin: voucher.pin })).voucher.status).toBe("active");
      } else {
        const { body } = await hold(voucher, holdAmount(1000, 100));
        expect(body.hold.state).toBe("active");
        await services.releaseHold(ctx(), body.hold.id);
      }
    });
  });
}
