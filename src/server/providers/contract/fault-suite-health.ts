/**
 * The fault suite's second half: faults on calls that are safe to repeat (holds, reads) are repeated with
 * backoff and a short Retry-After is honoured; a provider that keeps failing opens the account's circuit,
 * which fails fast without sending anything and closes again after a successful trial. Runs inside
 * `runFaultSuite`'s describe block, on its BFF.
 */
import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import type { FaultBff } from "./fault-bff.ts";
import { expectProblem, type faultKit } from "./fault-kit.ts";
import type { ProviderFault } from "./harness.ts";

export interface HealthFaultContext {
  kit: ReturnType<typeof faultKit>;
  setFaults(...faults: ProviderFault[]): Promise<void>;
  bff(): FaultBff;
}

export function runHealthFaults(name: string, { kit, setFaults, bff }: HealthFaultContext): void {
  it("5xx and resets on a hold are repeated with backoff, and the hold is made", async () => {
    const start = await kit.calls("hold");
    await setFaults({ on: "hold", kind: "error", status: 503, count: 2 });
    await kit.held();
    expect(await kit.calls("hold")).toBe(start + 3);
    await setFaults({ on: "hold", kind: "reset", count: 1 });
    await kit.held();
    expect(await kit.calls("hold")).toBe(start + 5);
  });

  it("429 on a hold: a short Retry-After is waited out, a long one is passed on as RATE_LIMITED", async () => {
    const start = await kit.calls("hold");
    await setFaults({ on: "hold", kind: "rateLimit", retryAfterSeconds: 1, count: 1 });
    const began = performance.now();
    await kit.held();
    expect(performance.now() - began).toBeGreaterThanOrEqual(990);
    expect(await kit.calls("hold")).toBe(start + 2);
    await setFaults({ on: "hold", kind: "rateLimit", retryAfterSeconds: 30, count: 1 });
    const { response: refused } = await kit.attemptHold();
    expect(refused.statusCode).toBe(429);
    expect(expectProblem(refused, "RATE_LIMITED").retryAfterSeconds).toBe(30);
    expect(refused.headers["retry-after"]).toBe("30");
    expect(await kit.calls("hold")).toBe(start + 3);
  });

  it("a provider that keeps failing opens the circuit: fast 503 with Retry-After, nothing sent, then it heals", async () => {
    const v = await kit.held();
    const charges = await kit.calls("redeem");
    await setFaults({ on: "hold", kind: "error", status: 503, count: 1000 });
    for (let i = 0; i < 3 && bff().circuit.state !== "open"; i++) {
      expectProblem((await kit.attemptHold()).response, "PROVIDER_UNAVAILABLE");
    }
    expect(bff().circuit.state).toBe("open");
    const sent = await kit.calls("hold");
    const { response: refused } = await kit.attemptHold();
    expect(refused.statusCode).toBe(503);
    expect(expectProblem(refused, "PROVIDER_UNAVAILABLE").retryAfterSeconds).toBe(2);
    expect(refused.headers["retry-after"]).toBe("2");
    expect(await kit.calls("hold")).toBe(sent);
    // A redeem meanwhile is refused before anything is sent: a known outcome, the hold stays usable.
    const key = randomUUID();
    expectProblem(await kit.redeem(v.holdId, key), "PROVIDER_UNAVAILABLE");
    expect(await kit.calls("redeem")).toBe(charges);
    expect((await kit.holdState(v.holdId)).state).toBe("active");
    const metrics = (await bff().call("GET", "/metrics")).body;
    expect(metrics).toContain(`voucher_provider_circuit_state{account="${name}"} 2`);
    expect(metrics).toContain(`voucher_provider_circuit_opens_total{account="${name}"} 1`);

    await setFaults();
    bff().advance(2);
    expect(bff().circuit.state).toBe("half-open");
    expect((await kit.redeem(v.holdId, key)).statusCode).toBe(200);
    await kit.expectChargedOnce(v);
    expect(bff().circuit.state).toBe("closed");
    expect((await bff().call("GET", "/metrics")).body).toContain(`voucher_provider_circuit_state{account="${name}"} 0`);
  });
}
