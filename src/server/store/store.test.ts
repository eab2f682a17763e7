/**
 * The store's own guarantees, checked on the database itself: constraints and triggers hold whatever the
 * code does. Runs on in-memory PGlite, and on PostgreSQL too when TEST_DATABASE_URL is set.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { IF_FIRST_CHANGED, writeTogether } from "./atomic.ts";
import { recordFailures, underLimitsCondition } from "./attempts-repo.ts";
import { isUniqueViolation } from "./db.ts";
import {
  claimKeyWithPendingHold,
  type HoldRow,
  insertPendingHold,
  insertPendingHoldIfFree,
  moveHoldWrite,
  ONE_LIVE_HOLD_INDEX,
  updateHold,
  updateHoldWrite,
} from "./holds-repo.ts";
import { insertKeyWrite } from "./idempotency-repo.ts";
import { appendJournal, journalForHold, journalWrite } from "./journal.ts";
import { migrate } from "./migrations.ts";
import { KEPT_CONNECTIONS, openPgDb } from "./pg-db.ts";
import { freshSchema, openPgTestStore } from "./pg-schema.fixture.ts";
import { claimKeyAndStartRedemption, findRedemption, insertPendingRedemption } from "./redemptions-repo.ts";
import { openStore, type Store } from "./store.ts";

const backends: [string, () => Promise<Store>][] = [["pglite", () => openStore({})]];
const databaseUrl = process.env.TEST_DATABASE_URL;
if (databaseUrl) backends.push(["postgresql", () => openPgTestStore(databaseUrl)]);

const run = randomBytes(4).toString("hex");
let n = 0;
const uid = (p: string) => `${p}-${run}-${++n}`;
const now = new Date("2030-01-01T10:00:00Z");

describe.each(backends)("store on %s", (_name, open) => {
  let store: Store;
  beforeAll(async () => {
    store = await open();
  }, 60_000);
  afterAll(() => store?.close());

  /** A pending hold's row: 10.00 EUR on `hmac`, for a minute. */
  const newHold = (accountId: string, hmac: string, id: string, secrets = new Uint8Array([1, 2, 3])) => ({
    id,
    accountId,
    terminalId: "t1",
    voucherHmac: hmac,
    maskedCode: "••••-1234",
    amountMinor: 1000,
    currency: "EUR",
    keptBy: "provider" as const,
    expiresAt: new Date(now.getTime() + 60_000),
    secrets,
    now,
  });
  const pendingHold = (accountId: string, hmac: string, id = uid("hold")) =>
    store.db.transaction((tx) => insertPendingHold(tx, newHold(accountId, hmac, id))).then(() => id);

  it("records migrations once", async () => {
    expect(await migrate(store.db)).toEqual([]);
    const { rows } = await store.db.query<{ version: number }>("SELECT version FROM schema_migrations");
    expect(rows.map((r) => r.version)).toContain(1);
  });

  it("finds a hold by id through its primary key, however many live holds its account has, before any statistics", async () => {
    const accountId = uid("acct");
    await store.db.query(
      `INSERT INTO holds (id, account_id, terminal_id, voucher_hmac, masked_code, state, amount_minor, currency,
         kept_by, expires_at, created_at, updated_at)
       SELECT $1 || g, $2, 't1', $1 || g, '••••', 'active', 100, 'EUR', 'provider', $3, $4, $4
       FROM generate_series(1, 500) AS g`,
      [uid("live"), accountId, new Date(now.getTime() + 60_000), now],
    );
    // The plan a prepared statement settles on (the store's statements are named): one row by its key, not a
    // walk through every live hold of the account on the one-live-hold index.
    const plan = await store.db.transaction(async (tx) => {
      await tx.query("SET LOCAL plan_cache_mode = force_generic_plan");
      await tx.exec(
        "PREPARE find_live_hold(text, text) AS SELECT id FROM holds h WHERE h.id = $1 AND h.account_id = $2 AND h.state = 'active'",
      );
      const { rows } = await tx.query<Record<string, string>>(
        `EXPLAIN (COSTS OFF) EXECUTE find_live_hold('x', '${accountId}')`,
      );
      await tx.exec("DEALLOCATE find_live_hold");
      return rows.map((row) => Object.values(row)[0]).join("\n");
    });
    expect(plan).toContain("holds_pkey");
    expect(plan).not.toContain(ONE_LIVE_HOLD_INDEX);
  });

  it("keeps one live hold per voucher, by constraint", async () => {
    const account = uid("acct");
    const first = await pendingHold(account, "hmac-a");
    const error = await pendingHold(account, "hmac-a").catch((e: unknown) => e);
    expect(isUniqueViolation(error, ONE_LIVE_HOLD_INDEX)).toBe(true);
    // Another account, or another voucher, is not affected.
    await pendingHold(uid("acct"), "hmac-a");
    await pendingHold(account, "hmac-b");
    // Once the first hold ends, the voucher may be held again.
    await store.db.transaction((tx) => updateHold(tx, first, ["pending"], { state: "released" }, now));
    await pendingHold(account, "hmac-a");
  });

  it("inserts a pending hold only while the voucher is free, linking the key, without aborting the transaction", async () => {
    const account = uid("acct");
    const key = uid("key");
    await store.db.query(
      `INSERT INTO idempotency_keys (account_id, key, route, fingerprint, state, created_at)
       VALUES ($1, $2, 'createHold', 'f', 'running', $3)`,
      [account, key, now],
    );
    const hold = (id: string) => newHold(account, "hmac-if-free", id, new Uint8Array([1]));
    const first = uid("hold");
    const second = uid("hold");
    const outcome = await store.db.transaction(async (tx) => {
      const inserted = await insertPendingHoldIfFree(tx, hold(first), { accountId: account, key });
      const refused = await insertPendingHoldIfFree(tx, hold(second), { accountId: account, key });
      // The refusal left the transaction usable.
      const { rows } = await tx.query<{ n: number }>("SELECT count(*)::int AS n FROM holds WHERE account_id = $1", [
        account,
      ]);
      return { inserted, refused, count: rows[0]?.n };
    });
    expect(outcome).toEqual({ inserted: true, refused: false, count: 1 });
    const { rows } = await store.db.query<{ resource_id: string }>(
      "SELECT resource_id FROM idempotency_keys WHERE account_id = $1 AND key = $2",
      [account, key],
    );
    expect(rows[0]?.resource_id).toBe(first);
    // Once the first hold ends, the voucher is free again.
    await store.db.transaction((tx) => updateHold(tx, first, ["pending"], { state: "released" }, now));
    expect(await store.db.transaction((tx) => insertPendingHoldIfFree(tx, hold(second)))).toBe(true);
  });

  it("claims a new key with its pending hold in one statement, only under the limits and while the voucher is free", async () => {
    const account = uid("acct");
    const hmac = uid("hmac");
    const key = (k: string) => ({
      accountId: account,
      key: k,
      route: "createHold",
      fingerprint: "f",
      lockedUntil: now,
      now,
    });
    const hold = (id: string) => newHold(account, hmac, id, new Uint8Array([1]));
    const since = new Date(now.getTime() - 900_000);
    const limits = (perVoucher: number) =>
      underLimitsCondition(account, hmac, "t1", since, { perVoucher, perTerminal: 10 });
    const claim = (k: string, id: string, perVoucher = 5) =>
      claimKeyWithPendingHold(store.db, insertKeyWrite(key(k), id), hold(id), limits(perVoucher));
    const keyRow = async (k: string) =>
      (
        await store.db.query<{ resource_id: string }>(
          "SELECT resource_id FROM idempotency_keys WHERE account_id = $1 AND key = $2",
          [account, k],
        )
      ).rows[0];
    const holdState = async (id: string) =>
      (await store.db.query<{ state: string }>("SELECT state FROM holds WHERE id = $1", [id])).rows[0]?.state;

    const [k1, h1] = [uid("key"), uid("hold")];
    expect(await claim(k1, h1)).toEqual({ claimed: true, held: true });
    expect(await keyRow(k1)).toEqual({ resource_id: h1 });
    expect(await holdState(h1)).toBe("pending");
    // The same key again: nothing at all is written.
    const h2 = uid("hold");
    expect(await claim(k1, h2)).toEqual({ claimed: false, held: false });
    expect(await holdState(h2)).toBeUndefined();
    // A new key while the voucher is held: the key only.
    const k3 = uid("key");
    expect(await claim(k3, uid("hold"))).toEqual({ claimed: true, held: false });
    expect(await keyRow(k3)).toBeDefined();
    // The voucher free again but at its limit of failures: the key only.
    await store.db.transaction((tx) => updateHold(tx, h1, ["pending"], { state: "released" }, now));
    await store.db.transaction((tx) =>
      recordFailures(tx, account, [{ scope: "voucher", subject: hmac }], new Date(now.getTime() - 1000)),
    );
    expect(await claim(uid("key"), uid("hold"), 1)).toEqual({ claimed: true, held: false });
    // Under it (one failure, a limit of two), the hold is recorded.
    expect(await claim(uid("key"), uid("hold"), 2)).toEqual({ claimed: true, held: true });
  });

  it("claims a new key and starts a redemption of an active hold in one statement, or writes the key only", async () => {
    const account = uid("acct");
    const holdId = await pendingHold(account, uid("hmac"));
    await store.db.transaction((tx) =>
      updateHold(tx, holdId, ["pending"], { state: "active", reservationId: "res-1" }, now),
    );
    const start = (k: string, id: string, at = now) =>
      claimKeyAndStartRedemption(
        store.db,
        insertKeyWrite(
          { accountId: account, key: k, route: "redeemHold", fingerprint: "f", lockedUntil: at, now: at },
          id,
        ),
        {
          id,
          holdId,
          accountId: account,
          terminalId: "t2",
          orderRef: "order-1",
          idempotencyKey: k,
          inFlightUntil: at,
          now: at,
        },
      );
    const [k1, r1] = [uid("key"), uid("red")];
    const started = await start(k1, r1);
    expect(started).toMatchObject({
      claimed: true,
      hold: { id: holdId, state: "redeeming", amountMinor: 1000, reservationId: "res-1" },
      redemption: { id: r1, holdId, state: "pending", amountMinor: 1000, currency: "EUR", orderRef: "order-1" },
    });
    // The row as stored is the row returned.
    const stored = await store.db.transaction((tx) => findRedemption(tx, r1));
    expect(stored).toEqual(started.redemption);
    const entries = await store.db.transaction((tx) => journalForHold(tx, holdId));
    expect(entries.map((e) => [e.event, e.redemptionId, e.amountMinor, e.detail])).toEqual([
      ["redemption_pending", r1, 1000, { orderRef: "order-1", reservationId: "res-1" }],
    ]);
    // Another key on the hold now redeeming: that key only, no second redemption.
    const r2 = uid("red");
    expect(await start(uid("key"), r2)).toEqual({ claimed: true, hold: null, redemption: null });
    expect(await store.db.transaction((tx) => findRedemption(tx, r2))).toBeNull();
    // The same key again: nothing.
    expect(await start(k1, uid("red"))).toEqual({ claimed: false, hold: null, redemption: null });
    // An active hold past its expiry is not started.
    const lapsed = await pendingHold(account, uid("hmac"));
    await store.db.transaction((tx) => updateHold(tx, lapsed, ["pending"], { state: "active" }, now));
    const late = new Date(now.getTime() + 61_000);
    const r3 = uid("red");
    const tooLate = await claimKeyAndStartRedemption(
      store.db,
      insertKeyWrite(
        { accountId: account, key: uid("key"), route: "redeemHold", fingerprint: "f", lockedUntil: late, now: late },
        r3,
      ),
      {
        id: r3,
        holdId: lapsed,
        accountId: account,
        terminalId: "t2",
        orderRef: "o",
        idempotencyKey: "k",
        inFlightUntil: late,
        now: late,
      },
    );
    expect(tooLate).toEqual({ claimed: true, hold: null, redemption: null });
  });

  it("erases secrets when a hold ends and refuses to keep them on an ended hold", async () => {
    const id = await pendingHold(uid("acct"), "hmac-s");
    const ended = await store.db.transaction((tx) => updateHold(tx, id, ["pending"], { state: "expired" }, now));
    expect(ended?.secrets).toBeNull();
    expect(ended?.endedAt).toEqual(now);
    await expect(
      store.db.query("UPDATE holds SET secrets = $2 WHERE id = $1", [id, Buffer.from([9])]),
    ).rejects.toMatchObject({ code: "23514" });
  });

  it("writes together or not at all: the guarded first write decides for every member", async () => {
    const account = uid("acct");
    const id = await pendingHold(account, uid("hmac"));
    const entry = { at: now, accountId: account, event: "hold_created" as const, holdId: id, detail: { n: 1 } };
    const activate = () =>
      writeTogether<HoldRow>(
        store.db,
        updateHoldWrite(id, ["pending"], { state: "active", reservationId: "r1" }, now),
        [
          journalWrite(entry, IF_FIRST_CHANGED),
          moveHoldWrite(uid("no-such-hold"), ["active"], "released", now, IF_FIRST_CHANGED),
        ],
      );
    const first = await activate();
    expect(first).toMatchObject({ id, state: "active", reservationId: "r1", amountMinor: 1000 });
    // The hold is no longer pending: nothing is written, the journal entry included.
    expect(await activate()).toBeNull();
    const entries = await store.db.transaction((tx) => journalForHold(tx, id));
    expect(entries.map((e) => e.detail)).toEqual([{ n: 1 }]);
    // A member that fails rolls back the whole statement, the first write too.
    const other = await pendingHold(account, uid("hmac"));
    await expect(
      writeTogether(store.db, updateHoldWrite(other, ["pending"], { state: "active" }, now), [
        journalWrite({ ...entry, holdId: other, currency: "euro" }, IF_FIRST_CHANGED),
        { sql: `INSERT INTO holds (id) SELECT $1::text WHERE ${IF_FIRST_CHANGED}`, values: [other] },
      ]),
    ).rejects.toBeDefined();
    const { rows } = await store.db.query<{ state: string }>("SELECT state FROM holds WHERE id = $1", [other]);
    expect(rows[0]?.state).toBe("pending");
  });

  it("allows one non-failed redemption per hold", async () => {
    const account = uid("acct");
    const hold = await pendingHold(account, "hmac-r");
    const redemption = (id: string) =>
      store.db.transaction((tx) =>
        insertPendingRedemption(tx, {
          id,
          holdId: hold,
          accountId: account,
          terminalId: "t1",
          amountMinor: 1000,
          currency: "EUR",
          orderRef: "o-1",
          idempotencyKey: null,
          inFlightUntil: now,
          now,
        }),
      );
    const first = uid("red");
    await redemption(first);
    await expect(redemption(uid("red"))).rejects.toMatchObject({ code: "23505" });
    await store.db.query("UPDATE redemptions SET state = 'failed' WHERE id = $1", [first]);
    await redemption(uid("red"));
  });

  it("keeps refunds within the redemption, by constraint", async () => {
    const account = uid("acct");
    const hold = await pendingHold(account, "hmac-f");
    const id = uid("red");
    await store.db.query(
      `INSERT INTO redemptions (id, hold_id, account_id, terminal_id, state, amount_minor, currency, order_ref,
         upstream_id, created_at, updated_at) VALUES ($1, $2, $3, 't1', 'committed', 500, 'EUR', 'o', 'up', $4, $4)`,
      [id, hold, account, now],
    );
    await store.db.query("UPDATE redemptions SET refunded_minor = 500 WHERE id = $1", [id]);
    await expect(
      store.db.query("UPDATE redemptions SET refunded_minor = 501 WHERE id = $1", [id]),
    ).rejects.toMatchObject({ code: "23514" });
  });

  it("keeps one idempotency record per (account, key)", async () => {
    const account = uid("acct");
    const insert = () =>
      store.db.query(
        `INSERT INTO idempotency_keys (account_id, key, route, fingerprint, state, created_at)
         VALUES ($1, 'k', 'r', 'f', 'running', $2)`,
        [account, now],
      );
    await insert();
    await expect(insert()).rejects.toMatchObject({ code: "23505" });
  });

  it("refuses UPDATE, DELETE and TRUNCATE on the journal", async () => {
    const account = uid("acct");
    await store.db.transaction((tx) =>
      appendJournal(tx, { at: now, accountId: account, event: "hold_created", amountMinor: 1, currency: "EUR" }),
    );
    await expect(
      store.db.query("UPDATE journal SET amount_minor = 2 WHERE account_id = $1", [account]),
    ).rejects.toThrow(/append-only/);
    await expect(store.db.query("DELETE FROM journal WHERE account_id = $1", [account])).rejects.toThrow(/append-only/);
    await expect(store.db.query("TRUNCATE journal")).rejects.toThrow(/append-only/);
    const { rows } = await store.db.query("SELECT * FROM journal WHERE account_id = $1", [account]);
    expect(rows).toHaveLength(1);
  });

  it("rolls back a failed transaction and refuses the outer handle inside one", async () => {
    const account = uid("acct");
    await expect(
      store.db.transaction(async (tx) => {
        await appendJournal(tx, { at: now, accountId: account, event: "hold_created" });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    const { rows } = await store.db.query("SELECT 1 FROM journal WHERE account_id = $1", [account]);
    expect(rows).toHaveLength(0);
    await expect(store.db.transaction(() => store.db.query("SELECT 1"))).rejects.toThrow(/inside a transaction/);
  });

  it("never reports a transaction committed when a statement in it failed and the error was swallowed", async () => {
    const account = uid("acct");
    await expect(
      store.db.transaction(async (tx) => {
        await appendJournal(tx, { at: now, accountId: account, event: "hold_created" });
        await tx.query("SELECT 1 / 0").catch(() => {});
      }),
    ).rejects.toThrow();
    const { rows } = await store.db.query("SELECT 1 FROM journal WHERE account_id = $1", [account]);
    expect(rows).toHaveLength(0);
  });

  it("commitWith: the last statements commit with the COMMIT, or all is rolled back; nothing may follow them", async () => {
    const journalled = async (account: string) =>
      (await store.db.query("SELECT 1 FROM journal WHERE account_id = $1", [account])).rows.length;
    const entry = (accountId: string) => ({ at: now, accountId, event: "hold_created" as const });

    const kept = uid("acct");
    const read = await store.db.transaction(async (tx) => {
      await appendJournal(tx, entry(kept));
      return tx.commitWith(
        Promise.all([appendJournal(tx, entry(kept)), tx.query<{ n: number }>("SELECT 2::int AS n")]),
      );
    });
    expect(read[1].rows).toEqual([{ n: 2 }]);
    expect(await journalled(kept)).toBe(2);

    // One of the last statements fails: its error, and nothing of the transaction is kept.
    const failed = uid("acct");
    await expect(
      store.db.transaction(async (tx) => {
        await appendJournal(tx, entry(failed));
        return tx.commitWith(Promise.all([appendJournal(tx, entry(failed)), tx.query("SELECT 1 / 0")]));
      }),
    ).rejects.toThrow(/division by zero/);
    expect(await journalled(failed)).toBe(0);

    // A problem decided from what they read comes out, and what they wrote stays.
    const decided = uid("acct");
    await expect(
      store.db.transaction(async (tx) => {
        const { rows } = await tx
          .commitWith(Promise.all([appendJournal(tx, entry(decided)), tx.query<{ n: number }>("SELECT 0::int AS n")]))
          .then(([, result]) => result);
        if (rows[0]?.n === 0) throw new Error("refused after reading");
      }),
    ).rejects.toThrow("refused after reading");
    expect(await journalled(decided)).toBe(1);

    if (store.db.kind === "postgres") {
      // On PostgreSQL the COMMIT has left: a statement after it would run outside the transaction.
      await expect(
        store.db.transaction(async (tx) => {
          await tx.commitWith(tx.query("SELECT 1"));
          await tx.query("SELECT 1");
        }),
      ).rejects.toThrow(/after commitWith/);
    }
    // The pool is healthy afterwards.
    expect((await store.db.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
  });

  it("reads int8 as numbers and timestamps as dates", async () => {
    const { rows } = await store.db.query<{ big: number; at: Date }>(
      "SELECT 99999999999::bigint AS big, $1::timestamptz AS at",
      [now],
    );
    expect(rows[0]).toEqual({ big: 99_999_999_999, at: now });
  });
});

// Collected only where a PostgreSQL is given; without one these tests do not exist rather than pass.
if (databaseUrl) {
  describe("migrations on postgresql", () => {
    it("are safe when two instances start at once", async () => {
      const fresh = await freshSchema(databaseUrl);
      try {
        const stores = await Promise.all([
          openStore({ databaseUrl: fresh.url }),
          openStore({ databaseUrl: fresh.url }),
        ]);
        const { rows } = await stores[0]!.db.query<{ version: number }>("SELECT version FROM schema_migrations");
        expect(rows.map((r) => r.version)).toEqual([1, 2]);
        await Promise.all(stores.map((s) => s.close()));
      } finally {
        await fresh.drop();
      }
    }, 60_000);
  });

  describe("connections on postgresql", () => {
    it("keeps a few open through a quiet spell, so the next request need not reconnect", async () => {
      const db = await openPgDb(databaseUrl, { idleTimeoutMs: 50 });
      try {
        const backendPid = async (sql: string) => (await db.query<{ pid: number }>(sql)).rows[0]!.pid;
        // Four statements at once take four connections.
        const pids = new Set(
          await Promise.all(
            Array.from({ length: 4 }, () => backendPid("SELECT pg_backend_pid() AS pid, pg_sleep(0.05)")),
          ),
        );
        expect(pids.size).toBe(4);
        const stillOpen = async () =>
          (
            await db.query<{ open: number }>("SELECT count(*)::int AS open FROM pg_stat_activity WHERE pid = ANY($1)", [
              [...pids],
            ])
          ).rows[0]!.open;
        // Past the idle timeout the pool closes the others, not the kept ones, and the next request uses one.
        await vi.waitFor(async () => expect(await stillOpen()).toBeLessThanOrEqual(KEPT_CONNECTIONS), {
          timeout: 10_000,
          interval: 25,
        });
        expect(await stillOpen()).toBe(KEPT_CONNECTIONS);
        expect(pids.has(await backendPid("SELECT pg_backend_pid() AS pid"))).toBe(true);
      } finally {
        await db.close();
      }
    }, 30_000);
  });
}

describe("pglite on disk", () => {
  it("keeps its data across a reopen and migrates once", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "voucher-store-"));
    try {
      const first = await openStore({ dataDir });
      await first.db.transaction((tx) => appendJournal(tx, { at: now, accountId: "disk", event: "voucher_issued" }));
      await first.close();
      const second = await openStore({ dataDir });
      expect(await migrate(second.db)).toEqual([]);
      const { rows } = await second.db.query("SELECT 1 FROM journal WHERE account_id = 'disk'");
      expect(rows).toHaveLength(1);
      await second.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
