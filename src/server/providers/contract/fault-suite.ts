/**
 * The fault suite every provider that redeems runs against its simulator (issue 4, "Faults from the
 * provider"), through the BFF's routes: latency past the BFF's timeout, 5xx, 429 with Retry-After,
 * connection resets and "commit then drop" on the charge, and the same faults on reads and holds. Each test
 * fails if money moves twice, a redemption is lost, or a call that is not safe to repeat is repeated; the
 * provider's own balance and request counters are the evidence. Wire it up like the contract suite:
 * `runFaultSuite("jtl", makeJtlFaultHarness)` with a harness that implements `setFaults` and
 * `upstreamCalls`. The breaker and retry tests are in `fault-suite-health.ts`.
 */
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type FaultBff, startFaultBff } from "./fault-bff.ts";
import { expectProblem, faultKit, type HeldVoucher, until } from "./fault-kit.ts";
import { runHealthFaults } from "./fault-suite-health.ts";
import type { ContractHarness, ProviderFault } from "./harness.ts";

/** The adapter's timeout per upstream call in this suite (generous: a busy machine must not trip it). */
export const FAULT_TIMEOUT_MS = 2000;
/** The services' settle grace in this suite (passed by moving the BFF's clock, never by waiting). */
const GRACE_SECONDS = 30;

export type FaultHarnessFactory = (options: { timeoutMs: number }) => Promise<ContractHarness>;

