import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Hold } from "../shared/contract.schema.ts";
import { ApiError, isAbortError, isApiError } from "./api-error.ts";
import { createApiClient } from "./client.ts";
import { ServerClock } from "./server-clock.ts";

const hold: Hold = {
  id: "h1",
  state: "active",
  amount: { amount: "10.00", currency: "EUR" },
  expiresAt: "2030-01-01T12:30:00.000Z",
  serverTime: "2030-01-01T12:00:00.000Z",
  keptBy: "provider",
  voucher: { maskedCode: "••••-7Q2K", balance: { amount: "25.00", currency: "EUR" } },
};
const redemption = {
  id: "r1",
  holdId: "h1",
  amount: { amount: "10.00", currency: "EUR" },
  remainingBalance: { amount: "15.00", currency: "EUR" },
  orderRef: "A-1",
  createdAt: "2030-01-01T12:01:00.000Z",
};
const holdRequest = { code: "ABCD1234", pin: "1234", amount: { amount: "10.00", currency: "EUR" } };

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });
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

/** A fetch that records requests and answers from a queue. */
function fakeFetch(...answers: (Response | Error | ((seen: Seen) => Response | Promise<Response>))[]) {
  const seen: Seen[] = [];
  const fn = vi.fn(async (url: string | URL | Request, init: RequestInit = {}) => {
    const entry: Seen = {
      url: String(url),
      method: init.method ?? "GET",
      headers: init.headers as Record<string, string>,
      body: init.body ? JSON.parse(String(init.body)) : undefined,
    };
    seen.push(entry);
    const next = answers.shift();
    if (!next) throw new Error("no more answers");
    if (next instanceof Error) throw next;
    return typeof next === "function" ? next(entry) : next;
  });
  return { fetch: fn as unknown as typeof fetch, seen };
}

const signal = () => new AbortController().signal;

