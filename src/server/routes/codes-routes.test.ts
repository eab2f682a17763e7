import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  AccessCodePage,
  AccessCodeVouchersResponse,
  AddAccessCodesResponse,
  CheckResponse,
  Problem,
} from "../../shared/index.ts";
import { DEMO_VOUCHER_IDS } from "../../simulators/mews/index.ts";
import { type CodesTestBff, startCodesTestBff } from "./codes-routes.fixture.ts";
import { AddReplays } from "./codes-routes.ts";

let bff: CodesTestBff;
let token: string;
beforeAll(async () => {
  bff = await startCodesTestBff();
  token = await bff.token();
});
afterAll(() => bff?.close());
beforeEach(async () => {
  await fetch(`${bff.simUrl}/__sim/reset`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{}",
  });
});

let keys = 0;
const idem = () => ({ "idempotency-key": `codes-${Date.now()}-${keys++}` });
function call(
  method: "GET" | "POST" | "DELETE",
  url: string,
  payload?: object,
  headers: Record<string, string> = {},
  t = token,
) {
  return bff.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${t}`, ...headers },
    ...(payload === undefined ? {} : { payload }),
  });
}
function expectProblem(
  response: { statusCode: number; headers: Record<string, unknown>; json(): unknown },
  code: string,
) {
  expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
  const problem = Problem.parse(response.json());
  expect(problem.code).toBe(code);
  expect(problem.status).toBe(response.statusCode);
  return problem;
}
const add = (items: object[], headers: Record<string, string> = idem()) =>
  call("POST", "/api/v1/voucher-codes", { items }, headers);
const list = async (query = "") => AccessCodePage.parse((await call("GET", `/api/v1/voucher-codes${query}`)).json());

describe("who may use the codes admin", () => {
  it("needs a session, the codes ability and a provider with codes", async () => {
    expectProblem(await call("GET", "/api/v1/voucher-codes", undefined, {}, ""), "UNAUTHORIZED");
    const redeemOnly = await bff.token("mews", ["redeem"]);
    for (const [method, url, body] of [
      ["GET", "/api/v1/voucher-codes"],
      ["GET", "/api/v1/voucher-codes/vouchers"],
      ["POST", "/api/v1/voucher-codes", { items: [] }],
      ["DELETE", "/api/v1/voucher-codes", { ids: [] }],
    ] as const) {
      expectProblem(await call(method, url, body, idem(), redeemOnly), "FORBIDDEN");
    }
    expectProblem(await call("GET", "/api/v1/voucher-codes", undefined, {}, await bff.token("jtl")), "NOT_SUPPORTED");
  });

  it("refuses an origin the account does not allow", async () => {
    const answer = await call("GET", "/api/v1/voucher-codes", undefined, { origin: "https://evil.example" });
    expectProblem(answer, "FORBIDDEN");
    expect(
      (await call("GET", "/api/v1/voucher-codes", undefined, { origin: "https://backoffice.example" })).statusCode,
    ).toBe(200);
  });
});

describe("GET /api/v1/voucher-codes", () => {
  it("lists the vouchers codes may be added to", async () => {
    const answer = await call("GET", "/api/v1/voucher-codes/vouchers");
    expect(answer.statusCode).toBe(200);
    expect(AccessCodeVouchersResponse.parse(answer.json()).vouchers.map((v) => v.name)).toEqual([
      "Corporate partner rate",
      "Friends and family",
    ]);
  });

  it("lists codes newest first and pages with the cursor", async () => {
    const all = await list();
    expect(all.items.map((c) => c.value)).toEqual([
      "MEWSVALID0000001",
      "MEWSVALID0000002",
      "MEWSEXPIRED00001",
      "MEWSFUTURE000001",
      "MEWSDELETED00001",
    ]);
    expect(all.items.map((c) => c.state)).toEqual(["active", "active", "expired", "not_yet_valid", "deleted"]);
    expect(all.nextCursor).toBeNull();
    const first = await list("?limit=3");
    expect(first.items).toHaveLength(3);
    const second = await list(`?limit=3&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(second.items.map((c) => c.value)).toEqual(["MEWSFUTURE000001", "MEWSDELETED00001"]);
    expect(second.nextCursor).toBeNull();
  });

  it("validates the query", async () => {
    for (const query of ["?limit=0", "?limit=201", "?limit=abc", "?limit=2.5", "?page=2", "?cursor=not-ours"]) {
      expectProblem(await call("GET", `/api/v1/voucher-codes${query}`), "INVALID_REQUEST");
    }
  });

  it("passes Mews's rate limit on with Retry-After", async () => {
    await fetch(`${bff.simUrl}/__sim/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ rateLimit: { count: 1, retryAfterSeconds: 20 } }),
    });
    const answer = await call("GET", "/api/v1/voucher-codes");
    expect(expectProblem(answer, "RATE_LIMITED").retryAfterSeconds).toBe(20);
    expect(answer.headers["retry-after"]).toBe("20");
  });
});

describe("POST /api/v1/voucher-codes", () => {
  it("adds codes, stored normalized, which the widget's check then finds", async () => {
    const answer = await add([
      { voucherId: DEMO_VOUCHER_IDS.corporate, value: "summer-2031 vip" },
      {
        voucherId: DEMO_VOUCHER_IDS.friends,
        value: "LATER0001",
        validFrom: "2031-01-01T00:00:00Z",
        validUntil: "2031-01-31T23:59:59Z",
      },
    ]);
    expect(answer.statusCode).toBe(201);
    const { items } = AddAccessCodesResponse.parse(answer.json());
    expect(items.map((c) => [c.value, c.state])).toEqual([
      ["SUMMER2031VIP", "active"],
      ["LATER0001", "not_yet_valid"],
    ]);
    expect(items[1]).toMatchObject({ validFrom: "2031-01-01T00:00:00.000Z", validUntil: "2031-01-31T23:59:59.000Z" });
    const check = await call("POST", "/api/v1/vouchers/check", { code: "Summer 2031-VIP" });
    expect(CheckResponse.parse(check.json()).voucher).toMatchObject({
      kind: "access",
      status: "active",
      validUntil: null,
    });
  });

  it("needs an Idempotency-Key and replays the first answer for the same key and body", async () => {
    const items = [{ voucherId: DEMO_VOUCHER_IDS.corporate, value: "ONCE0001" }];
    expectProblem(await add(items, {}), "INVALID_REQUEST");
    const headers = idem();
    const first = await add(items, headers);
    const again = await add([{ voucherId: DEMO_VOUCHER_IDS.corporate, value: "once-0001" }], headers);
    expect(again.statusCode).toBe(201);
    expect(again.headers["idempotency-replayed"]).toBe("true");
    expect(again.json()).toEqual(first.json());
    expect((await list()).items.filter((c) => c.value === "ONCE0001")).toHaveLength(1);
    expectProblem(
      await add([{ voucherId: DEMO_VOUCHER_IDS.corporate, value: "OTHER0001" }], headers),
      "IDEMPOTENCY_CONFLICT",
    );
  });

  it("takes up to 1000 codes in one request, with validity", async () => {
    const items = Array.from({ length: 1000 }, (_, i) => ({
      voucherId: DEMO_VOUCHER_IDS.friends,
      value: `BATCH-${String(i).padStart(4, "0")}-${"X".repeat(100)}`,
      validFrom: "2030-01-01T00:00:00.000Z",
      validUntil: "2031-12-31T23:59:59.000Z",
    }));
    const answer = await add(items);
    expect(answer.statusCode).toBe(201);
    expect(AddAccessCodesResponse.parse(answer.json()).items).toHaveLength(1000);
    const ids = (await list("?limit=200")).items.map((c) => c.id);
    const deleted = await call("DELETE", "/api/v1/voucher-codes", { ids });
    expect(deleted.statusCode).toBe(200);
  });

  it("refuses what the contract or Mews refuses", async () => {
    const v = DEMO_VOUCHER_IDS.corporate;
    const refused = [
      [],
      Array.from({ length: 1001 }, (_, i) => ({ voucherId: v, value: `M${i}` })),
      [{ voucherId: v, value: "X".repeat(129) }],
      [{ voucherId: v, value: "no/slashes" }],
      [{ voucherId: v, value: " - " }],
      [
        { voucherId: v, value: "TWICE" },
        { voucherId: v, value: "twice" },
      ],
      [{ voucherId: v, value: "BACKWARDS", validFrom: "2031-02-01T00:00:00Z", validUntil: "2031-01-01T00:00:00Z" }],
      [{ voucherId: DEMO_VOUCHER_IDS.annex, value: "NOTOURS01" }],
      [{ voucherId: v, value: "OK", extra: true }],
    ];
    for (const items of refused) expectProblem(await add(items), "INVALID_REQUEST");
    const duplicate = expectProblem(await add([{ voucherId: v, value: "mewsvalid0000001" }]), "INVALID_REQUEST");
    expect(duplicate.status).toBe(422);
    expect(JSON.stringify(duplicate)).not.toContain("MEWSVALID0000001");
  });
});

describe("DELETE /api/v1/voucher-codes", () => {
  it("deletes codes; the list shows them deleted and the check says inactive", async () => {
    const { items } = await list("?limit=1");
    const answer = await call("DELETE", "/api/v1/voucher-codes", { ids: [items[0]!.id] });
    expect(answer.json()).toEqual({ deleted: [items[0]!.id] });
    expect((await list("?limit=1")).items[0]!.state).toBe("deleted");
    const check = await call("POST", "/api/v1/vouchers/check", { code: items[0]!.value });
    expect(CheckResponse.parse(check.json()).voucher.status).toBe("inactive");
  });

  it("refuses unknown ids, empty, repeated and too many ids", async () => {
    expectProblem(
      await call("DELETE", "/api/v1/voucher-codes", { ids: ["00000000-0000-4000-8000-000000000077"] }),
      "NOT_FOUND",
    );
    expectProblem(await call("DELETE", "/api/v1/voucher-codes", { ids: [] }), "INVALID_REQUEST");
    expectProblem(await call("DELETE", "/api/v1/voucher-codes", { ids: ["a", "a"] }), "INVALID_REQUEST");
    const many = Array.from({ length: 1001 }, (_, i) => `id-${i}`);
    expectProblem(await call("DELETE", "/api/v1/voucher-codes", { ids: many }), "INVALID_REQUEST");
  });
});

describe("the Mews check through the BFF", () => {
  it("says why a code is not usable, as an access voucher without balance", async () => {
    const expired = CheckResponse.parse(
      (await call("POST", "/api/v1/vouchers/check", { code: "MEWSEXPIRED00001" })).json(),
    );
    expect(expired.voucher).toMatchObject({ kind: "access", status: "expired", maskedCode: "••••-••••-••••-0001" });
    expect(expired.voucher.balance).toBeUndefined();
    expectProblem(await call("POST", "/api/v1/vouchers/check", { code: "NOSUCHCODE01" }), "VOUCHER_INVALID");
  });
});

describe("AddReplays", () => {
  it("forgets answers after their time and when over its size", async () => {
    let now = 0;
    const replays = new AddReplays(3, 1000, () => now);
    const work = (n: number) => async () => ({ items: Array.from({ length: n }, () => ({}) as never) });
    await replays.run("a", "k1", { x: 1 }, work(2));
    expect((await replays.run("a", "k1", { x: 1 }, work(9))).replayed).toBe(true);
    expect((await replays.run("b", "k1", { x: 1 }, work(1))).replayed).toBe(false);
    now = 2000;
    expect((await replays.run("a", "k1", { x: 2 }, work(1))).replayed).toBe(false);
    await replays.run("a", "k2", {}, work(3));
    await replays.run("a", "k3", {}, work(1));
    // Over 3 codes in all: the oldest answers went first.
    expect((await replays.run("a", "k1", { x: 3 }, work(1))).replayed).toBe(false);
  });

  it("says IN_PROGRESS while the first is running and frees the key when it fails", async () => {
    const replays = new AddReplays();
    let finish!: () => void;
    const first = replays.run("a", "k", {}, () => new Promise((resolve) => (finish = () => resolve({ items: [] }))));
    await expect(replays.run("a", "k", {}, async () => ({ items: [] }))).rejects.toMatchObject({
      code: "IDEMPOTENCY_IN_PROGRESS",
    });
    finish();
    await first;
    await expect(replays.run("a", "f", {}, async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect((await replays.run("a", "f", {}, async () => ({ items: [] }))).replayed).toBe(false);
  });
});
