import { describe, expect, it } from "vitest";
import { DEMO_ENTERPRISE_ID, DEMO_VOUCHER_IDS, demoAccessTokens, demoCodes } from "./demo-data.ts";
import { useMewsSim } from "./test-client.ts";

const sim = useMewsSim();
const list = (body: Record<string, unknown> = {}) =>
  sim.call("voucherCodes/getAll", { Limitation: { Count: 100 }, ...body });
const add = (params: unknown[], extra: Record<string, unknown> = {}) =>
  sim.call("voucherCodes/add", { VoucherCodeParameters: params, ...extra });
const guids = (n: number) =>
  Array.from({ length: n }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
/** Demo codes newest first: the order getAll answers in. */
const demoIdsNewestFirst = demoCodes.map((c) => c.id).reverse();

describe("voucherCodes/getAll", () => {
  it("lists codes newest first with the documented fields", async () => {
    const { status, body } = await list();
    expect(status).toBe(200);
    expect(body.VoucherCodes.map((c: { Id: string }) => c.Id)).toEqual(demoIdsNewestFirst);
    expect(body.VoucherCodes[0]).toEqual({
      Id: demoCodes.at(-1)!.id,
      VoucherId: DEMO_VOUCHER_IDS.corporate,
      Value: "MEWSVALID0000001",
      ValidityStartUtc: null,
      ValidityEndUtc: null,
      CreatedUtc: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      UpdatedUtc: expect.stringMatching(/Z$/),
      ActivityState: "Active",
    });
    expect(body.VoucherCodes.find((c: { Value: string }) => c.Value === "MEWSDELETED00001").ActivityState).toBe(
      "Deleted",
    );
  });

  it("pages with the cursor: the id of the oldest item returned, then older items", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 5; pages++) {
      const { body } = await list({ Limitation: { Count: 2, Cursor: cursor } });
      const ids = body.VoucherCodes.map((c: { Id: string }) => c.Id);
      if (ids.length === 0) {
        expect(body.Cursor).toBe(cursor);
        break;
      }
      expect(body.Cursor).toBe(ids.at(-1));
      seen.push(...ids);
      cursor = body.Cursor;
    }
    expect(seen).toEqual(demoIdsNewestFirst);
  });

  it("puts new codes first and keeps paging stable after them", async () => {
    const first = (await list({ Limitation: { Count: 2 } })).body;
    await add([{ VoucherId: DEMO_VOUCHER_IDS.friends, Value: "NEWEST0001" }]);
    const next = (await list({ Limitation: { Count: 2, Cursor: first.Cursor } })).body;
    expect(next.VoucherCodes.map((c: { Id: string }) => c.Id)).toEqual(demoIdsNewestFirst.slice(2, 4));
    expect((await list({ Limitation: { Count: 1 } })).body.VoucherCodes[0].Value).toBe("NEWEST0001");
  });

  it("filters by voucher, code id and update time", async () => {
    const byVoucher = (await list({ VoucherIds: [DEMO_VOUCHER_IDS.corporate] })).body.VoucherCodes;
    expect(byVoucher).toHaveLength(2);
    const byId = (await list({ VoucherCodeIds: [demoCodes[0]!.id] })).body.VoucherCodes;
    expect(byId.map((c: { Value: string }) => c.Value)).toEqual(["MEWSDELETED00001"]);
    const now = Date.now();
    const recent = {
      StartUtc: new Date(now - 90 * 60_000).toISOString(),
      EndUtc: new Date(now + 60_000).toISOString(),
    };
    expect((await list({ UpdatedUtc: recent })).body.VoucherCodes).toHaveLength(1);
  });

  it("refuses a missing or out-of-range Limitation, over 1000 ids, bad ids, a bad cursor, a long interval", async () => {
    expect((await sim.call("voucherCodes/getAll", {})).status).toBe(400);
    expect((await list({ Limitation: { Count: 0 } })).status).toBe(400);
    expect((await list({ Limitation: { Count: 1001 } })).status).toBe(400);
    expect((await list({ Limitation: { Count: 1000 } })).status).toBe(200);
    for (const field of ["VoucherCodeIds", "VoucherIds", "EnterpriseIds"]) {
      const answer = await list({ [field]: guids(1001) });
      expect(answer.status, field).toBe(400);
      expect(answer.body.Message).toMatch(/1000/);
    }
    expect((await list({ VoucherIds: guids(1000) })).status).toBe(200);
    expect((await list({ VoucherIds: ["not-a-guid"] })).status).toBe(400);
    expect((await list({ Limitation: { Count: 5, Cursor: guids(1)[0] } })).status).toBe(400);
    const long = { StartUtc: "2024-01-01T00:00:00Z", EndUtc: "2024-04-02T00:00:00Z" };
    expect((await list({ UpdatedUtc: long })).status).toBe(400);
    expect((await list({ EnterpriseIds: [guids(1)[0]] })).status).toBe(400);
  });
});

