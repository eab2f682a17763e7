/**
 * The BFF is killed (SIGKILL) after JTL committed a charge but before the BFF heard of it, then restarted
 * on the same data directory: reconciliation completes the redemption by itself, the client's retry with
 * the same Idempotency-Key gets that very redemption, and the voucher was charged once. The BFF runs as
 * a child process; JTL's simulator runs here, holding the charge's answer back until the BFF is gone.
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

const remaining = async (id: string) => (await sim.sim(`vouchers/${id}`)).body.remaining_amount as string;
const charges = async () => (await sim.sim("stats")).body.requests["POST /v1/reservations/:id/charge"] ?? 0;

describe("a crash between the provider's commit and the BFF's record", () => {
  it("is completed by reconciliation after a restart, and the client's retry gets the same redemption", async () => {
    bff = await startBffProcess(site);
    let token = await sessionToken(bff);
    const voucher = (await sim.sim("vouchers", { amount: "50.00", currency: "EUR", pin: "2468" })).body;
    const held = await api(
      bff,
      token,
      "POST",
      "/api/v1/holds",
      {
        code: voucher.code,
        pin: "2468",
        amount: { amount: "15.00", currency: "EUR" },
      },
      randomUUID(),
    );
    expect(held.status).toBe(201);
    const holdId = held.body.hold.id as string;

    // JTL commits the charge, then holds its answer back until the caller is gone.
    await sim.sim("faults", { stall: { count: 1 }, pathPrefix: "/v1/reservations/" });
    const key = randomUUID();
    const lost = api(bff, token, "POST", `/api/v1/holds/${holdId}/redeem`, { orderRef: "crash-1" }, key).catch(
      (error: unknown) => error,
    );
    await until(async () => (await remaining(voucher.id)) === "35.00", "JTL committed the charge");
    bff.child.kill("SIGKILL");
    expect((await bff.exited).signal).toBe("SIGKILL");
    expect(await lost).toBeInstanceOf(Error);

    // What the dead BFF left: the redemption journalled as pending, nothing committed.
    const left = (await readStore(site.dataDir, [holdId])).holds[holdId]!;
    expect(left.redemptions.map((r) => r.state)).toEqual(["pending"]);
    expect(left.journal).toEqual(["hold_created", "redemption_pending"]);

    await sim.sim("faults", {});
    bff = await startBffProcess(site);
    token = await sessionToken(bff);
    // Nobody asks about it: the start-up reconciliation settles it by itself.
    let hold: { state: string; redemptionId?: string } = { state: "" };
    await until(async () => {
      hold = (await api(bff!, token, "GET", `/api/v1/holds/${holdId}`)).body.hold;
      return hold.state === "redeemed";
    }, "the hold reads redeemed");

    const retry = await api(bff, token, "POST", `/api/v1/holds/${holdId}/redeem`, { orderRef: "crash-1" }, key);
    expect(retry.status).toBe(200);
    expect(retry.headers.get("idempotency-replayed")).toBe("true");
    expect(retry.body.redemption).toMatchObject({
      id: hold.redemptionId,
      holdId,
      amount: { amount: "15.00", currency: "EUR" },
      remainingBalance: { amount: "35.00", currency: "EUR" },
    });
    expect(await remaining(voucher.id)).toBe("35.00");
    expect(await charges()).toBe(1);

    bff.child.kill("SIGTERM");
    expect((await bff.exited).code).toBe(0);
    bff = undefined;
    const after = await readStore(site.dataDir, [holdId]);
    expect(after.holds[holdId]).toEqual({
      redemptions: [{ id: hold.redemptionId, state: "committed" }],
      journal: ["hold_created", "redemption_pending", "redemption_committed"],
    });
    expect(after.unsettled).toEqual({ pendingRedemptions: 0, runningKeys: 0 });
  }, 120_000);
});
