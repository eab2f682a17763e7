import { describe, expect, it, vi } from "vitest";
import type { CodesClient } from "../../api/codes-client.ts";
import { TestHost } from "../../flow/test-host.ts";
import type { AccessCode, AccessCodePage } from "../../shared/voucher-codes.schema.ts";
import { createCodesQueries } from "./codes-queries.ts";
import { ObserverController, QueryClientController } from "./query-controllers.ts";

const code = (n: number): AccessCode => ({
  id: `c${n}`,
  voucherId: "v1",
  value: `CODE${n}`,
  validFrom: null,
  validUntil: null,
  state: "active",
  createdAt: "2030-01-01T00:00:00.000Z",
});

/** A codes client over an in-memory list of codes (newest first), counting calls. */
function fakeClient(count: number) {
  let codes = Array.from({ length: count }, (_, i) => code(count - i));
  const calls: string[] = [];
  const client = {
    setToken() {},
    listVouchers: vi.fn(async () => ({ vouchers: [{ id: "v1", name: "Corporate" }] })),
    listCodes: vi.fn(async ({ cursor, limit = 10 }: { cursor?: string; limit?: number }): Promise<AccessCodePage> => {
      calls.push(cursor ?? "first");
      const start = cursor ? codes.findIndex((c) => c.id === cursor) + 1 : 0;
      const items = codes.slice(start, start + limit);
      return { items, nextCursor: start + limit < codes.length ? (items.at(-1)?.id ?? null) : null };
    }),
    addCodes: vi.fn(async ({ items }: { items: { value: string }[] }) => {
      const added = { ...code(codes.length + 1), value: items[0]!.value };
      codes = [added, ...codes];
      return { items: [added] };
    }),
    deleteCodes: vi.fn(async ({ ids }: { ids: string[] }) => ({ deleted: ids })),
  };
  return { client: client as unknown as CodesClient, raw: client, calls };
}

function mount() {
  const host = new TestHost();
  const q = createCodesQueries(() => new AbortController().signal);
  const vouchers = new ObserverController(host, q.vouchers, () => q.reattach());
  const codes = new ObserverController(host, q.codes);
  const add = new ObserverController(host, q.add);
  new QueryClientController(host, q.client);
  host.connect();
  return { host, q, vouchers, codes, add };
}

describe("codes queries", () => {
  it("load nothing without a client, then the vouchers and the first page", async () => {
    const { q, vouchers, codes } = mount();
    expect(codes.result.fetchStatus).toBe("idle");
    const fake = fakeClient(5);
    q.configure({ api: fake.client, scope: 1, pageSize: 2 });
    await vi.waitFor(() => expect(codes.result.data?.pages).toHaveLength(1));
    expect(codes.result.data!.pages[0]!.items.map((c) => c.id)).toEqual(["c5", "c4"]);
    expect(codes.result.hasNextPage).toBe(true);
    await vi.waitFor(() => expect(vouchers.result.data?.vouchers).toHaveLength(1));
  });

  it("page over the cursor until the last page", async () => {
    const { q, codes } = mount();
    const fake = fakeClient(5);
    q.configure({ api: fake.client, scope: 1, pageSize: 2 });
    await vi.waitFor(() => expect(codes.result.data?.pages).toHaveLength(1));
    await q.codes.fetchNextPage();
    await q.codes.fetchNextPage();
    expect(codes.result.data!.pages.map((p) => p.items.map((c) => c.id))).toEqual([["c5", "c4"], ["c3", "c2"], ["c1"]]);
    expect(codes.result.hasNextPage).toBe(false);
    expect(fake.calls).toEqual(["first", "c4", "c2"]);
  });

  it("refetch the loaded pages after an add, with the new code first", async () => {
    const { q, codes, add, host } = mount();
    const fake = fakeClient(3);
    q.configure({ api: fake.client, scope: 1, pageSize: 2 });
    await vi.waitFor(() => expect(codes.result.data?.pages).toHaveLength(1));
    const updates = host.updates;
    await q.add.mutate({ voucherId: "v1", value: "NEW1" });
    expect(add.result.isSuccess).toBe(true);
    await vi.waitFor(() => expect(codes.result.data!.pages[0]!.items[0]!.value).toBe("NEW1"));
    expect(host.updates).toBeGreaterThan(updates);
    expect(fake.raw.addCodes).toHaveBeenCalledWith({ items: [{ voucherId: "v1", value: "NEW1" }] }, expect.anything());
  });

  it("ask the new client when the token changes, never showing the old account's codes under it", async () => {
    const { q, codes } = mount();
    const first = fakeClient(2);
    q.configure({ api: first.client, scope: 1, pageSize: 10 });
    await vi.waitFor(() => expect(codes.result.data?.pages[0]?.items).toHaveLength(2));
    const second = fakeClient(4);
    q.configure({ api: second.client, scope: 2, pageSize: 10 });
    expect(codes.result.data).toBeUndefined();
    await vi.waitFor(() => expect(codes.result.data?.pages[0]?.items).toHaveLength(4));
  });

  it("leave nothing behind on removal and load again when back", async () => {
    const { q, codes, host } = mount();
    const fake = fakeClient(2);
    q.configure({ api: fake.client, scope: 1, pageSize: 10 });
    await vi.waitFor(() => expect(codes.result.data?.pages).toHaveLength(1));
    host.disconnect();
    expect(q.client.getQueryCache().getAll()).toHaveLength(0);
    expect(q.client.isFetching()).toBe(0);
    host.connect();
    await vi.waitFor(() => expect(codes.result.data?.pages).toHaveLength(1));
    expect(fake.raw.listCodes).toHaveBeenCalledTimes(2);
  });
});