describe("voucherCodes/add", () => {
  it("adds codes with and without validity and answers them", async () => {
    const { status, body } = await add([
      { VoucherId: DEMO_VOUCHER_IDS.corporate, Value: "ADDED0001" },
      {
        VoucherId: DEMO_VOUCHER_IDS.friends,
        Value: "ADDED0002",
        ValidityStartUtc: "2030-01-01T00:00:00Z",
        ValidityEndUtc: "2030-12-31T23:00:00Z",
      },
    ]);
    expect(status).toBe(200);
    expect(body.VoucherCodes).toHaveLength(2);
    expect(body.VoucherCodes[1]).toMatchObject({
      VoucherId: DEMO_VOUCHER_IDS.friends,
      Value: "ADDED0002",
      ValidityStartUtc: "2030-01-01T00:00:00Z",
      ValidityEndUtc: "2030-12-31T23:00:00Z",
      ActivityState: "Active",
    });
    expect((await sim.sim(`voucher-codes/${body.VoucherCodes[0].Id}`)).body.Value).toBe("ADDED0001");
  });

  it("refuses over 1000 items, values over 128 characters, unknown vouchers (400)", async () => {
    const many = Array.from({ length: 1001 }, (_, i) => ({ VoucherId: DEMO_VOUCHER_IDS.corporate, Value: `M${i}` }));
    expect((await add(many)).status).toBe(400);
    expect((await add(many.slice(0, 1000))).status).toBe(200);
    expect((await add([])).status).toBe(400);
    expect((await add([{ VoucherId: DEMO_VOUCHER_IDS.corporate, Value: "X".repeat(129) }])).status).toBe(400);
    expect((await add([{ VoucherId: DEMO_VOUCHER_IDS.corporate, Value: "X".repeat(128) }])).status).toBe(200);
    expect((await add([{ VoucherId: guids(1)[0], Value: "NOVOUCHER" }])).status).toBe(400);
    // The annex's voucher is outside this token's enterprise.
    expect((await add([{ VoucherId: DEMO_VOUCHER_IDS.annex, Value: "OTHERHOTEL" }])).status).toBe(400);
  });

  it("refuses duplicates and reversed validity as business rules (403), all or nothing", async () => {
    const dup = await add([
      { VoucherId: DEMO_VOUCHER_IDS.corporate, Value: "FRESH0001" },
      { VoucherId: DEMO_VOUCHER_IDS.friends, Value: "MEWSVALID0000001" },
    ]);
    expect(dup.status).toBe(403);
    expect(dup.body.Message).toMatch(/already exists/);
    const sameTwice = [
      { VoucherId: DEMO_VOUCHER_IDS.corporate, Value: "TWICE" },
      { VoucherId: DEMO_VOUCHER_IDS.corporate, Value: "TWICE" },
    ];
    expect((await add(sameTwice)).status).toBe(403);
    const reversed = {
      VoucherId: DEMO_VOUCHER_IDS.corporate,
      Value: "REVERSED",
      ValidityStartUtc: "2030-02-01T00:00:00Z",
      ValidityEndUtc: "2030-01-01T00:00:00Z",
    };
    expect((await add([reversed])).status).toBe(403);
    const values = (await list()).body.VoucherCodes.map((c: { Value: string }) => c.Value);
    expect(values).not.toContain("FRESH0001");
    // A deleted code's value is free again.
    expect((await add([{ VoucherId: DEMO_VOUCHER_IDS.corporate, Value: "MEWSDELETED00001" }])).status).toBe(200);
  });

  it("needs EnterpriseId with a portfolio token, and ignores it otherwise", async () => {
    const portfolio = { AccessToken: demoAccessTokens[1]!.token };
    const item = [{ VoucherId: DEMO_VOUCHER_IDS.annex, Value: "ANNEX0001" }];
    expect((await add(item, portfolio)).status).toBe(400);
    expect((await add(item, { ...portfolio, EnterpriseId: guids(1)[0] })).status).toBe(400);
    expect((await add(item, { ...portfolio, EnterpriseId: demoAccessTokens[1]!.enterpriseIds[1] })).status).toBe(200);
    const single = [{ VoucherId: DEMO_VOUCHER_IDS.corporate, Value: "IGNORED01" }];
    expect((await add(single, { EnterpriseId: guids(1)[0] })).status).toBe(200);
  });
});

describe("voucherCodes/delete", () => {
  it("marks codes deleted, idempotently; getAll still lists them", async () => {
    const id = demoCodes.at(-1)!.id;
    const del = await sim.call("voucherCodes/delete", { VoucherCodeIds: [id] });
    expect(del).toMatchObject({ status: 200, body: {} });
    expect((await sim.call("voucherCodes/delete", { VoucherCodeIds: [id] })).status).toBe(200);
    const after = (await list({ VoucherCodeIds: [id] })).body.VoucherCodes[0];
    expect(after.ActivityState).toBe("Deleted");
  });

  it("refuses unknown ids (nothing deleted), over 1000 ids, and a portfolio token without EnterpriseId", async () => {
    const id = demoCodes.at(-1)!.id;
    expect((await sim.call("voucherCodes/delete", { VoucherCodeIds: [id, guids(1)[0]] })).status).toBe(400);
    expect((await sim.sim(`voucher-codes/${id}`)).body.ActivityState).toBe("Active");
    expect((await sim.call("voucherCodes/delete", { VoucherCodeIds: guids(1001) })).status).toBe(400);
    expect((await sim.call("voucherCodes/delete", { VoucherCodeIds: [] })).status).toBe(400);
    const portfolio = { AccessToken: demoAccessTokens[1]!.token, VoucherCodeIds: [id] };
    expect((await sim.call("voucherCodes/delete", portfolio)).status).toBe(400);
    const named = { ...portfolio, EnterpriseId: DEMO_ENTERPRISE_ID };
    expect((await sim.call("voucherCodes/delete", named)).status).toBe(200);
  });
});
