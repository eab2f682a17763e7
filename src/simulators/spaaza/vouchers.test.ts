import { beforeEach, describe, expect, it } from "vitest";
import { demoUsers, demoVouchers, foreignVoucher } from "./demo-data.ts";
import { type Session, useSpaazaSim } from "./test-client.ts";

const sim = useSpaazaSim();
const [claimed, generated, redeemed, expired] = demoVouchers as [
  (typeof demoVouchers)[0],
  (typeof demoVouchers)[0],
  (typeof demoVouchers)[0],
  (typeof demoVouchers)[0],
];
let session: Session;
beforeEach(async () => {
  session = await sim.login();
});

const call = (method: string, path: string, form: Record<string, string>, s: Session = session) =>
  sim.api(method, path, { form, session: s });
const lock = (form: Record<string, string>, s?: Session) => call("PUT", "/lock-voucher", form, s);
const redeem = (form: Record<string, string>, s?: Session) =>
  call("POST", "/auth/redeem-voucher", { chain_id: "1743", ...form }, s);
const resource = (query: string, headers: Record<string, string> = {}) =>
  sim.api("GET", `/resources/voucher${query}`, {
    session,
    headers: { "x-spaaza-api-version": "1.6.1", "x-spaaza-chain-id": "1743", ...headers },
  });
const simNow = async () => Date.parse((await sim.sim("stats")).body.now);
const utc = (text: string) => Date.parse(`${text.replace(" ", "T")}Z`);
const seed = async (body: Record<string, unknown> = {}) => (await sim.sim("vouchers", body)).body;

describe("GET /resources/voucher (Resources API)", () => {
  it("reads a voucher by key or id, unwrapped", async () => {
    const byKey = await resource(`?key=${claimed.key}`);
    expect(byKey.status).toBe(200);
    expect(byKey.body).toMatchObject({
      id: claimed.id,
      key: claimed.key,
      status: "claimed",
      amount: 50,
      currency_id: 2,
    });
    expect(byKey.body.result).toBeUndefined();
    expect((await resource(`/${claimed.id}`)).body).toEqual(byKey.body);
  });

  it.each([
    ["no API version", { "x-spaaza-api-version": "" }, 400, 280],
    ["an API version below 1.6.1", { "x-spaaza-api-version": "1.5.9" }, 400, 280],
    ["no chain header", { "x-spaaza-chain-id": "" }, 400, 278],
    ["another chain", { "x-spaaza-chain-id": "2001" }, 500, 68],
  ])("refuses %s", async (_name, headers, status, code) => {
    const answer = await resource(`?key=${claimed.key}`, headers);
    expect(answer.status).toBe(status);
    expect(answer.body.error.code).toBe(code);
  });

  it("answers 404 voucher_not_found for an unknown key, 68 for a voucher of another chain", async () => {
    expect((await resource(`?key=${"a".repeat(64)}`)).body.error).toMatchObject({
      code: 183,
      name: "voucher_not_found",
    });
    const foreign = await resource(`?key=${foreignVoucher.key}`);
    expect(foreign.status).toBe(500);
    expect(foreign.body.error).toMatchObject({ code: 68, name: "permission_denied_or_non_existent" });
  });
});

describe("PUT /lock-voucher and /unlock-voucher", () => {
  it("locks for 300 s by default; voucher_locked_until is UTC without offset", async () => {
    const now = await simNow();
    const answer = await lock({ voucher_key: claimed.key });
    expect(answer.status).toBe(200);
    expect(answer.body.results).toMatchObject({
      voucher_id: claimed.id,
      voucher_locked: true,
      voucher_locking_code: null,
      voucher_currency_id: 2,
      voucher_amount: 50,
      result_type: "lock-voucher",
    });
    const until = answer.body.results.voucher_locked_until;
    expect(until).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(Math.abs(utc(until) - (now + 300_000))).toBeLessThan(2000);
  });

  it.each([["119"], ["3601"], ["abc"], ["300.5"]])("refuses voucher_lock_period %s", async (period) => {
    const answer = await lock({ voucher_key: claimed.key, voucher_lock_period: period });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 274, name: "invalid_voucher_lock_period" });
  });

  it("accepts the bounds 120 and 3600 and locks again with a new time", async () => {
    const now = await simNow();
    const short = await lock({ voucher_id: String(claimed.id), voucher_lock_period: "120" });
    expect(Math.abs(utc(short.body.results.voucher_locked_until) - (now + 120_000))).toBeLessThan(2000);
    const long = await lock({ voucher_key: claimed.key, voucher_lock_period: "3600" });
    expect(Math.abs(utc(long.body.results.voucher_locked_until) - (now + 3_600_000))).toBeLessThan(2000);
  });

  it("refuses JSON, a voucher locked by another login, expired and redeemed vouchers", async () => {
    const json = await sim.api("PUT", "/lock-voucher", {
      session,
      raw: { contentType: "application/json", body: JSON.stringify({ voucher_key: claimed.key }) },
    });
    expect([json.status, json.body.error.code]).toEqual([415, 279]);
    await lock({ voucher_key: claimed.key });
    const other = await lock({ voucher_key: claimed.key }, await sim.login(demoUsers[1]!.username));
    expect(other.body.error).toMatchObject({ code: 273, name: "voucher_locked" });
    expect((await lock({ voucher_key: expired.key })).body.error.code).toBe(276);
    expect((await lock({ voucher_key: redeemed.key })).body.error.code).toBe(270);
    expect((await lock({})).body.error.code).toBe(278);
  });

  it("lets a lock lapse on the simulator's clock", async () => {
    await lock({ voucher_key: claimed.key, voucher_lock_period: "120" });
    await sim.sim("clock", { advanceSeconds: 121 });
    expect((await resource(`?key=${claimed.key}`)).body).toMatchObject({ locked: false, locked_until: null });
    expect((await lock({ voucher_key: claimed.key }, await sim.login(demoUsers[1]!.username))).status).toBe(200);
  });

  it("unlocks (PUT or POST); unlocking an unlocked voucher is error 272", async () => {
    await lock({ voucher_key: claimed.key });
    const answer = await call("POST", "/unlock-voucher", { voucher_key: claimed.key });
    expect(answer.body.results).toMatchObject({ voucher_locked: false, result_type: "unlock-voucher" });
    const again = await call("PUT", "/unlock-voucher", { voucher_key: claimed.key });
    expect([again.status, again.body.error.name]).toEqual([400, "voucher_not_locked"]);
  });
});

