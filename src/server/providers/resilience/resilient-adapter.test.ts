/**
 * The wrapper over a stand-in adapter whose methods talk through the real `upstreamFetch` to a scripted
 * fetch: which methods are repeated, that money-moving requests never are, and that the breaker sees
 * every request (token fetches too) without the adapter knowing.
 */
import { describe, expect, it } from "vitest";
import { HttpProblem, isHttpProblem } from "../../errors/http-problem.ts";
import { statusProblem, upstreamFetch } from "../http.ts";
import { CircuitOpenProblem } from "./circuit-breaker.ts";
import { circuitOf, type ResilienceOptions, withResilience } from "./resilient-adapter.ts";

type Step = number | "reset";

/** A fetch that answers each path from its script (the last step repeats), counting calls. */
function scriptedFetch(script: Record<string, Step[]>) {
  const calls: Record<string, number> = {};
  const fetchStub = (async (input: string | URL | Request) => {
    const path = new URL(String(input)).pathname;
    const n = calls[path] ?? 0;
    calls[path] = n + 1;
    const steps = script[path] ?? [200];
    const step = steps[Math.min(n, steps.length - 1)] as Step;
    if (step === "reset") throw new TypeError("fetch failed: socket hang up");
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (step === 429) headers["retry-after"] = "0";
    return new Response(JSON.stringify({ ok: step < 400 }), { status: step, headers });
  }) as typeof fetch;
  return { fetchStub, calls };
}

/** A stand-in adapter: a token call, then the step's own call, as a real adapter makes them. */
function standIn(fetchStub: typeof fetch) {
  const call = async (path: string, movesMoney = false) => {
    const token = await upstreamFetch("X", {
      method: "POST",
      url: "http://x/token",
      timeoutMs: 1000,
      fetch: fetchStub,
    });
    if (token.status !== 200) throw statusProblem("X", token);
    const method = movesMoney ? "POST" : "GET";
    const r = await upstreamFetch("X", {
      method,
      url: `http://x${path}`,
      timeoutMs: 1000,
      movesMoney,
      fetch: fetchStub,
    });
    if (r.status !== 200) throw statusProblem("X", r, { movesMoney });
    return r.body;
  };
  return {
    provider: "x",
    check: () => call("/check"),
    findRedemption: () => call("/lookup"),
    hold: () => call("/reserve"),
    redeem: () => call("/charge", true),
    refund: () => call("/refund", true),
    listCodes: () => call("/codes"),
    accessCodes: { listCodes: () => call("/codes/list"), addCodes: () => call("/codes/add") },
    localOnly: async () => "done",
    close: async () => {},
  };
}

const fast = { retry: { sleep: async () => {} } };

function setUp(script: Record<string, Step[]>, options: ResilienceOptions = fast) {
  const { fetchStub, calls } = scriptedFetch(script);
  const adapter = withResilience(standIn(fetchStub), options);
  return { adapter, calls, breaker: circuitOf(adapter)! };
}

const failure = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isHttpProblem(error)) throw new Error(`expected an HttpProblem, got ${String(error)}`);
  return error;
};

