import { describe, expect, it } from "vitest";
import { DEMO_VOUCHER_IDS, demoCodes } from "../../../simulators/mews/index.ts";
import { useMewsSim } from "../../../simulators/mews/test-client.ts";
import type { AccessCodeAdmin } from "../port.ts";
import { problem, simAccount } from "./adapter.fixture.ts";
import { createMewsAdapter } from "./index.ts";

const sim = useMewsSim();
const admin = (overrides = {}): AccessCodeAdmin =>
  createMewsAdapter(simAccount(sim.url, overrides), { sleep: async () => {} }).accessCodes!;
const newestFirst = demoCodes.map((c) => c.value).reverse();

async function allPages(limit: number): Promise<{ values: string[]; pages: number }> {
  const values: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await admin().listCodes({ limit, ...(cursor ? { cursor } : {}) });
    pages++;
    values.push(...page.items.map((c) => c.value));
    expect(page.items.length).toBeLessThanOrEqual(limit);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && pages < 20);
  return { values, pages };
}

describe("listing", () => {
  it("lists the vouchers codes may be added to, by name", async () => {
    expect(await admin().listVouchers()).toEqual([
      { id: DEMO_VOUCHER_IDS.corporate, name: "Corporate partner rate" },
      { id: DEMO_VOUCHER_IDS.friends, name: "Friends and family" },
    ]);
    expect(await admin({ voucherIds: [DEMO_VOUCHER_IDS.friends] }).listVouchers()).toHaveLength(1);
  });

  it("lists codes newest first with their state", async () => {
    const { items, nextCursor } = await admin().listCodes({ limit: 10 });
    expect(items.map((c) => c.value)).toEqual(newestFirst);
    expect(nextCursor).toBeNull();
    const state = Object.fromEntries(items.map((c) => [c.value, c.state]));
    expect(state).toEqual({
      MEWSVALID0000001: "active",
      MEWSVALID0000002: "active",
      MEWSEXPIRED00001: "expired",
      MEWSFUTURE000001: "not_yet_valid",
      MEWSDELETED00001: "deleted",
    });
    expect(items[0]).toMatchObject({ voucherId: DEMO_VOUCHER_IDS.corporate, validFrom: null, validUntil: null });
    expect(items[0]!.createdAt).toBeInstanceOf(Date);
  });

  it("pages over the cursor without an empty last page", async () => {
    expect(await allPages(2)).toEqual({ values: newestFirst, pages: 3 });
    expect(await allPages(5)).toEqual({ values: newestFirst, pages: 1 });
    expect(await allPages(1)).toEqual({ values: newestFirst, pages: 5 });
  });

  it("shows only the account's vouchers' codes and refuses a made-up cursor", async () => {
    const corporate = await admin({ voucherIds: [DEMO_VOUCHER_IDS.corporate] }).listCodes({ limit: 10 });
    expect(corporate.items.map((c) => c.value)).toEqual(["MEWSVALID0000001", "MEWSEXPIRED00001"]);
    expect((await problem(admin().listCodes({ limit: 5, cursor: "abc" }))).code).toBe("INVALID_REQUEST");
  });
});

describe("adding", () => {
  it("adds codes with and without validity; they come first in the list", async () => {
    const from = new Date("2031-01-01T00:00:00Z");
    const until = new Date("2031-06-30T21:59:59Z");
    const added = await admin().addCodes([
      { voucherId: DEMO_VOUCHER_IDS.corporate, value: "ADMINADD0001" },
      { voucherId: DEMO_VOUCHER_IDS.friends, value: "ADMINADD0002", validFrom: from, validUntil: until },
    ]);
    expect(added.map((c) => [c.value, c.state])).toEqual([
      ["ADMINADD0001", "active"],
      ["ADMINADD0002", "not_yet_valid"],
    ]);
    expect(added[1]).toMatchObject({ validFrom: from, validUntil: until });
    const first = (await admin().listCodes({ limit: 2 })).items.map((c) => c.value);
    expect(first.sort()).toEqual(["ADMINADD0001", "ADMINADD0002"]);
  });

  it("refuses other vouchers, duplicates (Mews's business rule) and over 1000 codes", async () => {
    const other = await problem(admin().addCodes([{ voucherId: DEMO_VOUCHER_IDS.annex, value: "OTHER0001" }]));
    expect(other).toMatchObject({ code: "INVALID_REQUEST", errors: [{ path: "items.0.voucherId" }] });
    const dup = await problem(admin().addCodes([{ voucherId: DEMO_VOUCHER_IDS.corporate, value: "MEWSVALID0000001" }]));
    expect(dup).toMatchObject({ code: "INVALID_REQUEST", status: 422 });
    expect(dup.message).not.toContain("MEWSVALID0000001");
    const many = Array.from({ length: 1001 }, (_, i) => ({ voucherId: DEMO_VOUCHER_IDS.corporate, value: `M${i}` }));
    expect((await problem(admin().addCodes(many))).code).toBe("INVALID_REQUEST");
    expect(await admin().addCodes(many.slice(0, 1000))).toHaveLength(1000);
  });

  it("reports a lost answer as unknown outcome (the codes were added)", async () => {
    await sim.sim("faults", { drop: { count: 1 } });
    const lost = await problem(admin().addCodes([{ voucherId: DEMO_VOUCHER_IDS.corporate, value: "LOSTANSWER1" }]));
    expect(lost).toMatchObject({ code: "PROVIDER_UNAVAILABLE", outcomeUnknown: true });
    expect((await admin().listCodes({ limit: 1 })).items[0]!.value).toBe("LOSTANSWER1");
  });
});

describe("deleting", () => {
  it("deletes codes of the account's vouchers", async () => {
    const [first, second] = await admin().addCodes([
      { voucherId: DEMO_VOUCHER_IDS.corporate, value: "DELETEME0001" },
      { voucherId: DEMO_VOUCHER_IDS.friends, value: "DELETEME0002" },
    ]);
    await admin().deleteCodes([first!.id, second!.id]);
    const states = (await admin().listCodes({ limit: 2 })).items.map((c) => c.state);
    expect(states).toEqual(["deleted", "deleted"]);
  });

  it("refuses unknown ids and codes of other vouchers, deleting nothing", async () => {
    const valid = demoCodes.at(-1)!; // corporate
    const friends = demoCodes.find((c) => c.voucherId === DEMO_VOUCHER_IDS.friends && !c.deleted)!;
    const unknown = "00000000-0000-4000-8000-000000000099";
    expect((await problem(admin().deleteCodes([valid.id, unknown]))).code).toBe("NOT_FOUND");
    expect((await problem(admin().deleteCodes(["not-an-id"]))).code).toBe("NOT_FOUND");
    const corporateOnly = admin({ voucherIds: [DEMO_VOUCHER_IDS.corporate] });
    expect((await problem(corporateOnly.deleteCodes([valid.id, friends.id]))).code).toBe("NOT_FOUND");
    expect((await sim.sim(`voucher-codes/${valid.id}`)).body.ActivityState).toBe("Active");
    expect((await problem(admin().deleteCodes([]))).code).toBe("INVALID_REQUEST");
  });
});
