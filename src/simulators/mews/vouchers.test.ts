import { describe, expect, it } from "vitest";
import { DEMO_SERVICE_ID, DEMO_VOUCHER_IDS } from "./demo-data.ts";
import { useMewsSim } from "./test-client.ts";

const sim = useMewsSim();
const getAll = (body: Record<string, unknown> = {}) =>
  sim.call("vouchers/getAll", {
    ServiceIds: [DEMO_SERVICE_ID],
    Extent: { Vouchers: true },
    Limitation: { Count: 100 },
    ...body,
  });

describe("vouchers/getAll", () => {
  it("lists the service's rate vouchers", async () => {
    const { status, body } = await getAll();
    expect(status).toBe(200);
    expect(body.Vouchers.map((v: { Id: string }) => v.Id).sort()).toEqual(
      [DEMO_VOUCHER_IDS.corporate, DEMO_VOUCHER_IDS.friends].sort(),
    );
    expect(body.Vouchers[0]).toMatchObject({ ServiceId: DEMO_SERVICE_ID, IsActive: true, Type: expect.any(String) });
    expect(body.VoucherCodes).toBeNull();
    expect(body.Cursor).toEqual(expect.any(String));
  });

  it("looks a code up by value: its voucher and the code with validity and state", async () => {
    const { body } = await getAll({ VoucherCodeValues: ["MEWSEXPIRED00001"] });
    expect(body.Vouchers.map((v: { Id: string }) => v.Id)).toEqual([DEMO_VOUCHER_IDS.corporate]);
    expect(body.VoucherCodes).toEqual([
      {
        VoucherId: DEMO_VOUCHER_IDS.corporate,
        Value: "MEWSEXPIRED00001",
        ValidityStartUtc: expect.stringMatching(/Z$/),
        ValidityEndUtc: expect.stringMatching(/Z$/),
        CreatedUtc: expect.any(String),
        UpdatedUtc: expect.any(String),
        ActivityState: "Active",
      },
    ]);
    expect(Date.parse(body.VoucherCodes[0].ValidityEndUtc)).toBeLessThan(Date.now());
    const deleted = (await getAll({ VoucherCodeValues: ["MEWSDELETED00001"] })).body.VoucherCodes;
    expect(deleted[0].ActivityState).toBe("Deleted");
    const unknown = (await getAll({ VoucherCodeValues: ["NOSUCHCODE"] })).body;
    expect(unknown.Vouchers).toEqual([]);
    expect(unknown.VoucherCodes).toEqual([]);
  });

  it("matches values exactly", async () => {
    expect((await getAll({ VoucherCodeValues: ["mewsvalid0000001"] })).body.VoucherCodes).toEqual([]);
  });

  it("answers assignments and rates when the extent asks", async () => {
    const { body } = await getAll({
      VoucherIds: [DEMO_VOUCHER_IDS.friends],
      Extent: { Vouchers: false, VoucherAssignments: true, Rates: true },
    });
    expect(body.Vouchers).toBeNull();
    expect(body.VoucherAssignments).toEqual([{ VoucherId: DEMO_VOUCHER_IDS.friends, RateId: expect.any(String) }]);
    expect(body.Rates).toHaveLength(1);
  });

  it("refuses a missing ServiceIds, Extent or Limitation, unknown services and over 1000 values", async () => {
    expect((await getAll({ ServiceIds: undefined })).status).toBe(400);
    expect((await getAll({ ServiceIds: [] })).status).toBe(400);
    expect((await getAll({ Extent: undefined })).status).toBe(400);
    expect((await getAll({ Limitation: undefined })).status).toBe(400);
    expect((await getAll({ ServiceIds: ["00000000-0000-4000-8000-000000000000"] })).status).toBe(400);
    const values = Array.from({ length: 1001 }, (_, i) => `V${i}`);
    expect((await getAll({ VoucherCodeValues: values })).status).toBe(400);
    expect((await getAll({ VoucherCodeValues: values.slice(0, 1000) })).status).toBe(200);
    expect((await getAll({ ActivityStates: ["Sleeping"] })).status).toBe(400);
  });

  it("pages vouchers with the cursor", async () => {
    const first = (await getAll({ Limitation: { Count: 1 } })).body;
    const second = (await getAll({ Limitation: { Count: 1, Cursor: first.Cursor } })).body;
    expect(first.Vouchers).toHaveLength(1);
    expect(second.Vouchers).toHaveLength(1);
    expect(second.Vouchers[0].Id).not.toBe(first.Vouchers[0].Id);
    const third = (await getAll({ Limitation: { Count: 1, Cursor: second.Cursor } })).body;
    expect(third.Vouchers).toEqual([]);
  });
});
