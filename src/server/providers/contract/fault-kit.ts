/**
 * Small steps the fault suite is written in: hold a fresh voucher, redeem under a key, read what the BFF
 * recorded (hold state, journal) and what reached the provider, and poll with a deadline (never sleep).
 */
import { randomUUID } from "node:crypto";
import type { LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import { fromMinor, Problem } from "../../../shared/index.ts";
import { journalForHold } from "../../store/journal.ts";
import type { FaultBff } from "./fault-bff.ts";
import type { ContractHarness, FaultTarget, SeededVoucher } from "./harness.ts";

export interface HeldVoucher {
  voucher: SeededVoucher;
  holdId: string;
  /** Held (and so redeemed) minor units. */
  amount: number;
  /** What the voucher was worth when seeded. */
  value: number;
}

/** Polls `check` until it holds, failing with `what` after `timeoutMs`. */
export async function until(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Asserts a problem+json answer with `code` and returns the problem. */
export function expectProblem(response: LightMyRequestResponse, code: string): Problem {
  expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
  const problem = Problem.parse(response.json());
  expect(problem.code).toBe(code);
  return problem;
}

export function faultKit(harness: () => ContractHarness, bff: () => FaultBff) {
  const h = () => harness();
  const money = (minor: number) => ({ amount: fromMinor(minor, h().currency), currency: h().currency });
  const kit = {
    money,
    /** Seeds a voucher worth `value` and asks to hold `part` of it (all of it where only full redemption exists). */
    async attemptHold(value = 5000, part = 1500) {
      const voucher = await h().seed(value);
      const amount = h().adapter.capabilities.redeem === "full" ? value : part;
      return { voucher, amount, value, response: await kit.hold(voucher, amount) };
    },
    /** Like `attemptHold`, and asserts the hold was made. */
    async held(value = 5000, part = 1500): Promise<HeldVoucher> {
      const { response, ...rest } = await kit.attemptHold(value, part);
      expect(response.statusCode, response.body).toBe(201);
      return { ...rest, holdId: response.json().hold.id };
    },
    hold(voucher: SeededVoucher, amount: number) {
      const body = { code: voucher.code, ...(voucher.pin ? { pin: voucher.pin } : {}), amount: money(amount) };
      return bff().call("POST", "/api/v1/holds", body, randomUUID());
    },
    redeem(holdId: string, key: string, orderRef = `order-${holdId}`) {
      return bff().call("POST", `/api/v1/holds/${holdId}/redeem`, { orderRef }, key);
    },
    async holdState(holdId: string): Promise<{ state: string; redemptionId?: string }> {
      return (await bff().call("GET", `/api/v1/holds/${holdId}`)).json().hold;
    },
    async journal(holdId: string): Promise<string[]> {
      const entries = await bff().store.db.transaction((tx) => journalForHold(tx, holdId));
      return entries.map((e) => e.event);
    },
    calls: (target: FaultTarget) => h().upstreamCalls!(target),
    balance: (v: HeldVoucher) => h().providerBalance(v.voucher),
    /** Asserts the voucher's balance at the provider went down by the held amount, exactly once. */
    async expectChargedOnce(v: HeldVoucher): Promise<void> {
      expect(await h().providerBalance(v.voucher)).toBe(v.value - v.amount);
    },
  };
  return kit;
}