describe("withResilience: what is repeated", () => {
  it("repeats reads and reservations after 5xx, resets and 429", async () => {
    const { adapter, calls } = setUp({ "/check": [503, "reset", 200], "/reserve": [429, 200] });
    expect(await adapter.check()).toEqual({ ok: true });
    expect(calls["/check"]).toBe(3);
    expect(await adapter.hold()).toEqual({ ok: true });
    expect(calls["/reserve"]).toBe(2);
  });

  it("never repeats a charge that left, whatever came back", async () => {
    for (const step of [503, "reset", 429] as const) {
      const { adapter, calls } = setUp({ "/charge": [step, 200] });
      const error = await failure(adapter.redeem());
      expect(calls["/charge"]).toBe(1);
      expect(error.outcomeUnknown).toBe(step !== 429);
    }
  });

  it("repeats a charge whose token fetch failed: nothing that moves money had left", async () => {
    const { adapter, calls } = setUp({ "/token": [503, 200] });
    expect(await adapter.redeem()).toEqual({ ok: true });
    expect(calls["/token"]).toBe(2);
    expect(calls["/charge"]).toBe(1);
  });

  it("does not repeat business refusals, methods outside the port, or after the attempts allowed", async () => {
    const { adapter, calls } = setUp({ "/check": [404], "/codes": [503], "/lookup": [503] });
    expect((await failure(adapter.check())).code).toBe("PROVIDER_ERROR");
    expect(calls["/check"]).toBe(1);
    await failure(adapter.listCodes());
    expect(calls["/codes"]).toBe(1);
    expect((await failure(adapter.findRedemption())).code).toBe("PROVIDER_UNAVAILABLE");
    expect(calls["/lookup"]).toBe(3);
  });

  it("repeats listing access codes but never adding them", async () => {
    const { adapter, calls } = setUp({ "/codes/list": [503, 200], "/codes/add": [503, 200] });
    expect(await adapter.accessCodes.listCodes()).toEqual({ ok: true });
    expect(calls["/codes/list"]).toBe(2);
    await failure(adapter.accessCodes.addCodes());
    expect(calls["/codes/add"]).toBe(1);
  });

  it("takes per-provider exceptions: a hold marked once is not repeated", async () => {
    const { adapter, calls } = setUp({ "/reserve": [503, 200] }, { retry: fast.retry, methods: { hold: "once" } });
    await failure(adapter.hold());
    expect(calls["/reserve"]).toBe(1);
  });

  it("passes properties, local steps and close through untouched", async () => {
    const { adapter, calls } = setUp({});
    expect(adapter.provider).toBe("x");
    expect(await adapter.localOnly()).toBe("done");
    expect(adapter.check).toBe(adapter.check);
    await adapter.close();
    expect(calls).toEqual({});
  });
});

describe("withResilience: the circuit breaker", () => {
  const options = { retry: { sleep: async () => {} }, circuit: { failureThreshold: 4, coolDownMs: 60_000 } };

  it("opens on repeated failures of any request, then refuses before sending anything", async () => {
    const { adapter, calls, breaker } = setUp({ "/reserve": [503], "/token": [200] }, options);
    await failure(adapter.hold());
    expect(breaker.state).toBe("closed");
    await failure(adapter.hold());
    expect(breaker.state).toBe("open");
    const before = { ...calls };
    const refused = await failure(adapter.redeem());
    expect(refused).toBeInstanceOf(CircuitOpenProblem);
    expect(refused).toMatchObject({ code: "PROVIDER_UNAVAILABLE", outcomeUnknown: false, retryAfterSeconds: 60 });
    expect(calls).toEqual(before);
  });

  it("is one per adapter (one per account), and local steps still work while it is open", async () => {
    const a = setUp({ "/check": [503] }, options);
    const b = setUp({}, options);
    await failure(a.adapter.check());
    await failure(a.adapter.check());
    expect(a.breaker.state).toBe("open");
    expect(b.breaker.state).toBe("closed");
    expect(await b.adapter.check()).toEqual({ ok: true });
    expect(await a.adapter.localOnly()).toBe("done");
  });

  it("counts answers (even refusals) as health: a 404 is not a failure", async () => {
    const { adapter, breaker } = setUp({ "/check": [404] }, options);
    for (let i = 0; i < 6; i++) await failure(adapter.check());
    expect(breaker.state).toBe("closed");
  });

  it("does not apply to a bare adapter", async () => {
    const { fetchStub } = scriptedFetch({ "/check": [503] });
    const bare = standIn(fetchStub);
    expect(circuitOf(bare)).toBeUndefined();
    const error = await failure(bare.check());
    expect(error).toBeInstanceOf(HttpProblem);
  });
});
