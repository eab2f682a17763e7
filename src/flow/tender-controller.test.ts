import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createApiClient } from "../api/client.ts";
import type { Hold } from "../shared/contract.schema.ts";
import { CountdownController } from "./countdown-controller.ts";
import { RetryWait } from "./retry-wait.ts";
import type { TenderAction } from "./tender.ts";
import { TenderController } from "./tender-controller.ts";
import { TestHost } from "./test-host.ts";

const T0 = Date.parse("2030-01-01T12:00:00.000Z");
const hold = (id: string, minutesLeft: number): Hold => ({
  id,
  state: "active",
  amount: { amount: "10.00", currency: "EUR" },
  expiresAt: new Date(T0 + minutesLeft * 60_000).toISOString(),
  serverTime: new Date(T0).toISOString(),
  keptBy: "provider",
  voucher: { maskedCode: `••••-${id}`, balance: { amount: "25.00", currency: "EUR" } },
});
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/problem+json", ...headers } });
const problem = (status: number, code: string, retryable: boolean) =>
  json(status, { type: "about:blank", title: code, status, code, retryable });
const redemption = (holdId: string) => ({
  id: `r-${holdId}`,
  holdId,
  amount: { amount: "10.00", currency: "EUR" },
  orderRef: `order-${holdId}`,
  createdAt: new Date(T0).toISOString(),
});

type Handler = (method: string, path: string) => Response;

function setup(handler: Handler) {
  const requests: { method: string; path: string; key?: string }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    const method = init.method ?? "GET";
    const path = new URL(url, "http://bff").pathname;
    requests.push({ method, path, key: (init.headers as Record<string, string>)["Idempotency-Key"] });
    return handler(method, path);
  }) as typeof globalThis.fetch;
  const client = createApiClient({ baseUrl: "", token: "t", fetch });
  const host = new TestHost();
  const actions: TenderAction[] = [];
  const warnings: [string, number][] = [];
  const tender = new TenderController(host, {
    client: () => client,
    now: () => Date.now(),
    thresholds: [300, 60, 30],
    onChange: (_n, _p, action) => actions.push(action),
    onWarn: (item, secondsLeft) => warnings.push([item.hold.id, secondsLeft]),
  });
  host.connect();
  const countdowns = () => host.controllers.filter((c) => c instanceof CountdownController).length;
  return { tender, host, requests, actions, warnings, countdowns };
}

