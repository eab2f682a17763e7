/**
 * The concurrency guarantees (issue 4), written once and run against any cluster: one PGlite instance,
 * one PostgreSQL instance, two instances on one PostgreSQL. Terminals alternate instances, so on a cluster
 * of two every race is also a race between processes that share nothing but the database.
 * What moved is read from the simulator (its charges and balances), not from the BFF's own answers.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HoldResponse, RedemptionResponse } from "../../shared/index.ts";
import { type Cluster, cents, newKey, problemCode, type Terminal } from "./cluster.fixture.ts";

const eur = (amount: string) => ({ amount, currency: "EUR" });

async function terminals(cluster: Cluster, prefix: string, count: number): Promise<Terminal[]> {
  return Promise.all(Array.from({ length: count }, (_, i) => cluster.terminal(`${prefix}-${i}`)));
}

/** How many calls of one kind the simulator has answered so far. */
async function simCalls(cluster: Cluster, route: string): Promise<number> {
  const stats = await cluster.sim.sim("stats");
  return stats.body.requests[route] ?? 0;
}

/** Registers the concurrency tests for the cluster `open` starts (once for the whole block). */
export function describeConcurrency(name: string, open: () => Promise<Cluster>): void {
  describe(name, () => {
    let cluster: Cluster;
    beforeAll(async () => {
      cluster = await open();
    });
    afterAll(() => cluster?.close());

    it("50 terminals holding one voucher at once: exactly one hold, the rest VOUCHER_HELD", async () => {
      const voucher = await cluster.seed("100.00", "2468");
      const tills = await terminals(cluster, "hold50", 50);
      const reservationsBefore = await simCalls(cluster, "POST /v1/reservations");
      const answers = await Promise.all(
        tills.map((t) =>
          t.call(
            "POST",
            "/api/v1/holds",
            { code: voucher.code, pin: "2468", amount: eur("10.00") },
            {
              "idempotency-key": newKey(),
            },
          ),
        ),
      );
      const held = answers.filter((a) => a.status === 201);
      expect(held).toHaveLength(1);
      expect(HoldResponse.parse(held[0]?.body).hold.state).toBe("active");
      const refused = answers.filter((a) => a.status !== 201).map(problemCode);
      expect(refused).toEqual(Array(49).fill("VOUCHER_HELD"));
      // The provider was asked once: the other 49 were stopped by the database before any upstream call.
      expect((await simCalls(cluster, "POST /v1/reservations")) - reservationsBefore).toBe(1);
    }, 60_000);

    it("many redeems of one hold with different keys at once: exactly one redemption", async () => {
      const voucher = await cluster.seed("50.00");
      const [owner] = await terminals(cluster, "redeem-owner", 1);
      const held = await owner!.call(
        "POST",
        "/api/v1/holds",
        { code: voucher.code, amount: eur("20.00") },
        {
          "idempotency-key": newKey(),
        },
      );
      expect(held.status).toBe(201);
      const holdId = HoldResponse.parse(held.body).hold.id;
      const tills = await terminals(cluster, "redeem", 20);
      const answers = await Promise.all(
        tills.map((t, i) =>
          t.call("POST", `/api/v1/holds/${holdId}/redeem`, { orderRef: `order-${i}` }, { "idempotency-key": newKey() }),
        ),
      );
      const redeemed = answers.filter((a) => a.status === 200);
      expect(redeemed).toHaveLength(1);
      const redemption = RedemptionResponse.parse(redeemed[0]?.body).redemption;
      expect(answers.filter((a) => a.status !== 200).map(problemCode)).toEqual(Array(19).fill("ALREADY_REDEEMED"));
      const charges = await cluster.charges(voucher.id);
      expect(charges.map((c) => [c.amount, c.order_number])).toEqual([["20.00", redemption.orderRef]]);
      expect(await cluster.remainingCents(voucher.id)).toBe(3000);
      const after = await owner!.call("GET", `/api/v1/holds/${holdId}`);
      expect(HoldResponse.parse(after.body).hold).toMatchObject({ state: "redeemed", redemptionId: redemption.id });
    }, 60_000);

    it("one idempotency key sent from many terminals at once: one charge, every success the same redemption", async () => {
      const voucher = await cluster.seed("40.00");
      const [owner] = await terminals(cluster, "same-key-owner", 1);
      const held = await owner!.call(
        "POST",
        "/api/v1/holds",
        { code: voucher.code, amount: eur("15.00") },
        {
          "idempotency-key": newKey(),
        },
      );
      const holdId = HoldResponse.parse(held.body).hold.id;
      const key = newKey();
      const tills = await terminals(cluster, "same-key", 12);
      const answers = await Promise.all(
        tills.map((t) =>
          t.call("POST", `/api/v1/holds/${holdId}/redeem`, { orderRef: "order-1" }, { "idempotency-key": key }),
        ),
      );
      const ids = new Set(
        answers.filter((a) => a.status === 200).map((a) => RedemptionResponse.parse(a.body).redemption.id),
      );
      expect(ids.size).toBe(1);
      for (const code of answers.filter((a) => a.status !== 200).map(problemCode)) {
        expect(code).toBe("IDEMPOTENCY_IN_PROGRESS");
      }
      expect(await cluster.charges(voucher.id)).toHaveLength(1);
      expect(await cluster.remainingCents(voucher.id)).toBe(2500);
    }, 60_000);

    it("one voucher spent in partial holds from many terminals: never more than its balance", async () => {
      const initial = 60_00;
      const voucher = await cluster.seed("60.00");
      const amounts = ["3.00", "5.00", "7.00", "11.00"];
      const tills = await terminals(cluster, "partial", 12);
      const redeemed: { id: string; cents: number }[] = [];
      const unexpected: string[] = [];

      // Each terminal: hold its amount, redeem it, go again; wait a moment when the voucher is held
      // elsewhere; stop when the balance no longer covers its amount. Bounded, so a bug cannot hang the run.
      await Promise.all(
        tills.map(async (till, i) => {
          const amount = amounts[i % amounts.length] as string;
          for (let attempt = 0; attempt < 3000; attempt++) {
            const hold = await till.call(
              "POST",
              "/api/v1/holds",
              { code: voucher.code, amount: eur(amount) },
              {
                "idempotency-key": newKey(),
              },
            );
            if (hold.status !== 201) {
              const code = problemCode(hold);
              if (code === "INSUFFICIENT_BALANCE") return;
              if (code !== "VOUCHER_HELD") unexpected.push(`hold: ${code}`);
              await sleep(10 + Math.random() * 30);
              continue;
            }
            const holdId = HoldResponse.parse(hold.body).hold.id;
            const answer = await till.call(
              "POST",
              `/api/v1/holds/${holdId}/redeem`,
              { orderRef: `${till.terminalId}-${attempt}` },
              {
                "idempotency-key": newKey(),
              },
            );
            if (answer.status !== 200) {
              unexpected.push(`redeem: ${problemCode(answer)}`);
              continue;
            }
            const redemption = RedemptionResponse.parse(answer.body).redemption;
            redeemed.push({ id: redemption.id, cents: cents(redemption.amount.amount) });
          }
          unexpected.push(`${till.terminalId} did not finish`);
        }),
      );

      expect(unexpected).toEqual([]);
      const sum = redeemed.reduce((total, r) => total + r.cents, 0);
      const remaining = await cluster.remainingCents(voucher.id);
      const charges = await cluster.charges(voucher.id);
      expect(sum).toBeLessThanOrEqual(initial);
      expect(remaining).toBeGreaterThanOrEqual(0);
      // What the BFF says it redeemed is exactly what moved upstream: one charge per redemption, same sum.
      expect(charges).toHaveLength(redeemed.length);
      expect(charges.reduce((total, c) => total + cents(c.amount), 0)).toBe(sum);
      expect(remaining).toBe(initial - sum);
      // And the voucher was used as far as it could be: every terminal stopped only for want of balance.
      expect(remaining).toBeLessThan(cents("3.00"));
      expect(new Set(redeemed.map((r) => r.id)).size).toBe(redeemed.length);
    }, 120_000);
  });
}
