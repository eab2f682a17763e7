/**
 * Graceful shutdown: SIGTERM while holds and a redemption are in flight at a slow provider. Every one of
 * them completes and is answered, the process exits 0, and the store holds all of it with nothing left
 * pending or running. The BFF runs as a child process; JTL's simulator runs here.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SimHarness, startSimHarness } from "../../simulators/jtl/test-client.ts";
import { until } from "../providers/contract/fault-kit.ts";
import { api, type BffProcess, type BffSite, createBffSite, sessionToken, startBffProcess } from "./bff-process.ts";
import { readStore } from "./store-reader.ts";

let sim: SimHarness;
let site: BffSite;
let bff: BffProcess | undefined;

beforeAll(async () => {
  sim = await startSimHarness();
  site = createBffSite(sim.url);
});
afterAll(async () => {
  bff?.child.kill("SIGKILL");
  await bff?.exited;
  await sim?.close();
  site?.remove();
});

const requests = async (route: string) => ((await sim.sim("stats")).body.requests[route] ?? 0) as number;
const remaining = async (id: string) => (await sim.sim(`vouchers/${id}`)).body.remaining_amount as string;

describe("SIGTERM", () => {
  it("drains requests in flight, loses nothing, and exits 0", async () => {
    bff = await startBffProcess(site);
    const running = bff;
    const token = await sessionToken(running);
    const seed = async () => (await sim.sim("vouchers", { amount: "40.00", currency: "EUR" })).body;
    const [a, b, c] = [await seed(), await seed(), await seed()];
    const hold = (v: { code: string }) =>
      api(
        running,
        token,
        "POST",
        "/api/v1/holds",
        { code: v.code, amount: { amount: "10.00", currency: "EUR" } },
        randomUUID(),
      );
    const heldA = await hold(a);
    expect(heldA.status).toBe(201);

    // JTL now takes 1.5 s per reservation and charge: SIGTERM arrives while all three are at JTL.
    await sim.sim("faults", { slow: { ms: 1500, pathPrefix: "/v1/reservations" } });
    const [reservations, charges] = [
      await requests("POST /v1/reservations"),
      await requests("POST /v1/reservations/:id/charge"),
    ];
    const inFlight = Promise.all([
      hold(b),
      hold(c),
      api(running, token, "POST", `/api/v1/holds/${heldA.body.hold.id}/redeem`, { orderRef: "drain-1" }, randomUUID()),
    ]);
    await until(
      async () =>
        (await requests("POST /v1/reservations")) === reservations + 2 &&
        (await requests("POST /v1/reservations/:id/charge")) === charges + 1,
      "all three requests reached JTL",
    );
    const stoppedAt = Date.now();
    running.child.kill("SIGTERM");
    const [heldB, heldC, redeemed] = await inFlight;
    expect([heldB.status, heldC.status, redeemed.status]).toEqual([201, 201, 200]);
    expect(await running.exited).toEqual({ code: 0, signal: null });
    // Promptly: once the last answer is out (JTL takes 1.5 s), not after a keep-alive timeout.
    expect(Date.now() - stoppedAt).toBeLessThan(10_000);
    bff = undefined;

    expect(await remaining(a.id)).toBe("30.00");
    const [idA, idB, idC] = [heldA, heldB, heldC].map((held) => held.body.hold.id as string) as [
      string,
      string,
      string,
    ];
    const stored = await readStore(site.dataDir, [idA, idB, idC]);
    expect(stored.holds[idA]).toEqual({
      redemptions: [{ id: redeemed.body.redemption.id, state: "committed" }],
      journal: ["hold_created", "redemption_pending", "redemption_committed"],
    });
    expect(stored.holds[idB]?.journal).toEqual(["hold_created"]);
    expect(stored.holds[idC]?.journal).toEqual(["hold_created"]);
    expect(stored.unsettled).toEqual({ pendingRedemptions: 0, runningKeys: 0 });
  }, 120_000);
});