describe("TenderController", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("gives each voucher its own countdown: the earlier one runs out alone and its countdown goes", () => {
    const { tender, actions, warnings, countdowns } = setup(() => json(500, {}));
    tender.add(hold("a", 10));
    tender.add(hold("b", 30));
    expect(countdowns()).toBe(2);
    expect(tender.remainingMs("a")).toBe(10 * 60_000);
    expect(tender.remainingMs("b")).toBe(30 * 60_000);

    vi.advanceTimersByTime(5 * 60_000 + 500);
    expect(warnings).toEqual([["a", 300]]);
    vi.advanceTimersByTime(5 * 60_000);
    expect(tender.state.items.map((i) => i.hold.id)).toEqual(["b"]);
    expect(actions.at(-1)).toEqual({ type: "expire", id: "a" });
    expect(tender.state.notice).toEqual({ code: "HOLD_EXPIRED", maskedCode: "••••-a" });
    expect(countdowns()).toBe(1);
    expect(tender.remainingMs("b")).toBeGreaterThan(19 * 60_000);
    expect(warnings.map(([id]) => id)).toEqual(["a", "a", "a"]);
  });

  it("leaves no timer behind once the element is gone", () => {
    const { tender, host } = setup(() => json(500, {}));
    tender.add(hold("a", 10));
    tender.add(hold("b", 30));
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    host.disconnect();
    expect(vi.getTimerCount()).toBe(0);
  });

  it("a failed redeem is retried with the same key; the redeemed voucher is never sent again", async () => {
    let refuse = true;
    const { tender, requests } = setup((_method, path) => {
      const id = path.split("/")[4] as string;
      if (id === "a" && refuse) {
        refuse = false;
        return problem(429, "RATE_LIMITED", true);
      }
      return json(200, { redemption: redemption(id) });
    });
    tender.add(hold("a", 10));
    tender.add(hold("b", 10));
    await tender.redeemAll((id) => `order-${id}`);
    expect(tender.state.items.map((i) => i.state)).toEqual(["failed", "redeemed"]);
    await tender.redeemAll((id) => `order-${id}`);
    expect(tender.state.items.map((i) => i.state)).toEqual(["redeemed", "redeemed"]);
    const redeemsOf = (id: string) => requests.filter((r) => r.path === `/api/v1/holds/${id}/redeem`);
    expect(redeemsOf("b")).toHaveLength(1);
    expect(redeemsOf("a")).toHaveLength(2);
    expect(redeemsOf("a")[1]?.key).toBe(redeemsOf("a")[0]?.key);
  });

  it("a redeem the server asked to wait for: its Retry waits that long, then goes once with the same key", async () => {
    // The first charge of "a" is not confirmed yet: the BFF says to come back in 20 s.
    let answers = 0;
    const { tender, requests, host } = setup((_method, path) => {
      const id = path.split("/")[4] as string;
      if (id === "a" && answers++ === 0) {
        return json(503, {
          type: "about:blank",
          title: "PROVIDER_UNAVAILABLE",
          status: 503,
          code: "PROVIDER_UNAVAILABLE",
          retryable: true,
          retryAfterSeconds: 20,
        });
      }
      return json(200, { redemption: redemption(id) });
    });
    const waits = () => host.controllers.filter((c) => c instanceof RetryWait).length;
    tender.add(hold("a", 10));
    tender.add(hold("b", 10));
    expect(waits()).toBe(0);
    await tender.redeemAll((id) => `order-${id}`);
    expect(tender.state.items.map((i) => i.state)).toEqual(["failed", "redeemed"]);
    expect(tender.retryIn("a")).toBe(20);
    expect(tender.retryIn("b")).toBe(0);
    expect(waits()).toBe(1);

    const redeemsOf = (id: string) => requests.filter((r) => r.path === `/api/v1/holds/${id}/redeem`);
    // Neither its own Retry nor "redeem all" sends anything while the wait runs.
    await tender.redeem("a", "order-a");
    await tender.redeemAll((id) => `order-${id}`);
    expect(redeemsOf("a")).toHaveLength(1);
    expect(tender.state.items[0]?.state).toBe("failed");

    vi.advanceTimersByTime(19_100);
    expect(tender.retryIn("a")).toBe(1);
    vi.advanceTimersByTime(1_000);
    expect(tender.retryIn("a")).toBe(0);
    await tender.redeem("a", "order-a");
    expect(tender.state.items.map((i) => i.state)).toEqual(["redeemed", "redeemed"]);
    expect(redeemsOf("a")).toHaveLength(2);
    expect(redeemsOf("a")[1]?.key).toBe(redeemsOf("a")[0]?.key);
    expect(redeemsOf("b")).toHaveLength(1);
    // Redeemed: its wait goes with its countdown.
    expect(waits()).toBe(0);
  });

  it("a failure asking to wait leaves no timer behind once the element is gone", async () => {
    const { tender, host } = setup(() =>
      json(
        429,
        { type: "about:blank", title: "x", status: 429, code: "RATE_LIMITED", retryable: true },
        {
          "Retry-After": "30",
        },
      ),
    );
    tender.add(hold("a", 10));
    await tender.redeem("a", "order-a");
    // The Retry-After header counts as the BFF's wait too.
    expect(tender.retryIn("a")).toBe(30);
    host.disconnect();
    expect(vi.getTimerCount()).toBe(0);
  });

  it("clear releases what is still held, not what is redeemed", async () => {
    const { tender, requests } = setup((method, path) =>
      method === "DELETE"
        ? json(200, { hold: { ...hold("a", 10), state: "released" } })
        : json(200, { redemption: redemption(path.split("/")[4] as string) }),
    );
    tender.add(hold("a", 10));
    tender.add(hold("b", 10));
    await tender.redeem("b", "order-b");
    tender.clear(true);
    expect(tender.state.items).toEqual([]);
    await vi.waitFor(() =>
      expect(requests.filter((r) => r.method === "DELETE").map((r) => r.path)).toEqual(["/api/v1/holds/a"]),
    );
  });
});
