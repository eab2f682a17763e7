/** Holds: one live hold per voucher, expiry and sweep, extend, release, secrets only while a hold lives. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpProblem } from "../errors/http-problem.ts";
import { findHoldById } from "../store/holds-repo.ts";
import { journalForHold } from "../store/journal.ts";
import { type Bench, openBench, problemOf, unique } from "./services.fixture.ts";

let bench: Bench;
beforeAll(async () => {
  bench = await openBench();
}, 60_000);
afterAll(() => bench?.close());

const eur = (amount: string) => ({ amount, currency: "EUR" });
const readHold = (id: string) => bench.store.db.transaction((tx) => findHoldById(tx, id));

describe("createHold", () => {
  it("holds an amount and answers the contract's shape", async () => {
    const a = bench.account();
    const code = a.voucher({ pin: "1234", balanceMinor: 5000 });
    const key = unique("k");
    const out = await bench.services.createHold(a.ctx(), { code, pin: "1234", amount: eur("12.50") }, key);
    expect(out.status).toBe(201);
    expect(out.replayed).toBe(false);
    const { hold } = out.body;
    expect(hold).toMatchObject({
      state: "active",
      amount: eur("12.50"),
      keptBy: "provider",
      serverTime: bench.clock.now().toISOString(),
      voucher: { balance: eur("50.00") },
    });
    expect(hold.voucher.maskedCode.endsWith(code.slice(-4))).toBe(true);
    expect(hold.voucher.maskedCode).not.toContain(code.slice(0, 4));
    expect(Date.parse(hold.expiresAt) - bench.clock.now().getTime()).toBe(300_000);
    const journal = await bench.store.db.transaction((tx) => journalForHold(tx, hold.id));
    expect(journal.map((j) => j.event)).toEqual(["hold_created"]);
    expect(JSON.stringify(journal)).not.toContain(code);
    // The answer is written with the activation, before the row is read back: it must be what the row says.
    expect((await bench.services.getHold(a.ctx(), hold.id)).hold).toEqual(hold);
    const replay = await bench.services.createHold(a.ctx(), { code, pin: "1234", amount: eur("12.50") }, key);
    expect(replay).toMatchObject({ replayed: true, body: { hold } });
  });

  it("lets exactly one of many concurrent holds on a voucher through", async () => {
    const a = bench.account();
    const code = a.voucher();
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        bench.services.createHold(a.ctx(`till-${i}`), { code, amount: eur("1.00") }, unique("k")),
      ),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.flatMap((r) => (r.status === "rejected" ? [(r.reason as HttpProblem).code] : []));
    expect(ok).toHaveLength(1);
    expect(refused).toEqual(Array(5).fill("VOUCHER_HELD"));
    // Written differently (case, dashes), it is still the same voucher.
    const spaced = `${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`;
    expect(
      await problemOf(() => bench.services.createHold(a.ctx(), { code: spaced, amount: eur("1.00") }, unique("k"))),
    ).toBe("VOUCHER_HELD");
  });

  it("refuses another currency, a provider without holds, a session without redeem and a bad lifetime", async () => {
    const a = bench.account();
    const code = a.voucher();
    const hold = (ctx = a.ctx(), body = {}) =>
      problemOf(() => bench.services.createHold(ctx, { code, amount: eur("1.00"), ...body }, unique("k")));
    expect(await hold(a.ctx(), { amount: { amount: "1.00", currency: "USD" } })).toBe("CURRENCY_MISMATCH");
    expect(await hold(a.ctx("t", ["issue"]))).toBe("FORBIDDEN");
    expect(await hold(a.ctx(), { ttlSeconds: 7200 })).toBe("INVALID_REQUEST");
    const noHold = bench.account({ capabilities: { hold: false } });
    expect(await problemOf(() => bench.services.createHold(noHold.ctx(), { code, amount: eur("1.00") }, "k"))).toBe(
      "NOT_SUPPORTED",
    );
  });

  it("passes definite provider refusals through and leaves the voucher free", async () => {
    const a = bench.account();
    const code = a.voucher({ balanceMinor: 100 });
    expect(await problemOf(() => bench.services.createHold(a.ctx(), { code, amount: eur("2.00") }, unique("k")))).toBe(
      "INSUFFICIENT_BALANCE",
    );
    const out = await bench.services.createHold(a.ctx(), { code, amount: eur("1.00") }, unique("k"));
    expect(out.body.hold.state).toBe("active");
  });

  it("keeps code and PIN only sealed, and only while the hold lives", async () => {
    const a = bench.account();
    const code = a.voucher({ pin: "987654" });
    const { hold } = (
      await bench.services.createHold(a.ctx(), { code, pin: "987654", amount: eur("1.00") }, unique("k"))
    ).body;
    const live = await readHold(hold.id);
    expect(live?.secrets).toBeInstanceOf(Uint8Array);
    const raw = Buffer.from(live?.secrets ?? []).toString("latin1");
    expect(raw).not.toContain(code);
    expect(raw).not.toContain("987654");
    const { rows } = await bench.store.db.query("SELECT * FROM holds WHERE id = $1", [hold.id]);
    expect(JSON.stringify(rows)).not.toContain(code);
    await bench.services.releaseHold(a.ctx(), hold.id);
    expect((await readHold(hold.id))?.secrets).toBeNull();
  });
});

describe("getHold", () => {
  it("shows only the caller's account's holds", async () => {
    const a = bench.account();
    const { hold } = (await bench.services.createHold(a.ctx(), { code: a.voucher(), amount: eur("1.00") }, unique("k")))
      .body;
    expect((await bench.services.getHold(a.ctx("another-till"), hold.id)).hold.id).toBe(hold.id);
    expect(await problemOf(() => bench.services.getHold(bench.account().ctx(), hold.id))).toBe("HOLD_NOT_FOUND");
    expect(await problemOf(() => bench.services.getHold(a.ctx(), "hold_nope"))).toBe("HOLD_NOT_FOUND");
  });
});

describe("expiry", () => {
  it("reads a hold past its expiry as expired, erases its secrets and frees the voucher", async () => {
    const a = bench.account();
    const code = a.voucher();
    const { hold } = (
      await bench.services.createHold(a.ctx(), { code, amount: eur("1.00"), ttlSeconds: 60 }, unique("k"))
    ).body;
    bench.clock.advance(61);
    expect((await bench.services.getHold(a.ctx(), hold.id)).hold.state).toBe("expired");
    expect((await readHold(hold.id))?.secrets).toBeNull();
    const again = await bench.services.createHold(a.ctx(), { code, amount: eur("1.00") }, unique("k"));
    expect(again.body.hold.state).toBe("active");
  });

  it("is swept in bulk, with a journal entry per hold", async () => {
    const a = bench.account();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const out = await bench.services.createHold(
        a.ctx(),
        { code: a.voucher(), amount: eur("1.00"), ttlSeconds: 60 },
        unique("k"),
      );
      ids.push(out.body.hold.id);
    }
    bench.clock.advance(30);
    await bench.services.sweepExpired();
    expect((await readHold(ids[0] as string))?.state).toBe("active");
    bench.clock.advance(31);
    expect(await bench.services.sweepExpired()).toBeGreaterThanOrEqual(3);
    for (const id of ids) {
      const row = await readHold(id);
      expect(row).toMatchObject({ state: "expired", secrets: null });
      const journal = await bench.store.db.transaction((tx) => journalForHold(tx, id));
      expect(journal.map((j) => j.event)).toEqual(["hold_created", "hold_expired"]);
    }
    expect(await bench.services.sweepExpired()).toBe(0);
  });

  it("sweeps a hold left pending by a request that died", async () => {
    const a = bench.account();
    const code = a.voucher();
    a.provider.gate = new Promise(() => {}); // the provider never answers: the request hangs as if dead
    void bench.services.createHold(a.ctx(), { code, amount: eur("1.00") }, unique("k")).catch(() => {});
    await new Promise((r) => setTimeout(r, 200));
    a.provider.gate = null;
    expect(await problemOf(() => bench.services.createHold(a.ctx(), { code, amount: eur("1.00") }, unique("k")))).toBe(
      "VOUCHER_HELD",
    );
    bench.clock.advance(601);
    await bench.services.sweepExpired();
    expect((await bench.services.createHold(a.ctx(), { code, amount: eur("1.00") }, unique("k"))).body.hold.state).toBe(
      "active",
    );
  });
});

describe("extendHold", () => {
  it("re-reserves with the kept code and PIN and records the new expiry", async () => {
    const a = bench.account();
    const code = a.voucher({ pin: "4321" });
    const { hold } = (
      await bench.services.createHold(a.ctx(), { code, pin: "4321", amount: eur("3.00"), ttlSeconds: 120 }, unique("k"))
    ).body;
    const before = await readHold(hold.id);
    bench.clock.advance(100);
    const extended = (await bench.services.extendHold(a.ctx(), hold.id, { ttlSeconds: 600 })).hold;
    expect(extended.state).toBe("active");
    expect(Date.parse(extended.expiresAt)).toBe(bench.clock.now().getTime() + 600_000);
    const after = await readHold(hold.id);
    expect(after?.reservationId).not.toBe(before?.reservationId);
    expect(a.provider.reservations.get(after?.reservationId as string)?.state).toBe("open");
    bench.clock.advance(300);
    expect((await bench.services.getHold(a.ctx(), hold.id)).hold.state).toBe("active");
  });

  it("refuses where the provider cannot extend, and after expiry", async () => {
    const fixed = bench.account({ capabilities: { extend: false } });
    const one = (
      await bench.services.createHold(fixed.ctx(), { code: fixed.voucher(), amount: eur("1.00") }, unique("k"))
    ).body.hold;
    expect(await problemOf(() => bench.services.extendHold(fixed.ctx(), one.id, {}))).toBe("NOT_SUPPORTED");
    const a = bench.account();
    const two = (
      await bench.services.createHold(a.ctx(), { code: a.voucher(), amount: eur("1.00"), ttlSeconds: 60 }, unique("k"))
    ).body.hold;
    bench.clock.advance(60);
    expect(await problemOf(() => bench.services.extendHold(a.ctx(), two.id, {}))).toBe("HOLD_EXPIRED");
  });
});

describe("releaseHold", () => {
  it("releases upstream and locally, answers a second release the same, and refuses a redeemed hold", async () => {
    const a = bench.account();
    const code = a.voucher();
    const { hold } = (await bench.services.createHold(a.ctx(), { code, amount: eur("1.00") }, unique("k"))).body;
    const released = (await bench.services.releaseHold(a.ctx(), hold.id)).hold;
    expect(released.state).toBe("released");
    expect(a.provider.calls.release).toBe(1);
    expect((await bench.services.releaseHold(a.ctx(), hold.id)).hold.state).toBe("released");
    expect(a.provider.calls.release).toBe(1);
    const journal = await bench.store.db.transaction((tx) => journalForHold(tx, hold.id));
    expect(journal.map((j) => j.event)).toEqual(["hold_created", "hold_released"]);

    const next = (await bench.services.createHold(a.ctx(), { code, amount: eur("1.00") }, unique("k"))).body.hold;
    await bench.services.redeem(a.ctx(), next.id, { orderRef: "o-1" }, unique("k"));
    expect(await problemOf(() => bench.services.releaseHold(a.ctx(), next.id))).toBe("ALREADY_REDEEMED");
    expect((await readHold(next.id))?.secrets).toBeNull();
  });

  it("keeps the hold when the provider fails to release, and releases locally where it has no release", async () => {
    const a = bench.account();
    const { hold } = (await bench.services.createHold(a.ctx(), { code: a.voucher(), amount: eur("1.00") }, unique("k")))
      .body;
    a.provider.failNext("release", new HttpProblem("PROVIDER_UNAVAILABLE"));
    expect(await problemOf(() => bench.services.releaseHold(a.ctx(), hold.id))).toBe("PROVIDER_UNAVAILABLE");
    expect((await readHold(hold.id))?.state).toBe("active");
    a.provider.failNext("release", new HttpProblem("NOT_SUPPORTED"));
    expect((await bench.services.releaseHold(a.ctx(), hold.id)).hold.state).toBe("released");
  });
});
