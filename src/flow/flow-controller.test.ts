import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../api/api-error.ts";
import { createApiClient } from "../api/client.ts";
import type { Hold } from "../shared/contract.schema.ts";
import { type AccountShape, rulesOf } from "./capabilities.fixture.ts";
import { FlowController, toFlowError } from "./flow-controller.ts";
import { type FlowAction, Phase } from "./machine.ts";
import { TestHost } from "./test-host.ts";

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
  orderRef: "voucher-h1",
  createdAt: "2030-01-01T12:01:00.000Z",
};
const holdRequest = { code: "ABCD1234", pin: "1234", amount: { amount: "10.00", currency: "EUR" } };
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

type Handler = (method: string, path: string) => Response | Promise<Response>;

/** A flow over a real API client whose fetch is `handler`; records requests and dispatched actions. */
function setup(handler: Handler, shape: AccountShape = "holdFirst") {
  const requests: { method: string; path: string; key?: string; body?: unknown }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    const method = init.method ?? "GET";
    const path = new URL(url, "http://bff").pathname;
    const body = typeof init.body === "string" ? JSON.parse(init.body) : undefined;
    requests.push({ method, path, key: (init.headers as Record<string, string>)["Idempotency-Key"], body });
    // Like the real fetch: an aborted signal rejects the call, whatever the server is doing.
    const aborted = new Promise<never>((_, reject) =>
      init.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))),
    );
    return Promise.race([handler(method, path), aborted]);
  }) as typeof globalThis.fetch;
  const client = createApiClient({ baseUrl: "", token: "t", fetch });
  const host = new TestHost();
  const actions: FlowAction[] = [];
  const flow = new FlowController(host, { client: () => client, onChange: (_n, _p, a) => actions.push(a) });
  host.connect();
  flow.configure(rulesOf(shape));
  actions.length = 0;
  return { flow, host, requests, actions };
}