describe("POST /claim-voucher", () => {
  it("claims a generated voucher; claiming again is a warning inside a 200", async () => {
    const first = await call("POST", "/claim-voucher", { voucher_key: generated.key });
    expect(first.body.results.voucher_status).toBe("claimed");
    expect(first.body.warnings).toBeUndefined();
    const again = await call("PUT", "/claim-voucher", { voucher_id: String(generated.id) });
    expect(again.status).toBe(200);
    expect(again.body.warnings).toEqual([
      { code: 271, name: "voucher_already_claimed", description: expect.any(String) },
    ]);
  });
});

describe("POST /auth/redeem-voucher", () => {
  it("redeems part and regenerates the rest under a new key", async () => {
    const answer = await redeem({ voucher_key: claimed.key, amount: "12.3" });
    expect(answer.status).toBe(200);
    const results = answer.body.results;
    expect(results).toMatchObject({
      voucher_status: "redeemed",
      voucher_amount_original: 50,
      voucher_amount_redeemed: 12.3,
      voucher_amount: 12.3,
      result_type: "redeem-voucher",
    });
    const rest = results.regenerated_voucher;
    expect(rest.voucher_key).toMatch(/^[0-9a-f]{64}$/);
    expect(rest).toMatchObject({ voucher_status: "claimed", voucher_amount: 37.7, voucher_currency_id: 2 });
    expect(rest.parent_voucher).toEqual({ voucher_id: claimed.id, voucher_key: claimed.key });
    expect((await sim.sim(`vouchers/${claimed.key}`)).body).toMatchObject({
      regenerated_voucher_key: rest.voucher_key,
      remaining_amount: "37.70",
    });
    expect((await redeem({ voucher_key: claimed.key, amount: "1" })).body.error.code).toBe(270);
  });

  it("redeems everything when amount is absent (multipart accepted)", async () => {
    const form = new FormData();
    form.set("voucher_id", String(claimed.id));
    form.set("chain_id", "1743");
    const response = await fetch(`${sim.url}/auth/redeem-voucher`, {
      method: "PUT",
      headers: { "x-spaaza-session-user-id": String(session.userId), "x-spaaza-session-key": session.key },
      body: form,
    });
    const body = await response.json();
    expect(body.results).toMatchObject({ voucher_amount_redeemed: 50, regenerated_voucher: null });
  });

  it.each([
    ["no chain_id", { voucher_key: claimed.key, chain_id: "" }, 278],
    ["another chain_id", { voucher_key: claimed.key, chain_id: "2001" }, 68],
    ["an amount above the voucher's", { voucher_key: claimed.key, amount: "50.01" }, 275],
    ["three decimals", { voucher_key: claimed.key, amount: "1.005" }, 278],
    ["a zero amount", { voucher_key: claimed.key, amount: "0" }, 278],
    ["a generated voucher (claim first)", { voucher_key: generated.key }, 277],
    ["an expired voucher", { voucher_key: expired.key }, 276],
    ["an unknown voucher", { voucher_key: "f".repeat(64) }, 183],
  ])("refuses %s", async (_name, form, code) => {
    expect((await redeem(form)).body.error.code).toBe(code);
  });

  it("lets only the locking login redeem a locked voucher, and never one locked with a locking code", async () => {
    const v = await seed({ amount: "20.00" });
    await lock({ voucher_key: v.voucher_key });
    const till2 = await sim.login(demoUsers[1]!.username);
    expect((await redeem({ voucher_key: v.voucher_key }, till2)).body.error.name).toBe("voucher_locked");
    expect((await redeem({ voucher_key: v.voucher_key, amount: "5" })).status).toBe(200);

    const coded = await seed({ amount: "20.00" });
    await lock({ voucher_key: coded.voucher_key, voucher_locking_code: "lock4001" });
    expect((await redeem({ voucher_key: coded.voucher_key })).body.error.code).toBe(273);
  });
});
