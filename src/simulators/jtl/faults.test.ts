import { beforeEach, describe, expect, it } from "vitest";
import { useSimHarness } from "./test-client.ts";

const sim = useSimHarness();
let token: string;
beforeEach(async () => {
  token = await sim.token();
});

const balance = async () => (await sim.api("GET", "/v1/vouchers/DV000000000000NP", { token })).body.remaining_amount;
const reserve = () =>
  sim.api("POST", "/v1/reservations", { token, json: { amount: "5.00", currency: "EUR", code: "DEMONOPIN50EUR01" } });

describe("fault injection", () => {
  it("adds latency to matching calls only", async () => {
    await sim.sim("faults", { latencyMs: 250, pathPrefix: "/v1/vouchers" });
    let started = performance.now();
    expect(await balance()).toBe("50.00");
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
    started = performance.now();
    expect((await reserve()).status).toBe(200);
    expect(performance.now() - started).toBeLessThan(240);
  });

  it("answers an error status for the next N calls without doing the work", async () => {
    await sim.sim("faults", { error: { status: 503, count: 2 }, pathPrefix: "/v1/reservations" });
    for (let i = 0; i < 2; i++) {
      const answer = await reserve();
      expect(answer.status).toBe(503);
      expect(answer.body).toMatchObject({ status: 503, code: "SIMULATED_FAULT" });
    }
    expect((await sim.api("GET", "/v1/vouchers/DV000000000000NP/charges", { token })).body.meta.total).toBe(0);
    expect((await reserve()).status).toBe(200);
  });

  it("answers 429 with Retry-After for the next N calls", async () => {
    await sim.sim("faults", { rateLimit: { count: 1, retryAfterSeconds: 7 } });
    const limited = await reserve();
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("7");
    expect(limited.body.status).toBe(429);
    expect((await reserve()).status).toBe(200);
  });

  it("commits, then drops the response", async () => {
    const r = (await reserve()).body;
    await sim.sim("faults", { drop: { count: 1 }, pathPrefix: "/v1/reservations/" });
    await expect(
      sim.api("POST", `/v1/reservations/${r.id}/charge`, { token, json: { order_number: "LOST-1" } }),
    ).rejects.toThrow();
    const charges = (
      await sim.api("GET", "/v1/vouchers/DV000000000000NP/charges?filter[order_number]=LOST-1", { token })
    ).body;
    expect(charges.data).toHaveLength(1);
    expect(await balance()).toBe("45.00");
    // The count is used up: the next call answers again.
    const again = await sim.api("POST", `/v1/reservations/${r.id}/charge`, { token, json: { order_number: "LOST-1" } });
    expect(again.body.code).toBe("RESERVATION.CHARGE.ALREADY_CHARGED");
  });

  it("resets the connection before doing the work", async () => {
    const r = (await reserve()).body;
    await sim.sim("faults", { reset: { count: 1 }, pathPrefix: "/v1/reservations/" });
    await expect(
      sim.api("POST", `/v1/reservations/${r.id}/charge`, { token, json: { order_number: "RESET-1" } }),
    ).rejects.toThrow();
    expect(await balance()).toBe("50.00");
    const charged = await sim.api("POST", `/v1/reservations/${r.id}/charge`, { token, json: { order_number: "R" } });
    expect(charged.status).toBe(200);
  });

  it("commits, then holds the answer back for a while or until the client leaves", async () => {
    const r = (await reserve()).body;
    await sim.sim("faults", { stall: { count: 1, ms: 300 }, pathPrefix: "/v1/reservations/" });
    const started = performance.now();
    const late = await sim.api("POST", `/v1/reservations/${r.id}/charge`, { token, json: { order_number: "S-1" } });
    expect(late.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    const second = (await reserve()).body;
    await sim.sim("faults", { stall: { count: 1 }, pathPrefix: "/v1/reservations/" });
    const gone = new AbortController();
    const call = fetch(`${sim.url}/v1/reservations/${second.id}/charge`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ order_number: "S-2" }),
      signal: gone.signal,
    }).catch((e: unknown) => e);
    // Committed although no answer came: the balance shows it.
    for (const deadline = Date.now() + 5000; (await balance()) !== "40.00"; ) {
      if (Date.now() > deadline) throw new Error("the stalled charge was not committed");
    }
    gone.abort();
    expect(await call).toBeInstanceOf(Error);
  });

  it("a slow provider does the work even when the client gave up waiting", async () => {
    const r = (await reserve()).body;
    await sim.sim("faults", { slow: { ms: 300, pathPrefix: "/v1/reservations/" } });
    const call = fetch(`${sim.url}/v1/reservations/${r.id}/charge`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ order_number: "SLOW-1" }),
      signal: AbortSignal.timeout(50),
    });
    await expect(call).rejects.toThrow();
    for (const deadline = Date.now() + 5000; (await balance()) !== "45.00"; ) {
      if (Date.now() > deadline) throw new Error("the slow charge was not committed");
    }
  });

  it("limits each fault to its own path prefix where given", async () => {
    await sim.sim("faults", {
      error: { status: 503, count: 1, pathPrefix: "/v1/vouchers/" },
      rateLimit: { count: 1, pathPrefix: "/v1/reservations" },
    });
    expect((await reserve()).status).toBe(429);
    expect((await sim.api("GET", "/v1/vouchers/DV000000000000NP", { token })).status).toBe(503);
    expect((await reserve()).status).toBe(200);
    expect(await balance()).toBe("50.00");
  });

  it("faults the token endpoint too, but never /__sim", async () => {
    await sim.sim("faults", { error: { status: 500, count: 1 } });
    expect((await sim.sim("stats")).status).toBe(200);
    expect((await sim.tokenRequest()).status).toBe(500);
    expect((await sim.tokenRequest()).status).toBe(200);
  });

  it("clears faults with an empty setting and with reset, and validates settings", async () => {
    await sim.sim("faults", { error: { status: 500, count: 5 } });
    await sim.sim("faults", {});
    expect((await reserve()).status).toBe(200);
    await sim.sim("faults", { error: { status: 500, count: 5 } });
    await sim.sim("reset", {});
    expect((await sim.tokenRequest()).status).toBe(200);
    expect((await sim.sim("faults", { error: { status: 200, count: 1 } })).status).toBe(400);
  });
});

