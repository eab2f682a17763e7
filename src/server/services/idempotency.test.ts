/** Idempotency keys: replay, conflict, in progress, stored problems, freed keys, sealed replays, purge. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpProblem } from "../errors/http-problem.ts";
import { canonicalJson } from "./idempotency.ts";
import { type Bench, openBench, problemOf, unique } from "./services.fixture.ts";

let bench: Bench;
beforeAll(async () => {
  bench = await openBench();
}, 60_000);
afterAll(() => bench?.close());

const eur = (amount: string) => ({ amount, currency: "EUR" });

describe("canonicalJson", () => {
  it("ignores key order and undefined members", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined } })).toBe(
      canonicalJson({ a: { d: [1, { x: 1, y: 2 }] }, b: 1 }),
    );
    expect(canonicalJson({ a: "1" })).not.toBe(canonicalJson({ a: 1 }));
  });
});

describe("idempotency keys", () => {
  it("replays the first answer for the same key and body, without calling the provider again", async () => {
    const a = bench.account();
    const code = a.voucher();
    const key = unique("k");
    const first = await bench.services.createHold(a.ctx(), { code, amount: eur("1.00") }, key);
    bench.clock.advance(5);
    const second = await bench.services.createHold(a.ctx(), { amount: eur("1.00"), code }, key);
    expect(second.replayed).toBe(true);
    expect(second.status).toBe(201);
    // Byte for byte, serverTime included (the replay's Date header carries the current clock).
    expect(second.body).toEqual(first.body);
    expect(a.provider.calls.hold).toBe(1);
  });

  it("answers IDEMPOTENCY_CONFLICT for the same key with another body or route", async () => {
    const a = bench.account();
    const code = a.voucher();
    const key = unique("k");
    const { hold } = (await bench.services.createHold(a.ctx(), { code, amount: eur("1.00") }, key)).body;
    expect(await problemOf(() => bench.services.createHold(a.ctx(), { code, amount: eur("2.00") }, key))).toBe(
      "IDEMPOTENCY_CONFLICT",
    );
    expect(await problemOf(() => bench.services.redeem(a.ctx(), hold.id, { orderRef: "o" }, key))).toBe(
      "IDEMPOTENCY_CONFLICT",
    );
    // Keys belong to an account: another account may use the same key.
    const b = bench.account();
    expect((await bench.services.createHold(b.ctx(), { code: b.voucher(), amount: eur("1.00") }, key)).replayed).toBe(
      false,
    );
  });

  it("answers IDEMPOTENCY_IN_PROGRESS while the first request runs", async () => {
    const a = bench.account();
    const code = a.voucher();
    const key = unique("k");
    let open = () => {};
    a.provider.gate = new Promise((resolve) => {
      open = resolve;
    });
    const first = bench.services.createHold(a.ctx(), { code, amount: eur("1.00") }, key);
    await new Promise((r) => setTimeout(r, 100));
    const busy = await bench.services
      .createHold(a.ctx(), { code, amount: eur("1.00") }, key)
      .catch((e: HttpProblem) => e);
    expect(busy).toMatchObject({ code: "IDEMPOTENCY_IN_PROGRESS", retryable: true });
    a.provider.gate = null;
    open();
    const done = await first;
    expect((await bench.services.createHold(a.ctx(), { code, amount: eur("1.00") }, key)).body.hold.id).toBe(
      done.body.hold.id,
    );
  });

  it("takes over a key whose request died once its lease has run out", async () => {
    const a = bench.account();
    const key = unique("k");
    await bench.store.db.query(
      `INSERT INTO idempotency_keys (account_id, key, route, fingerprint, state, locked_until, created_at)
       VALUES ($1, $2, 'createHold', 'x', 'running', $3, $3)`,
      [a.runtime.id, key, bench.clock.now()],
    );
    // A record with another fingerprint is a conflict whatever its lease; same fingerprint is tested via the services.
    expect(
      await problemOf(() => bench.services.createHold(a.ctx(), { code: a.voucher(), amount: eur("1.00") }, key)),
    ).toBe("IDEMPOTENCY_CONFLICT");
    const code = a.voucher();
    const key2 = unique("k");
    a.provider.gate = new Promise(() => {}); // this request never finishes, as if the process died
    void bench.services.createHold(a.ctx(), { code, amount: eur("1.00") }, key2).catch(() => {});
    await new Promise((r) => setTimeout(r, 100));
    a.provider.gate = null;
    expect(await problemOf(() => bench.services.createHold(a.ctx(), { code, amount: eur("1.00") }, key2))).toBe(
      "IDEMPOTENCY_IN_PROGRESS",
    );
    // Another key still meets the pending hold the dead request left.
    expect(await problemOf(() => bench.services.createHold(a.ctx(), { code, amount: eur("1.00") }, unique("k")))).toBe(
      "VOUCHER_HELD",
    );
    bench.clock.advance(301);
    // The retry takes the key over and retires the dead attempt's pending hold.
    const retry = await bench.services.createHold(a.ctx(), { code, amount: eur("1.00") }, key2);
    expect(retry).toMatchObject({ replayed: false, status: 201, body: { hold: { state: "active" } } });
  });

  it("answers with the hold a dead request had already activated", async () => {
    const a = bench.account();
    const code = a.voucher();
    const key = unique("k");
    const first = await bench.services.createHold(a.ctx(), { code, amount: eur("1.00") }, key);
    // As if the process died after activating the hold but before storing the answer.
    await bench.store.db.query(
      "UPDATE idempotency_keys SET state = 'running', status = NULL, body = NULL, locked_until = $3 WHERE account_id = $1 AND key = $2",
      [a.runtime.id, key, bench.clock.now()],
    );
    const again = await bench.services.createHold(a.ctx(), { code, amount: eur("1.00") }, key);
    expect(again.body.hold.id).toBe(first.body.hold.id);
    expect(a.provider.calls.hold).toBe(1);
  });

  // The one-statement claims write the key pointing at the hold or redemption they create, and create it
  // only when the voucher is free (hold) or the hold active (redeem); otherwise a transaction after them
  // says why. A process that dies between the two leaves a key pointing at a row that was never written.
  const orphanKey = (accountId: string, key: string, resourceId: string) =>
    bench.store.db.query(
      `UPDATE idempotency_keys SET state = 'running', status = NULL, body = NULL, is_error = false,
         completed_at = NULL, resource_id = $3, locked_until = $4 WHERE account_id = $1 AND key = $2`,
      [accountId, key, resourceId, bench.clock.now()],
    );

  it("takes over a key whose claim points at a hold never written, and answers as a fresh request would", async () => {
    const a = bench.account();
    const hold = (code: string, key: string, till = "till-1") =>
      bench.services.createHold(a.ctx(till), { code, amount: eur("1.00") }, key);
    /** A key whose record points at a hold never written (its first hold released, so the voucher is free). */
    const orphaned = async (code: string) => {
      const key = unique("k");
      const first = await hold(code, key);
      await bench.services.releaseHold(a.ctx(), first.body.hold.id);
      await orphanKey(a.runtime.id, key, "hold_never_written");
      return { key, first: first.body.hold };
    };
    const code = a.voucher();
    const { key, first } = await orphaned(code);
    const retry = await hold(code, key);
    expect(retry).toMatchObject({ replayed: false, status: 201, body: { hold: { state: "active" } } });
    expect(retry.body.hold.id).not.toBe(first.id);
    expect(a.provider.calls.hold).toBe(2);
    expect(await hold(code, key)).toMatchObject({ replayed: true, body: retry.body });
    // Another sale held the voucher meanwhile: the retry meets it, without a provider call of its own.
    const code2 = a.voucher();
    const second = await orphaned(code2);
    await hold(code2, unique("k"), "till-2");
    expect(await problemOf(() => hold(code2, second.key))).toBe("VOUCHER_HELD");
    expect(a.provider.calls.hold).toBe(4);
  });

  it("takes over a key whose claim points at a redemption never written, and never charges", async () => {
    const a = bench.account();
    const { hold } = (await bench.services.createHold(a.ctx(), { code: a.voucher(), amount: eur("1.00") }, unique("k")))
      .body;
    bench.clock.advance(301);
    const key = unique("k");
    const redeem = () => bench.services.redeem(a.ctx(), hold.id, { orderRef: "o-1" }, key);
    expect(await problemOf(redeem)).toBe("HOLD_EXPIRED");
    await orphanKey(a.runtime.id, key, "red_never_written");
    // Nothing was pending upstream: the retry settles the missing redemption as failed and answers afresh.
    expect(await problemOf(redeem)).toBe("HOLD_EXPIRED");
    expect(a.provider.calls.redeem).toBe(0);
    const redemptions = await bench.store.db.query("SELECT 1 FROM redemptions WHERE hold_id = $1", [hold.id]);
    expect(redemptions.rows).toHaveLength(0);
  });

  it("stores a non-retryable problem and replays it; frees the key after a retryable one", async () => {
    const a = bench.account();
    const code = a.voucher({ balanceMinor: 100 });
    const key = unique("k");
    expect(await problemOf(() => bench.services.createHold(a.ctx(), { code, amount: eur("5.00") }, key))).toBe(
      "INSUFFICIENT_BALANCE",
    );
    a.provider.vouchers.get(code)!.balanceMinor = 10_000;
    expect(await problemOf(() => bench.services.createHold(a.ctx(), { code, amount: eur("5.00") }, key))).toBe(
      "INSUFFICIENT_BALANCE",
    );
    expect(a.provider.calls.hold).toBe(1);

    const key2 = unique("k");
    a.provider.failNext("hold", new HttpProblem("PROVIDER_UNAVAILABLE"));
    expect(await problemOf(() => bench.services.createHold(a.ctx(), { code, amount: eur("5.00") }, key2))).toBe(
      "PROVIDER_UNAVAILABLE",
    );
    const retry = await bench.services.createHold(a.ctx(), { code, amount: eur("5.00") }, key2);
    expect(retry).toMatchObject({ replayed: false, status: 201 });
  });

  it("replays an issued voucher's code from a sealed answer, never stored in clear", async () => {
    const a = bench.account();
    const key = unique("k");
    const first = await bench.services.issue(a.ctx(), { amount: eur("25.00") }, key);
    expect(first.status).toBe(201);
    const { code, pin } = first.body.voucher;
    const again = await bench.services.issue(a.ctx(), { amount: eur("25.00") }, key);
    expect(again).toMatchObject({ replayed: true, body: first.body });
    expect(a.provider.calls.issue).toBe(1);
    const dump = JSON.stringify(
      (await bench.store.db.query("SELECT * FROM idempotency_keys WHERE account_id = $1", [a.runtime.id])).rows,
    );
    const issued = JSON.stringify(
      (await bench.store.db.query("SELECT * FROM issued_vouchers WHERE account_id = $1", [a.runtime.id])).rows,
    );
    for (const text of [dump, issued]) {
      expect(text).not.toContain(code);
      expect(text).not.toContain(`"${pin}"`);
    }
    expect(issued).toContain(code.slice(-4));
  });

  it("purges finished records after 24 hours, not before", async () => {
    const a = bench.account();
    const key = unique("k");
    await bench.services.createHold(a.ctx(), { code: a.voucher(), amount: eur("1.00") }, key);
    const count = async () =>
      (await bench.store.db.query("SELECT 1 FROM idempotency_keys WHERE account_id = $1", [a.runtime.id])).rows.length;
    bench.clock.advance(23 * 3600);
    await bench.services.purge();
    expect(await count()).toBe(1);
    bench.clock.advance(3601);
    expect((await bench.services.purge()).idempotencyKeys).toBeGreaterThanOrEqual(1);
    expect(await count()).toBe(0);
  });
});