describe("createApiClient: answers", () => {
  it("sends the token and JSON body, and returns the parsed answer", async () => {
    const { fetch, seen } = fakeFetch(json(201, { hold }));
    const client = createApiClient({ baseUrl: "https://bff.example/", token: "tok", fetch });
    const answer = await client.createHold(holdRequest, { signal: signal() });
    expect(answer.hold.id).toBe("h1");
    expect(seen[0]).toMatchObject({ url: "https://bff.example/api/v1/holds", method: "POST", body: holdRequest });
    expect(seen[0]?.headers).toMatchObject({ Authorization: "Bearer tok", "Content-Type": "application/json" });
    expect(seen[0]?.headers["Idempotency-Key"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("fills and encodes path parameters; no idempotency key where the route needs none", async () => {
    const { fetch, seen } = fakeFetch(json(200, { hold }));
    const client = createApiClient({ baseUrl: "https://bff.example", token: "t", fetch });
    await client.releaseHold("a/b c", { signal: signal() });
    expect(seen[0]).toMatchObject({ url: "https://bff.example/api/v1/holds/a%2Fb%20c", method: "DELETE" });
    expect(seen[0]?.headers["Idempotency-Key"]).toBeUndefined();
  });

  it("an answer that breaks the contract is a typed BAD_RESPONSE naming paths, never values", async () => {
    const { fetch } = fakeFetch(json(201, { hold: { ...hold, amount: { amount: "10.5", currency: "EUR" } } }));
    const client = createApiClient({ baseUrl: "", token: "t", fetch });
    const error = await client.createHold(holdRequest, { signal: signal() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: "BAD_RESPONSE", status: 201, retryable: false });
    expect((error as ApiError).detail).toContain("hold.amount");
    expect((error as ApiError).detail).not.toContain("10.5");
  });

  it("a 2xx that is not JSON is BAD_RESPONSE", async () => {
    const { fetch } = fakeFetch(new Response("<html>", { status: 200 }));
    const client = createApiClient({ baseUrl: "", token: "t", fetch });
    await expect(client.capabilities({ signal: signal() })).rejects.toMatchObject({ code: "BAD_RESPONSE" });
  });

  it("problem+json becomes an ApiError with code, status, retryability, Retry-After and detail", async () => {
    const { fetch } = fakeFetch(
      problem(429, "RATE_LIMITED", { retryable: true, retryAfterSeconds: 7, detail: "slow down" }),
    );
    const client = createApiClient({ baseUrl: "", token: "t", fetch });
    const error = await client.checkVoucher({ code: "X" }, { signal: signal() }).catch((e: unknown) => e);
    expect(isApiError(error)).toBe(true);
    expect(error).toMatchObject({
      code: "RATE_LIMITED",
      status: 429,
      retryable: true,
      retryAfterSeconds: 7,
      detail: "slow down",
    });
  });

  it("an error page from a proxy (no problem body) is BAD_RESPONSE, retryable for 5xx", async () => {
    const { fetch } = fakeFetch(new Response("Bad gateway", { status: 502, headers: { "Retry-After": "3" } }));
    const client = createApiClient({ baseUrl: "", token: "t", fetch });
    await expect(client.capabilities({ signal: signal() })).rejects.toMatchObject({
      code: "BAD_RESPONSE",
      status: 502,
      retryable: true,
      retryAfterSeconds: 3,
    });
  });

  it("no answer at all is NETWORK_ERROR, retryable", async () => {
    const { fetch } = fakeFetch(new TypeError("Failed to fetch"));
    const client = createApiClient({ baseUrl: "", token: "t", fetch });
    await expect(client.capabilities({ signal: signal() })).rejects.toMatchObject({
      code: "NETWORK_ERROR",
      status: 0,
      retryable: true,
    });
  });

  it("an aborted call rejects with the AbortError, not an ApiError", async () => {
    const controller = new AbortController();
    const fetch = ((_: unknown, init: RequestInit) =>
      new Promise((_resolve, reject) => {
        init.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
      })) as typeof globalThis.fetch;
    const client = createApiClient({ baseUrl: "", token: "t", fetch });
    const call = client.capabilities({ signal: controller.signal });
    controller.abort();
    const error = await call.catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
    expect(isApiError(error)).toBe(false);
  });

  it("a call that hangs past the deadline is NETWORK_ERROR", async () => {
    const fetch = ((_: unknown, init: RequestInit) =>
      new Promise((_resolve, reject) => {
        init.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
      })) as typeof globalThis.fetch;
    const client = createApiClient({ baseUrl: "", token: "t", fetch, timeoutMs: 20 });
    await expect(client.capabilities({ signal: signal() })).rejects.toMatchObject({ code: "NETWORK_ERROR" });
  });
});

describe("createApiClient: idempotency keys per intent", () => {
  const keyOf = (s: Seen | undefined) => s?.headers["Idempotency-Key"];

  it("retrying the same redeem after a lost answer sends the same key; the next intent gets a new one", async () => {
    const { fetch, seen } = fakeFetch(new TypeError("reset"), json(200, { redemption }), json(200, { redemption }));
    const client = createApiClient({ baseUrl: "", token: "t", fetch });
    await expect(client.redeemHold("h1", { orderRef: "A-1" }, { signal: signal() })).rejects.toMatchObject({
      code: "NETWORK_ERROR",
    });
    await client.redeemHold("h1", { orderRef: "A-1" }, { signal: signal() });
    await client.redeemHold("h1", { orderRef: "A-1" }, { signal: signal() });
    expect(keyOf(seen[0])).toBe(keyOf(seen[1]));
    expect(keyOf(seen[2])).not.toBe(keyOf(seen[1]));
  });

  it("keeps the key after a retryable refusal, drops it after a final one", async () => {
    const { fetch, seen } = fakeFetch(
      problem(409, "IDEMPOTENCY_IN_PROGRESS", { retryable: true }),
      problem(422, "VOUCHER_INVALID"),
      json(201, { hold }),
    );
    const client = createApiClient({ baseUrl: "", token: "t", fetch });
    const attempt = () => client.createHold(holdRequest, { signal: signal() });
    await expect(attempt()).rejects.toMatchObject({ code: "IDEMPOTENCY_IN_PROGRESS" });
    await expect(attempt()).rejects.toMatchObject({ code: "VOUCHER_INVALID" });
    await attempt();
    expect(keyOf(seen[0])).toBe(keyOf(seen[1]));
    expect(keyOf(seen[2])).not.toBe(keyOf(seen[1]));
  });

  it("another body is another intent; an explicit key wins", async () => {
    const { fetch, seen } = fakeFetch(new TypeError("x"), new TypeError("x"), new TypeError("x"));
    const client = createApiClient({ baseUrl: "", token: "t", fetch });
    const fail = (orderRef: string, idempotencyKey?: string) =>
      client.redeemHold("h1", { orderRef }, { signal: signal(), idempotencyKey }).catch(() => undefined);
    await fail("A-1");
    await fail("A-2");
    await fail("A-1", "my-key");
    expect(keyOf(seen[0])).not.toBe(keyOf(seen[1]));
    expect(keyOf(seen[2])).toBe("my-key");
  });

  it("forgetIntents starts every intent afresh", async () => {
    const { fetch, seen } = fakeFetch(new TypeError("x"), new TypeError("x"));
    const client = createApiClient({ baseUrl: "", token: "t", fetch });
    await client.redeemHold("h1", { orderRef: "A" }, { signal: signal() }).catch(() => undefined);
    client.forgetIntents();
    await client.redeemHold("h1", { orderRef: "A" }, { signal: signal() }).catch(() => undefined);
    expect(keyOf(seen[0])).not.toBe(keyOf(seen[1]));
  });
});

describe("createApiClient: tokens", () => {
  it("a 401 asks the token provider once and retries with the new token (same idempotency key)", async () => {
    const { fetch, seen } = fakeFetch(problem(401, "UNAUTHORIZED"), json(201, { hold }));
    const tokenProvider = vi.fn(async () => "fresh");
    const client = createApiClient({ baseUrl: "", token: "stale", tokenProvider, fetch });
    await client.createHold(holdRequest, { signal: signal() });
    expect(tokenProvider).toHaveBeenCalledExactlyOnceWith("rejected");
    expect(seen.map((s) => s.headers.Authorization)).toEqual(["Bearer stale", "Bearer fresh"]);
    expect(seen[0]?.headers["Idempotency-Key"]).toBe(seen[1]?.headers["Idempotency-Key"]);
  });

  it("a second 401 is the caller's UNAUTHORIZED; the provider is not asked again", async () => {
    const { fetch } = fakeFetch(problem(401, "UNAUTHORIZED"), problem(401, "UNAUTHORIZED"));
    const tokenProvider = vi.fn(() => "still-bad");
    const client = createApiClient({ baseUrl: "", token: "stale", tokenProvider, fetch });
    await expect(client.capabilities({ signal: signal() })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
      status: 401,
    });
    expect(tokenProvider).toHaveBeenCalledTimes(1);
  });

  it("without a token, the provider is asked first; without a provider a 401 is final", async () => {
    const first = fakeFetch(json(200, { hold }));
    const tokenProvider = vi.fn(() => "given");
    await createApiClient({ baseUrl: "", tokenProvider, fetch: first.fetch }).getHold("h1", { signal: signal() });
    expect(tokenProvider).toHaveBeenCalledExactlyOnceWith("missing");
    expect(first.seen[0]?.headers.Authorization).toBe("Bearer given");

    const second = fakeFetch(problem(401, "UNAUTHORIZED"));
    const plain = createApiClient({ baseUrl: "", token: "t", fetch: second.fetch });
    await expect(plain.getHold("h1", { signal: signal() })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("parallel 401s share one token refresh", async () => {
    let calls = 0;
    const fetch = (async (_url: unknown, init: RequestInit) => {
      calls++;
      const auth = (init.headers as Record<string, string>).Authorization;
      return auth === "Bearer fresh" ? json(200, { hold }) : problem(401, "UNAUTHORIZED");
    }) as typeof globalThis.fetch;
    const tokenProvider = vi.fn(async () => {
      await new Promise((r) => setTimeout(r, 10));
      return "fresh";
    });
    const client = createApiClient({ baseUrl: "", token: "stale", tokenProvider, fetch });
    await Promise.all([client.getHold("a", { signal: signal() }), client.getHold("b", { signal: signal() })]);
    expect(tokenProvider).toHaveBeenCalledTimes(1);
    expect(calls).toBe(4);
  });

  it("a failing token provider becomes UNAUTHORIZED", async () => {
    const { fetch } = fakeFetch(problem(401, "UNAUTHORIZED"));
    const client = createApiClient({
      baseUrl: "",
      token: "x",
      tokenProvider: () => Promise.reject(new Error("down")),
      fetch,
    });
    await expect(client.capabilities({ signal: signal() })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("createApiClient: server clock", () => {
  it("estimates the offset from serverTime in bodies", async () => {
    let local = 1_000_000;
    const clock = new ServerClock(() => local);
    const fetch = (async () => {
      local += 100; // a 100 ms round trip
      return json(201, { hold: { ...hold, serverTime: new Date(1_000_050 + 600_000).toISOString() } });
    }) as typeof globalThis.fetch;
    const client = createApiClient({ baseUrl: "", token: "t", fetch, clock });
    await client.createHold(holdRequest, { signal: signal() });
    expect(clock.offsetMs).toBe(600_000);
    expect(client.clock).toBe(clock);
  });

  it("falls back to the Date header when the body has no serverTime", async () => {
    const clock = new ServerClock(() => Date.parse("2030-01-01T12:00:00.000Z"));
    const { fetch } = fakeFetch(json(200, { hold: undefined }, { Date: "Tue, 01 Jan 2030 11:50:00 GMT" }));
    const client = createApiClient({ baseUrl: "", token: "t", fetch, clock });
    await client.getHold("h1", { signal: signal() }).catch(() => undefined);
    expect(clock.offsetMs).toBe(-600_000 + 500);
  });
});

describe("createApiClient against a real HTTP server", () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it("round-trips a problem and a success, and reads the Date header", async () => {
    server = createServer((req, res) => {
      if (req.url === "/api/v1/holds/missing") {
        res.writeHead(404, { "Content-Type": "application/problem+json" });
        res.end(
          JSON.stringify({ type: "t", title: "Hold not found", status: 404, code: "HOLD_NOT_FOUND", retryable: false }),
        );
        return;
      }
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ hold }));
    }).listen(0, "127.0.0.1");
    await once(server, "listening");
    const { port } = server.address() as AddressInfo;
    const client = createApiClient({ baseUrl: `http://127.0.0.1:${port}`, token: "t" });
    await expect(client.getHold("missing", { signal: signal() })).rejects.toMatchObject({
      code: "HOLD_NOT_FOUND",
      status: 404,
    });
    expect(client.clock.synced).toBe(true);
    const answer = await client.getHold("h1", { signal: signal() });
    expect(answer.hold.voucher.balance).toEqual({ amount: "25.00", currency: "EUR" });
  });
});