describe("control routes", () => {
  it("moves the clock forward and counts requests", async () => {
    const before = Date.parse((await sim.sim("stats")).body.now);
    const moved = Date.parse((await sim.sim("clock", { advanceSeconds: 3600 })).body.now);
    expect(moved - before).toBeGreaterThanOrEqual(3600_000);
    await reserve();
    const stats = (await sim.sim("stats")).body;
    expect(stats.tokenRequests).toBe(1);
    expect(stats.requests["POST /v1/reservations"]).toBe(1);
  });

  it("seeds vouchers with given or generated code and PIN, and resets to the demo data", async () => {
    const given = (
      await sim.sim("vouchers", { code: "SEEDED0000000001", pin: "0042", amount: "12.34", currency: "CHF" })
    ).body;
    expect(given).toMatchObject({
      code: "SEEDED0000000001",
      pin: "0042",
      amount: "12.34",
      currency: "CHF",
      status: "active",
    });
    const generated = (await sim.sim("vouchers", { pin: true, spent: "1.00" })).body;
    expect(generated.code).toMatch(/^[A-Z0-9]{16}$/);
    expect(generated.pin).toMatch(/^\d{4}$/);
    expect(generated.remaining_amount).toBe("49.00");
    expect((await sim.sim("vouchers", { code: "SEEDED0000000001" })).status).toBe(409);
    expect((await sim.sim(`vouchers/${generated.id}`)).body).toMatchObject({
      code: generated.code,
      remaining_amount: "49.00",
    });
    expect((await sim.sim("vouchers/NOPE")).status).toBe(404);
    await sim.sim("reset", {});
    expect((await sim.api("GET", `/v1/vouchers/${given.id}`)).status).toBe(404);
  });
});
