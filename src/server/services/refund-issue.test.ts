/** Refunds (never more than was redeemed) and issuing vouchers. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpProblem } from "../errors/http-problem.ts";
import { type Bench, openBench, problemOf, type TestAccount, unique } from "./services.fixture.ts";

let bench: Bench;
beforeAll(async () => {
  bench = await openBench();
}, 60_000);
afterAll(() => bench?.close());

const eur = (amount: string) => ({ amount, currency: "EUR" });

async function redeemed(a: TestAccount, amount: string) {
  const code = a.voucher({ balanceMinor: 10_000 });
  const { hold } = (await bench.services.createHold(a.ctx(), { code, amount: eur(amount) }, unique("k"))).body;
  const { redemption } = (await bench.services.redeem(a.ctx(), hold.id, { orderRef: unique("o") }, unique("k"))).body;
  return { code, redemption };
}

const journal = async (redemptionId: string) =>
  (
    await bench.store.db.query<{ event: string }>("SELECT event FROM journal WHERE redemption_id = $1 ORDER BY seq", [
      redemptionId,
    ])
  ).rows.map((r) => r.event);

describe("refund", () => {
  it("refunds in parts, never beyond what was redeemed", async () => {
    const a = bench.account();
    const { code, redemption } = await redeemed(a, "10.00");
    const one = await bench.services.refund(a.ctx(), redemption.id, { amount: eur("4.00") }, unique("k"));
    expect(one.status).toBe(201);
    expect(one.body.refund).toMatchObject({ redemptionId: redemption.id, amount: eur("4.00") });
    await bench.services.refund(a.ctx(), redemption.id, { amount: eur("6.00") }, unique("k"));
    expect(
      await problemOf(() => bench.services.refund(a.ctx(), redemption.id, { amount: eur("0.01") }, unique("k"))),
    ).toBe("REFUND_EXCEEDS_REDEMPTION");
    expect(a.provider.balance(code)).toBe(10_000);
    expect(await journal(redemption.id)).toEqual([
      "redemption_pending",
      "redemption_committed",
      "refund_pending",
      "refund_committed",
      "refund_pending",
      "refund_committed",
    ]);
  });

  it("holds the limit under concurrent refunds", async () => {
    const a = bench.account();
    const { redemption } = await redeemed(a, "10.00");
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () =>
        bench.services.refund(a.ctx(), redemption.id, { amount: eur("3.00") }, unique("k")),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    const { rows } = await bench.store.db.query<{ total: number }>(
      "SELECT sum(amount_minor)::bigint AS total FROM refunds WHERE redemption_id = $1 AND state = 'committed'",
      [redemption.id],
    );
    expect(rows[0]?.total).toBe(900);
  });

  it("gives the amount back when the provider refuses, and keeps it reserved when the answer is lost", async () => {
    const a = bench.account();
    const { redemption } = await redeemed(a, "10.00");
    a.provider.failNext("refund", new HttpProblem("PROVIDER_ERROR"));
    expect(
      await problemOf(() => bench.services.refund(a.ctx(), redemption.id, { amount: eur("10.00") }, unique("k"))),
    ).toBe("PROVIDER_ERROR");
    a.provider.failNext("refund", { kind: "lose" });
    const key = unique("k");
    expect(await problemOf(() => bench.services.refund(a.ctx(), redemption.id, { amount: eur("4.00") }, key))).toBe(
      "PROVIDER_ERROR",
    );
    // The same key does not refund again; the unconfirmed 4.00 still counts against the limit.
    expect(await problemOf(() => bench.services.refund(a.ctx(), redemption.id, { amount: eur("4.00") }, key))).toBe(
      "PROVIDER_ERROR",
    );
    expect(a.provider.calls.refund).toBe(2);
    expect(
      await problemOf(() => bench.services.refund(a.ctx(), redemption.id, { amount: eur("6.01") }, unique("k"))),
    ).toBe("REFUND_EXCEEDS_REDEMPTION");
    await bench.services.refund(a.ctx(), redemption.id, { amount: eur("6.00") }, unique("k"));
  });

  it("needs the refund ability, the account's own redemption and a provider that refunds", async () => {
    const a = bench.account();
    const { redemption } = await redeemed(a, "1.00");
    const refund = (ctx = a.ctx(), amount = eur("1.00")) =>
      problemOf(() => bench.services.refund(ctx, redemption.id, { amount }, unique("k")));
    expect(await refund(a.ctx("t", ["redeem"]))).toBe("FORBIDDEN");
    expect(await refund(bench.account().ctx())).toBe("REDEMPTION_NOT_FOUND");
    expect(await refund(a.ctx(), { amount: "1.00", currency: "USD" })).toBe("CURRENCY_MISMATCH");
    const none = bench.account({ capabilities: { refund: "none" } });
    expect(await refund(none.ctx())).toBe("NOT_SUPPORTED");
  });
});

describe("issue", () => {
  it("issues a voucher, journals it and checks abilities and capabilities", async () => {
    const a = bench.account();
    const out = await bench.services.issue(
      a.ctx(),
      { amount: eur("50.00"), validUntil: "2031-01-01T00:00:00Z" },
      unique("k"),
    );
    expect(out.body.voucher).toMatchObject({
      amount: eur("50.00"),
      validUntil: "2031-01-01T00:00:00.000Z",
      status: "active",
    });
    expect(a.provider.balance(out.body.voucher.code)).toBe(5000);
    const { rows } = await bench.store.db.query<{ event: string; detail: { maskedCode: string } }>(
      "SELECT event, detail FROM journal WHERE account_id = $1",
      [a.runtime.id],
    );
    expect(rows.map((r) => r.event)).toEqual(["voucher_issued"]);
    expect(JSON.stringify(rows)).not.toContain(out.body.voucher.code);
    expect(
      await problemOf(() => bench.services.issue(a.ctx("t", ["redeem"]), { amount: eur("1.00") }, unique("k"))),
    ).toBe("FORBIDDEN");
    const noIssue = bench.account({ capabilities: { issue: false } });
    expect(await problemOf(() => bench.services.issue(noIssue.ctx(), { amount: eur("1.00") }, unique("k")))).toBe(
      "NOT_SUPPORTED",
    );
    const noValidity = bench.account({ capabilities: { issueValidity: false } });
    expect(
      await problemOf(() =>
        bench.services.issue(
          noValidity.ctx(),
          { amount: eur("1.00"), validUntil: "2031-01-01T00:00:00Z" },
          unique("k"),
        ),
      ),
    ).toBe("NOT_SUPPORTED");
  });
});