describe("FlowController", () => {
  it("JTL: hold straight away, then redeem", async () => {
    const { flow, requests } = setup((_method, path) =>
      path.endsWith("/redeem") ? json(200, { redemption }) : json(201, { hold }),
    );
    await flow.hold(holdRequest);
    expect(flow.state).toMatchObject({ phase: Phase.Held, hold });
    await flow.redeem("voucher-h1");
    expect(flow.state).toMatchObject({ phase: Phase.Redeemed, redemption });
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /api/v1/holds",
      "POST /api/v1/holds/h1/redeem",
    ]);
  });

  it("a redeem whose answer was lost is retried with the same Idempotency-Key", async () => {
    let first = true;
    const { flow, requests } = setup((_method, path) => {
      if (!path.endsWith("/redeem")) return json(201, { hold });
      if (first) {
        first = false;
        throw new TypeError("connection reset");
      }
      return json(200, { redemption });
    });
    await flow.hold(holdRequest);
    await flow.redeem("voucher-h1");
    expect(flow.state).toMatchObject({ phase: Phase.Held, error: { code: "NETWORK_ERROR", retryable: true } });
    await flow.redeem("voucher-h1");
    expect(flow.state.phase).toBe(Phase.Redeemed);
    const keys = requests.filter((r) => r.path.endsWith("/redeem")).map((r) => r.key);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
  });

  it("a redeem the server asked to try again later keeps its wait until the next answer", async () => {
    vi.useFakeTimers({ now: Date.parse("2030-01-01T12:01:00.000Z") });
    try {
      let answers = 0;
      const { flow, host, requests } = setup((_method, path) => {
        if (!path.endsWith("/redeem")) return json(201, { hold });
        if (answers++ > 0) return json(200, { redemption });
        const problem = { type: "about:blank", title: "x", status: 503, code: "PROVIDER_UNAVAILABLE", retryable: true };
        return json(503, { ...problem, retryAfterSeconds: 25 });
      });
      await flow.hold(holdRequest);
      expect(flow.retryWait.seconds).toBe(0);
      await flow.redeem("voucher-h1");
      expect(flow.state).toMatchObject({ phase: Phase.Held, error: { code: "PROVIDER_UNAVAILABLE" } });
      expect(flow.retryWait.seconds).toBe(25);
      vi.advanceTimersByTime(10_100);
      expect(flow.retryWait.seconds).toBe(15);
      // Leaving the page: nothing keeps counting.
      host.disconnect();
      expect(vi.getTimerCount()).toBe(0);
      host.connect();
      vi.advanceTimersByTime(15_000);
      expect(flow.retryWait.seconds).toBe(0);
      await flow.redeem("voucher-h1");
      expect(flow.state.phase).toBe(Phase.Redeemed);
      const keys = requests.filter((r) => r.path.endsWith("/redeem")).map((r) => r.key);
      expect(keys).toHaveLength(2);
      expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
      expect(keys[1]).toBe(keys[0]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("a refusal on the hold names the field", async () => {
    const { flow } = setup(
      () =>
        new Response(
          JSON.stringify({ type: "t", title: "x", status: 422, code: "INSUFFICIENT_BALANCE", retryable: false }),
          { status: 422, headers: { "Content-Type": "application/problem+json" } },
        ),
    );
    await flow.hold(holdRequest);
    expect(flow.state).toMatchObject({
      phase: Phase.Failed,
      error: { code: "INSUFFICIENT_BALANCE", field: "amount", operation: "hold", status: 422 },
    });
  });

  it("a hold that answers after a reset is released, not shown", async () => {
    let answer!: () => void;
    const { flow, requests } = setup((method) =>
      method === "POST"
        ? new Promise<Response>((resolve) => {
            answer = () => resolve(json(201, { hold }));
          })
        : json(200, { hold: { ...hold, state: "released" } }),
    );
    const pending = flow.hold(holdRequest);
    await vi.waitFor(() => expect(answer).toBeTypeOf("function"));
    flow.reset(true);
    answer();
    await pending;
    expect(flow.state.phase).toBe(Phase.Entering);
    await vi.waitFor(() => expect(requests.map((r) => r.method)).toEqual(["POST", "DELETE"]));
  });

  it("a check cancelled with Escape leaves no trace when its answer comes", async () => {
    const { flow, actions } = setup(
      () => new Promise<Response>((resolve) => setTimeout(() => resolve(json(200, { voucher: {} })), 5)),
      "checkFirst",
    );
    const pending = flow.check({ code: "ABCD" });
    flow.dispatch({ type: "back" });
    await pending;
    expect(flow.state.phase).toBe(Phase.Entering);
    expect(actions.map((a) => a.type)).toEqual(["check", "back"]);
  });

  it("leaving the document mid-check returns to entering; mid-hold it fails retryably", async () => {
    const never = () => new Promise<Response>(() => undefined);
    const one = setup(never, "checkFirst");
    const check = one.flow.check({ code: "X" });
    expect(one.flow.state.phase).toBe(Phase.Checking);
    one.host.disconnect();
    await check;
    expect(one.flow.state.phase).toBe(Phase.Entering);

    const two = setup(never);
    const held = two.flow.hold(holdRequest);
    two.host.disconnect();
    await held;
    expect(two.flow.state).toMatchObject({ phase: Phase.Failed, error: { code: "NETWORK_ERROR", retryable: true } });
  });
});

describe("FlowController.submit: the step each account offers", () => {
  const balance = { amount: "25.00", currency: "EUR" };
  const checked = (status = "active", kind = "value") =>
    json(200, { voucher: { maskedCode: "••••-1211", kind, status, balance } });
  const rules = { currency: "EUR", pin: "optional" as const, dueMinor: 4250 };
  const fields = { code: "crm-1211", pin: "5521", amount: "10.00" };

  it("check-first: the first submit checks, the second holds the typed amount", async () => {
    const { flow, requests } = setup(
      (_m, path) => (path.endsWith("/check") ? checked() : json(201, { hold })),
      "checkFirst",
    );
    flow.submit(fields, rules);
    await vi.waitFor(() => expect(flow.state.phase).toBe(Phase.Ready));
    flow.submit(fields, rules);
    await vi.waitFor(() => expect(flow.state.phase).toBe(Phase.Held));
    expect(requests.map((r) => r.path)).toEqual(["/api/v1/vouchers/check", "/api/v1/holds"]);
  });

  it("full value only: the hold is for the checked balance, not the typed amount", async () => {
    const { flow, requests } = setup(
      (_m, path) => (path.endsWith("/check") ? checked() : json(201, { hold })),
      "fullValue",
    );
    flow.submit(fields, rules);
    await vi.waitFor(() => expect(flow.state.phase).toBe(Phase.Ready));
    flow.submit(fields, rules);
    await vi.waitFor(() => expect(flow.state.phase).toBe(Phase.Held));
    expect(requests.map((r) => r.body)).toEqual([
      { code: "CRM1211", pin: "5521" },
      { code: "CRM1211", pin: "5521", amount: balance },
    ]);
  });

  it("full value only: a balance above the due amount is refused before asking the server", async () => {
    const { flow, requests } = setup(() => checked(), "fullValue");
    flow.submit(fields, { ...rules, dueMinor: 1890 });
    await vi.waitFor(() => expect(flow.state.phase).toBe(Phase.Ready));
    flow.submit(fields, { ...rules, dueMinor: 1890 });
    expect(flow.state).toMatchObject({ phase: Phase.Failed, error: { code: "FULL_VALUE_OVER_DUE", field: "amount" } });
    expect(requests).toHaveLength(1);
  });

  it.each<[AccountShape, string]>([
    ["checkOnly", "value"],
    ["access", "access"],
  ])("%s: the check is the whole story; submitting again asks nothing", async (shape, kind) => {
    const { flow, requests } = setup(() => checked("active", kind), shape);
    flow.submit(fields, rules);
    await vi.waitFor(() => expect(flow.state.phase).toBe(Phase.Checked));
    flow.submit(fields, rules);
    expect(requests).toHaveLength(1);
  });

  it("configure with other rules abandons a check under way", async () => {
    const { flow, actions } = setup(() => new Promise<Response>(() => undefined), "checkFirst");
    const pending = flow.check({ code: "X" });
    flow.configure(rulesOf("access"));
    await pending;
    expect(flow.state).toMatchObject({ phase: Phase.Entering, rules: rulesOf("access") });
    expect(actions.map((a) => a.type)).toEqual(["check", "configure"]);
    flow.configure(rulesOf("access"));
    expect(actions).toHaveLength(2);
  });
});

describe("toFlowError", () => {
  it("maps codes to the field they are about", () => {
    expect(toFlowError(new ApiError("PIN_LOCKED", { status: 423, retryable: true }), "hold")).toEqual({
      code: "PIN_LOCKED",
      operation: "hold",
      retryable: true,
      field: "pin",
      status: 423,
    });
    expect(toFlowError(new ApiError("VOUCHER_HELD"), "hold").field).toBe("code");
    expect(toFlowError(new ApiError("PROVIDER_ERROR"), "redeem").field).toBeUndefined();
  });

  it("reads the field of an INVALID_REQUEST from its first issue", () => {
    const error = new ApiError("INVALID_REQUEST", { status: 400, errors: [{ path: "amount.amount", message: "x" }] });
    expect(toFlowError(error, "hold").field).toBe("amount");
  });

  it("anything that is not an ApiError is INTERNAL", () => {
    expect(toFlowError(new Error("bug"), "check")).toEqual({ code: "INTERNAL", operation: "check", retryable: true });
  });
});
