/**
 * Redemption, exactly once: pending before the provider is called, settled by asking the provider when
 * its answer is lost, left pending (never retried blindly) when even that fails.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpProblem } from "../errors/http-problem.ts";
import { findHoldById } from "../store/holds-repo.ts";
import { journalForHold } from "../store/journal.ts";
import { findRedemption } from "../store/redemptions-repo.ts";
import { type Bench, openBench, problemOf, type TestAccount, unique } from "./services.fixture.ts";

let bench: Bench;
beforeAll(async () => {
  bench = await openBench();
}, 60_000);
afterAll(() => bench?.close());

const eur = (amount: string) => ({ amount, currency: "EUR" });

async function held(a: TestAccount, amount = "10.00", options: { pin?: string; ttlSeconds?: number } = {}) {
  const code = a.voucher({ balanceMinor: 10_000, ...(options.pin ? { pin: options.pin } : {}) });
  const out = await bench.services.createHold(
    a.ctx(),
    {
      code,
      amount: eur(amount),
      ...(options.pin ? { pin: options.pin } : {}),
      ...(options.ttlSeconds ? { ttlSeconds: options.ttlSeconds } : {}),
    },
    unique("k"),
  );
  return { code, hold: out.body.hold };
}

const events = async (holdId: string) =>
  (await bench.store.db.transaction((tx) => journalForHold(tx, holdId))).map((j) => j.event);
const holdRow = (id: string) => bench.store.db.transaction((tx) => findHoldById(tx, id));

describe("redeem", () => {
  it("charges the held amount once and ends the hold", async () => {
    const a = bench.account();
    const { code, hold } = await held(a, "12.34", { pin: "1111" });
    const out = await bench.services.redeem(a.ctx(), hold.id, { orderRef: "order-1" }, unique("k"));
    expect(out.status).toBe(200);
    expect(out.body.redemption).toMatchObject({
      holdId: hold.id,
      amount: eur("12.34"),
      remainingBalance: eur("87.66"),
      orderRef: "order-1",
    });
    expect(a.provider.balance(code)).toBe(8766);
    expect(await holdRow(hold.id)).toMatchObject({ state: "redeemed", secrets: null });
    expect((await bench.services.getHold(a.ctx(), hold.id)).hold).toMatchObject({
      state: "redeemed",
      redemptionId: out.body.redemption.id,
    });
    expect(await events(hold.id)).toEqual(["hold_created", "redemption_pending", "redemption_committed"]);
  });

  it("refuses after the hold's expiry without calling the provider", async () => {
    const a = bench.account();
    const { code, hold } = await held(a, "1.00", { ttlSeconds: 60 });
    bench.clock.advance(60);
    expect(await problemOf(() => bench.services.redeem(a.ctx(), hold.id, { orderRef: "o" }, unique("k")))).toBe(
      "HOLD_EXPIRED",
    );
    expect(a.provider.calls.redeem).toBe(0);
    expect(a.provider.balance(code)).toBe(10_000);
    expect(await holdRow(hold.id)).toMatchObject({ state: "expired", secrets: null });
  });

  it("answers ALREADY_REDEEMED to a second redemption under another key", async () => {
    const a = bench.account();
    const { code, hold } = await held(a, "5.00");
    await bench.services.redeem(a.ctx(), hold.id, { orderRef: "o-1" }, unique("k"));
    expect(await problemOf(() => bench.services.redeem(a.ctx(), hold.id, { orderRef: "o-1" }, unique("k")))).toBe(
      "ALREADY_REDEEMED",
    );
    expect(a.provider.balance(code)).toBe(9500);
    expect(a.provider.calls.redeem).toBe(1);
  });

  it("refuses another account's hold, a missing hold and a session without redeem", async () => {
    const a = bench.account();
    const { hold } = await held(a);
    const other = bench.account();
    expect(await problemOf(() => bench.services.redeem(other.ctx(), hold.id, { orderRef: "o" }, unique("k")))).toBe(
      "HOLD_NOT_FOUND",
    );
    expect(await problemOf(() => bench.services.redeem(a.ctx(), "hold_x", { orderRef: "o" }, unique("k")))).toBe(
      "HOLD_NOT_FOUND",
    );
    expect(await problemOf(() => bench.services.redeem(a.ctx("t", ["refund"]), hold.id, { orderRef: "o" }, "k"))).toBe(
      "FORBIDDEN",
    );
  });

  it("gives the hold back after a definite failure, and expires it when the provider says it lapsed", async () => {
    const a = bench.account();
    const { hold } = await held(a);
    a.provider.failNext("redeem", new HttpProblem("INSUFFICIENT_BALANCE"));
    expect(await problemOf(() => bench.services.redeem(a.ctx(), hold.id, { orderRef: "o" }, unique("k")))).toBe(
      "INSUFFICIENT_BALANCE",
    );
    expect((await holdRow(hold.id))?.state).toBe("active");
    a.provider.failNext("redeem", new HttpProblem("HOLD_EXPIRED"));
    expect(await problemOf(() => bench.services.redeem(a.ctx(), hold.id, { orderRef: "o" }, unique("k")))).toBe(
      "HOLD_EXPIRED",
    );
    expect(await holdRow(hold.id)).toMatchObject({ state: "expired", secrets: null });
    expect(await events(hold.id)).toEqual([
      "hold_created",
      "redemption_pending",
      "redemption_failed",
      "redemption_pending",
      "redemption_failed",
      "hold_expired",
    ]);
  });
});

describe("lost answers", () => {
  it("commits what the provider did when its answer was lost after committing", async () => {
    const a = bench.account();
    const { code, hold } = await held(a, "7.00");
    a.provider.failNext("redeem", { kind: "lose" });
    const key = unique("k");
    const out = await bench.services.redeem(a.ctx(), hold.id, { orderRef: "o-lost" }, key);
    expect(out.body.redemption.amount).toEqual(eur("7.00"));
    expect(a.provider.calls.findRedemption).toBe(1);
    expect(a.provider.balance(code)).toBe(9300);
    // A retry replays; it never charges again.
    const again = await bench.services.redeem(a.ctx(), hold.id, { orderRef: "o-lost" }, key);
    expect(again).toMatchObject({ replayed: true, body: out.body });
    expect(a.provider.calls.redeem).toBe(1);
    expect(a.provider.charges.size).toBe(1);
  });

  it("fails the redemption and frees the key when the provider confirms nothing happened", async () => {
    const a = bench.account();
    const { code, hold } = await held(a, "2.00");
    a.provider.failNext("redeem", { kind: "drop" });
    const key = unique("k");
    expect(await problemOf(() => bench.services.redeem(a.ctx(), hold.id, { orderRef: "o" }, key))).toBe(
      "PROVIDER_UNAVAILABLE",
    );
    expect((await holdRow(hold.id))?.state).toBe("active");
    const out = await bench.services.redeem(a.ctx(), hold.id, { orderRef: "o" }, key);
    expect(out.replayed).toBe(false);
    expect(a.provider.balance(code)).toBe(9800);
  });

  it("leaves the redemption pending when the provider cannot be asked, and a retry settles it first", async () => {
    const a = bench.account();
    const { code, hold } = await held(a, "4.00");
    a.provider.failNext("redeem", { kind: "lose" });
    a.provider.lookupFailures = 1;
    const key = unique("k");
    const first = await bench.services.redeem(a.ctx(), hold.id, { orderRef: "o-p" }, key).catch((e: HttpProblem) => e);
    expect(first).toMatchObject({ code: "PROVIDER_UNAVAILABLE", retryable: true });
    expect((await holdRow(hold.id))?.state).toBe("redeeming");
    // Another key meanwhile may not redeem it again.
    expect(await problemOf(() => bench.services.redeem(a.ctx(), hold.id, { orderRef: "o-p" }, unique("k")))).toBe(
      "ALREADY_REDEEMED",
    );
    const out = await bench.services.redeem(a.ctx(), hold.id, { orderRef: "o-p" }, key);
    expect(out.body.redemption.amount).toEqual(eur("4.00"));
    expect(a.provider.calls.redeem).toBe(1);
    expect(a.provider.balance(code)).toBe(9600);
    expect(await holdRow(hold.id)).toMatchObject({ state: "redeemed", secrets: null });
  });

  it("retries afresh under the same key when the settled lookup finds nothing", async () => {
    const a = bench.account();
    const { code, hold } = await held(a, "3.00");
    a.provider.failNext("redeem", { kind: "drop" });
    a.provider.lookupFailures = 1;
    const key = unique("k");
    expect(await problemOf(() => bench.services.redeem(a.ctx(), hold.id, { orderRef: "o" }, key))).toBe(
      "PROVIDER_UNAVAILABLE",
    );
    const out = await bench.services.redeem(a.ctx(), hold.id, { orderRef: "o" }, key);
    expect(out.body.redemption.amount).toEqual(eur("3.00"));
    expect(a.provider.calls.redeem).toBe(2);
    expect(a.provider.balance(code)).toBe(9700);
  });

  it("is settled by reconcilePending, which also stores the answer for the key", async () => {
    const a = bench.account();
    const { code, hold } = await held(a, "6.00");
    a.provider.failNext("redeem", { kind: "lose" });
    a.provider.lookupFailures = 1;
    const key = unique("k");
    await bench.services.redeem(a.ctx(), hold.id, { orderRef: "o-r" }, key).catch(() => {});
    const pending = await bench.store.db.query<{ id: string }>(
      "SELECT id FROM redemptions WHERE hold_id = $1 AND state = 'pending'",
      [hold.id],
    );
    expect(pending.rows).toHaveLength(1);
    expect(await bench.services.reconcilePending()).toBeGreaterThanOrEqual(1);
    const row = await bench.store.db.transaction((tx) => findRedemption(tx, pending.rows[0]?.id as string));
    expect(row?.state).toBe("committed");
    const replay = await bench.services.redeem(a.ctx(), hold.id, { orderRef: "o-r" }, key);
    expect(replay.replayed).toBe(true);
    expect(replay.body.redemption.id).toBe(row?.id);
    expect(a.provider.balance(code)).toBe(9400);
    expect(await events(hold.id)).toEqual(["hold_created", "redemption_pending", "redemption_committed"]);
  });

  it("reconciles a redemption that never reached the provider back to an active hold", async () => {
    const a = bench.account();
    const { hold } = await held(a, "1.00");
    a.provider.failNext("redeem", { kind: "drop" });
    a.provider.lookupFailures = 1;
    const key = unique("k");
    await bench.services.redeem(a.ctx(), hold.id, { orderRef: "o" }, key).catch(() => {});
    await bench.services.reconcilePending();
    expect((await holdRow(hold.id))?.state).toBe("active");
    const { rows } = await bench.store.db.query("SELECT 1 FROM idempotency_keys WHERE account_id = $1 AND key = $2", [
      a.runtime.id,
      key,
    ]);
    expect(rows).toHaveLength(0);
  });

  it("does not touch a redemption a live request is still working on", async () => {
    const a = bench.account();
    const { hold } = await held(a, "1.00");
    let open = () => {};
    a.provider.gate = new Promise((resolve) => {
      open = resolve;
    });
    const inFlight = bench.services.redeem(a.ctx(), hold.id, { orderRef: "o" }, unique("k"));
    await new Promise((r) => setTimeout(r, 100));
    const before = a.provider.calls.findRedemption;
    await bench.services.reconcilePending();
    expect(a.provider.calls.findRedemption).toBe(before);
    a.provider.gate = null;
    open();
    expect((await inFlight).body.redemption.holdId).toBe(hold.id);
  });
});
