import { describe, expect, it, vi } from "vitest";
import type { AccessCode } from "../shared/voucher-codes.schema.ts";
import { isAbortError } from "./api-error.ts";
import { createCodesClient } from "./codes-client.ts";

const code: AccessCode = {
  id: "c1",
  voucherId: "v1",
  value: "SUMMER2031",
  validFrom: null,
  validUntil: null,
  state: "active",
  createdAt: "2030-01-01T12:00:00.000Z",
};
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
const problem = (status: number, code: string, extra: Record<string, unknown> = {}) =>
  new Response(JSON.stringify({ type: "about:blank", title: code, status, code, retryable: false, ...extra }), {
    status,
    headers: { "Content-Type": "application/problem+json" },
  });

interface Seen {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

function fakeFetch(...answers: (Response | Error)[]) {
  const seen: Seen[] = [];
  const fn = vi.fn(async (url: string | URL | Request, init: RequestInit = {}) => {
    seen.push({
      url: String(url),
      method: init.method ?? "GET",
      headers: init.headers as Record<string, string>,
      body: init.body ? JSON.parse(String(init.body)) : undefined,
    });
    const next = answers.shift();
    if (!next) throw new Error("no answer queued");
    if (next instanceof Error) throw next;
    return next;
  });
  return { fetch: fn as unknown as typeof fetch, seen };
}
const signal = () => new AbortController().signal;

describe("createCodesClient", () => {
  it("lists with cursor and limit in the query and the token as Bearer", async () => {
    const f = fakeFetch(json(200, { items: [code], nextCursor: "c1" }));
    const client = createCodesClient({ baseUrl: "https://bff.example/", token: "t1", fetch: f.fetch });
    const page = await client.listCodes({ cursor: "abc/def", limit: 5 }, { signal: signal() });
    expect(page).toEqual({ items: [code], nextCursor: "c1" });
    expect(f.seen[0]).toMatchObject({
      url: "https://bff.example/api/v1/voucher-codes?cursor=abc%2Fdef&limit=5",
      method: "GET",
      headers: { Authorization: "Bearer t1" },
    });
  });

  it("sends an Idempotency-Key with adds, the same one again after a retryable refusal", async () => {
    const f = fakeFetch(
      problem(503, "PROVIDER_UNAVAILABLE", { retryable: true }),
      json(201, { items: [code] }),
      json(201, { items: [code] }),
    );
    const client = createCodesClient({ baseUrl: "", token: "t", fetch: f.fetch });
    const body = { items: [{ voucherId: "v1", value: "SUMMER2031" }] };
    await expect(client.addCodes(body, { signal: signal() })).rejects.toMatchObject({
      code: "PROVIDER_UNAVAILABLE",
      retryable: true,
    });
    await client.addCodes(body, { signal: signal() });
    await client.addCodes(body, { signal: signal() });
    const keys = f.seen.map((s) => s.headers["Idempotency-Key"]);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
    expect(f.seen[0]).toMatchObject({ method: "POST", url: "/api/v1/voucher-codes", body });
  });

  it("deletes with the ids in a DELETE body and no Idempotency-Key", async () => {
    const f = fakeFetch(json(200, { deleted: ["c1"] }));
    const client = createCodesClient({ baseUrl: "", token: "t", fetch: f.fetch });
    expect(await client.deleteCodes({ ids: ["c1"] }, { signal: signal() })).toEqual({ deleted: ["c1"] });
    expect(f.seen[0]).toMatchObject({ method: "DELETE", body: { ids: ["c1"] } });
    expect(f.seen[0]!.headers["Idempotency-Key"]).toBeUndefined();
  });

  it("asks the token provider once after a 401 and retries", async () => {
    const f = fakeFetch(problem(401, "UNAUTHORIZED"), json(200, { vouchers: [{ id: "v1", name: "Corporate" }] }));
    const tokenProvider = vi.fn(async () => "fresh");
    const client = createCodesClient({ baseUrl: "", token: "stale", tokenProvider, fetch: f.fetch });
    expect((await client.listVouchers({ signal: signal() })).vouchers).toHaveLength(1);
    expect(tokenProvider).toHaveBeenCalledWith("rejected");
    expect(f.seen[1]!.headers.Authorization).toBe("Bearer fresh");
  });

  it("turns problems, lost answers and unreadable answers into ApiErrors", async () => {
    const f = fakeFetch(
      problem(429, "RATE_LIMITED", { retryable: true, retryAfterSeconds: 20 }),
      new TypeError("Failed to fetch"),
      json(200, { items: "nope" }),
    );
    const client = createCodesClient({ baseUrl: "", token: "t", fetch: f.fetch });
    const list = () => client.listCodes({}, { signal: signal() });
    await expect(list()).rejects.toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: 20, status: 429 });
    await expect(list()).rejects.toMatchObject({ code: "NETWORK_ERROR", retryable: true });
    await expect(list()).rejects.toMatchObject({ code: "BAD_RESPONSE" });
    expect(f.seen[0]!.url).toBe("/api/v1/voucher-codes");
  });

  it("rejects with the abort when the caller cancels", async () => {
    const controller = new AbortController();
    const f = fakeFetch(json(200, { items: [], nextCursor: null }));
    const client = createCodesClient({ baseUrl: "", token: "t", fetch: f.fetch });
    controller.abort();
    const error = await client.listCodes({}, { signal: controller.signal }).catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
  });
});
