import { describe, expect, it } from "vitest";
import { DEMO_VOUCHER_IDS } from "./demo-data.ts";
import { useMewsSim } from "./test-client.ts";

const sim = useMewsSim();
const list = () => sim.call("voucherCodes/getAll", { Limitation: { Count: 100 } });
const add = (value: string) =>
  sim.call("voucherCodes/add", { VoucherCodeParameters: [{ VoucherId: DEMO_VOUCHER_IDS.corporate, Value: value }] });
const values = async () => (await list()).body.VoucherCodes.map((c: { Value: string }) => c.Value);

describe("fault injection", () => {
  it("answers 429 with Retry-After for the next N calls", async () => {
    await sim.sim("faults", { rateLimit: { count: 1, retryAfterSeconds: 7 } });
    const limited = await list();
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("7");
    expect(limited.body).toEqual({ Message: expect.any(String), Details: null });
    expect((await list()).status).toBe(200);
  });

  it("answers an error status (408, 409, 500) without doing the work, on matching paths only", async () => {
    await sim.sim("faults", { error: { status: 408, count: 1 }, pathPrefix: "/api/connector/v1/voucherCodes/add" });
    expect((await list()).status).toBe(200);
    const timedOut = await add("NOTADDED01");
    expect(timedOut.status).toBe(408);
    expect(timedOut.body.Message).toMatch(/smaller batches/);
    expect(await values()).not.toContain("NOTADDED01");
    await sim.sim("faults", { error: { status: 409, count: 1 } });
    expect((await list()).status).toBe(409);
  });

  it("commits, then drops the response", async () => {
    await sim.sim("faults", { drop: { count: 1 } });
    await expect(add("DROPPED001")).rejects.toThrow();
    expect(await values()).toContain("DROPPED001");
  });

  it("adds latency", async () => {
    await sim.sim("faults", { latencyMs: 200 });
    const started = performance.now();
    await list();
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });

  it("is cleared by reset, validates settings, and never faults /__sim", async () => {
    await sim.sim("faults", { error: { status: 500, count: 3 } });
    expect((await sim.sim("stats")).status).toBe(200);
    await sim.sim("reset", {});
    expect((await list()).status).toBe(200);
    expect((await sim.sim("faults", { error: { status: 200, count: 1 } })).status).toBe(400);
  });
});

describe("control routes", () => {
  it("seeds codes, reads them back, counts requests and moves the clock", async () => {
    const seeded = (await sim.sim("voucher-codes", { value: "SEEDED0001", validityEndUtc: "2031-01-01T00:00:00Z" }))
      .body;
    expect(seeded).toMatchObject({
      Value: "SEEDED0001",
      VoucherId: DEMO_VOUCHER_IDS.corporate,
      ActivityState: "Active",
    });
    expect((await sim.sim("voucher-codes", { value: "SEEDED0001" })).status).toBe(409);
    const generated = (await sim.sim("voucher-codes", {})).body;
    expect(generated.Value).toMatch(/^[A-Z2-9]{20}$/);
    expect((await sim.sim(`voucher-codes/${seeded.Id}`)).body.Value).toBe("SEEDED0001");
    await list();
    const stats = (await sim.sim("stats")).body;
    expect(stats.requests["voucherCodes/getAll"]).toBe(1);
    const before = Date.parse(stats.now);
    const moved = Date.parse((await sim.sim("clock", { advanceSeconds: 86_400 })).body.now);
    expect(moved - before).toBeGreaterThanOrEqual(86_400_000);
  });
});
