import { setTimeout as sleep } from "node:timers/promises";
import { beforeEach, describe, expect, it } from "vitest";
import { useCrmHarness } from "./test-client.ts";

const sim = useCrmHarness();
let token: string;
beforeEach(async () => {
  token = await sim.token();
});
const USE = "/crmapi/rest/v2/vouchers/use";
const use = (signal?: AbortSignal) =>
  fetch(`${sim.url}${USE}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token, secret_number: "0977835" }),
    signal,
  });
const state = async () => (await sim.sim("vouchers/4000000000000001")).body.life_cycle_state;

describe("CRM.COM simulator: faults", () => {
  it("resets the connection before any work", async () => {
    await sim.sim("faults", { reset: { count: 1, pathPrefix: USE } });
    await expect(use()).rejects.toThrow();
    expect(await state()).toBe("ACTIVATED");
    expect((await use()).status).toBe(200);
  });

  it("commits, then holds the answer back until the client goes away", async () => {
    await sim.sim("faults", { stall: { count: 1 }, pathPrefix: USE });
    await expect(use(AbortSignal.timeout(300))).rejects.toThrow();
    expect(await state()).toBe("USED");
  });

  it("commits after the client gave up when the provider is slow", async () => {
    await sim.sim("faults", { slow: { ms: 300, pathPrefix: USE } });
    await expect(use(AbortSignal.timeout(100))).rejects.toThrow();
    expect(await state()).toBe("ACTIVATED");
    await sleep(400);
    expect(await state()).toBe("USED");
  });

  it("keeps each fault to its own path, and counts requests per method", async () => {
    await sim.sim("faults", {
      error: { status: 500, count: 1, pathPrefix: "/crmapi/rest/v2/vouchers/show" },
      drop: { count: 1, pathPrefix: USE },
    });
    const show = await sim.get("vouchers/show", { token, voucher_identifier: "number=4000000000000002" });
    expect([show.status, show.body.status.code]).toEqual([500, "SIMULATED_FAULT"]);
    await expect(use()).rejects.toThrow();
    expect(await state()).toBe("USED");
    expect((await sim.sim("stats")).body.requests).toMatchObject({
      "GET /crmapi/rest/v2/vouchers/show": 1,
      "POST /crmapi/rest/v2/vouchers/use": 1,
    });
  });
});