export function runFaultSuite(name: string, makeHarness: FaultHarnessFactory): void {
  describe(`${name}: provider faults`, () => {
    let h: ContractHarness;
    let bff: FaultBff;
    const kit = faultKit(
      () => h,
      () => bff,
    );
    const setFaults = (...faults: ProviderFault[]) => h.setFaults!(faults);

    beforeAll(async () => {
      h = await makeHarness({ timeoutMs: FAULT_TIMEOUT_MS });
      if (!h.setFaults || !h.upstreamCalls) throw new Error(`${name}: the harness needs setFaults and upstreamCalls`);
      expect(h.adapter.capabilities.hold && h.adapter.capabilities.redeem !== "none").toBe(true);
      bff = await startFaultBff(h, {
        account: name,
        settleGraceSeconds: GRACE_SECONDS,
        resilience: { circuit: { failureThreshold: 5, coolDownMs: 2000 } },
      });
    });
    afterEach(async () => {
      await h.setFaults?.([]);
      bff?.circuit.reset();
    });
    afterAll(async () => {
      await bff?.close();
      await h?.close();
    });

    /** Redeems `v` under `key` and asserts one redemption of the held amount, charged once upstream. */
    async function expectRedeemedOnce(v: HeldVoucher, key: string) {
      const answer = await kit.redeem(v.holdId, key);
      expect(answer.statusCode, answer.body).toBe(200);
      const { redemption } = answer.json();
      expect(redemption.amount).toEqual(kit.money(v.amount));
      expect(await kit.holdState(v.holdId)).toMatchObject({ state: "redeemed", redemptionId: redemption.id });
      await kit.expectChargedOnce(v);
      return redemption as { id: string };
    }

    it("latency past the timeout on a charge: pending until the late charge is found, never charged twice", async () => {
      const v = await kit.held();
      const charges = await kit.calls("redeem");
      // The charge lands 2.5 s after the BFF gave up: well after its lookup, even on a busy machine.
      await setFaults({ on: "redeem", kind: "latency", ms: FAULT_TIMEOUT_MS + 2500 });
      const key = randomUUID();
      const first = await kit.redeem(v.holdId, key);
      expect(expectProblem(first, "PROVIDER_UNAVAILABLE").retryable).toBe(true);
      // The lookup right after the timeout found nothing yet: that is not proof, so it stays pending.
      expect((await kit.holdState(v.holdId)).state).toBe("redeeming");
      await until(async () => (await kit.balance(v)) === v.value - v.amount, "the late charge landed");
      await setFaults();
      await expectRedeemedOnce(v, key);
      expect(await kit.calls("redeem")).toBe(charges + 1);
      expect(await kit.journal(v.holdId)).toEqual(["hold_created", "redemption_pending", "redemption_committed"]);
    });

    it("5xx on a charge: asked, never repeated blindly; redeemed once after the grace under the same key", async () => {
      const v = await kit.held();
      const [charges, lookups] = [await kit.calls("redeem"), await kit.calls("lookup")];
      await setFaults({ on: "redeem", kind: "error", status: 502, count: 1 });
      const key = randomUUID();
      const first = await kit.redeem(v.holdId, key);
      // Pending: come back when the grace is over, not at once (the lookup cannot tell more before then).
      expect(expectProblem(first, "PROVIDER_UNAVAILABLE")).toMatchObject({
        retryable: true,
        retryAfterSeconds: GRACE_SECONDS,
      });
      expect(first.headers["retry-after"]).toBe(String(GRACE_SECONDS));
      expect(await kit.calls("lookup")).toBeGreaterThan(lookups);
      // A retry within the grace asks again but does not charge again, and is told the time still left.
      bff.advance(20);
      const retried = await kit.redeem(v.holdId, key);
      expect(expectProblem(retried, "PROVIDER_UNAVAILABLE").retryAfterSeconds).toBe(GRACE_SECONDS - 20);
      expect(await kit.calls("redeem")).toBe(charges + 1);
      expect(await kit.balance(v)).toBe(v.value);
      bff.advance(GRACE_SECONDS - 20 + 1);
      await expectRedeemedOnce(v, key);
      expect(await kit.calls("redeem")).toBe(charges + 2);
      expect(await kit.journal(v.holdId)).toEqual([
        "hold_created",
        "redemption_pending",
        "redemption_failed",
        "redemption_pending",
        "redemption_committed",
      ]);
    });

    it("429 on a charge: RATE_LIMITED with Retry-After, not repeated by the BFF; the client's retry redeems once", async () => {
      const v = await kit.held();
      const charges = await kit.calls("redeem");
      await setFaults({ on: "redeem", kind: "rateLimit", retryAfterSeconds: 1, count: 1 });
      const key = randomUUID();
      const limited = await kit.redeem(v.holdId, key);
      expect(limited.statusCode).toBe(429);
      expect(expectProblem(limited, "RATE_LIMITED")).toMatchObject({ retryable: true, retryAfterSeconds: 1 });
      expect(limited.headers["retry-after"]).toBe("1");
      expect((await kit.holdState(v.holdId)).state).toBe("active");
      expect(await kit.calls("redeem")).toBe(charges + 1);
      await expectRedeemedOnce(v, key);
      expect(await kit.calls("redeem")).toBe(charges + 2);
    });

    it("connection reset on a charge: not repeated; redeemed once after the grace", async () => {
      const v = await kit.held();
      const charges = await kit.calls("redeem");
      await setFaults({ on: "redeem", kind: "reset", count: 1 });
      const key = randomUUID();
      expect(expectProblem(await kit.redeem(v.holdId, key), "PROVIDER_UNAVAILABLE").retryable).toBe(true);
      expect(await kit.calls("redeem")).toBe(charges + 1);
      expect(await kit.balance(v)).toBe(v.value);
      bff.advance(GRACE_SECONDS + 1);
      await expectRedeemedOnce(v, key);
      expect(await kit.calls("redeem")).toBe(charges + 2);
    });

    it("commit then drop on a charge: found by the lookup in the same request, charged once", async () => {
      const v = await kit.held();
      const charges = await kit.calls("redeem");
      await setFaults({ on: "redeem", kind: "commitThenDrop", count: 1 });
      const key = randomUUID();
      const redemption = await expectRedeemedOnce(v, key);
      const replay = await kit.redeem(v.holdId, key);
      expect(replay.headers["idempotency-replayed"]).toBe("true");
      expect(replay.json().redemption.id).toBe(redemption.id);
      expect(await kit.calls("redeem")).toBe(charges + 1);
    });

    /** Commit then drop while the provider cannot be asked either: the BFF must answer retryably. */
    async function lostWhileLookupsFail(): Promise<{ v: HeldVoucher; key: string; charges: number }> {
      const v = await kit.held();
      const charges = await kit.calls("redeem");
      await setFaults(
        { on: "redeem", kind: "commitThenDrop", count: 1 },
        { on: "lookup", kind: "error", status: 503, count: 50 },
      );
      const key = randomUUID();
      // The provider cannot be asked and gave no hint: try again in a few seconds.
      expect(expectProblem(await kit.redeem(v.holdId, key), "PROVIDER_UNAVAILABLE")).toMatchObject({
        retryable: true,
        retryAfterSeconds: expect.any(Number),
      });
      expect((await kit.holdState(v.holdId)).state).toBe("redeeming");
      await kit.expectChargedOnce(v);
      // Another key cannot redeem the hold meanwhile.
      expectProblem(await kit.redeem(v.holdId, randomUUID()), "ALREADY_REDEEMED");
      await setFaults();
      return { v, key, charges };
    }

    it("commit then drop while lookups fail: retryable; the retry with the same key gets the one redemption", async () => {
      const { v, key, charges } = await lostWhileLookupsFail();
      await expectRedeemedOnce(v, key);
      expect(await kit.calls("redeem")).toBe(charges + 1);
      expect(await kit.journal(v.holdId)).toEqual(["hold_created", "redemption_pending", "redemption_committed"]);
    });

    it("commit then drop while lookups fail: the reconciler settles it, and the client's retry replays it", async () => {
      const { v, key, charges } = await lostWhileLookupsFail();
      expect(await bff.services.reconcilePending()).toBeGreaterThanOrEqual(1);
      expect((await kit.holdState(v.holdId)).state).toBe("redeemed");
      const replay = await kit.redeem(v.holdId, key);
      expect(replay.statusCode).toBe(200);
      expect(replay.headers["idempotency-replayed"]).toBe("true");
      expect(await kit.holdState(v.holdId)).toMatchObject({ redemptionId: replay.json().redemption.id });
      expect(await kit.calls("redeem")).toBe(charges + 1);
    });

    runHealthFaults(name, {
      kit,
      setFaults,
      bff: () => bff,
    });
  });
}
