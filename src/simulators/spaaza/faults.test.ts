import { beforeEach, describe, expect, it } from "vitest";
import { demoVouchers } from "./demo-data.ts";
import { type Session, useSpaazaSim } from "./test-client.ts";

const sim = useSpaazaSim();
const claimed = demoVouchers[0]!;
let session: Session;
beforeEach(async () => {
  session = await sim.login();
});

const redeem = (form: Record<string, string>) =>
  sim.api("POST", "/auth/redeem-voucher", { form: { chain_id: "1743", ...form }, session });
const resource = (query: string) =>
  sim.api("GET", `/resources/voucher${query}`, {
    session,
    headers: { "x-spaaza-api-version": "1.6.1", "x-spaaza-chain-id": "1743" },
  });
const seed = async (body: Record<string, unknown> = {}) => (await sim.sim("vouchers", body)).body;

describe("faults", () => {
  it("commits then drops the answer", async () => {
    const v = await seed({ amount: "10.00" });
    await sim.sim("faults", { drop: { count: 1 }, pathPrefix: "/auth/redeem-voucher" });
    await expect(redeem({ voucher_key: v.voucher_key, amount: "4" })).rejects.toThrow();
    expect((await sim.sim(`vouchers/${v.voucher_key}`)).body).toMatchObject({
      voucher_status: "redeemed",
      remaining_amount: "6.00",
    });
  });

  it("answers 429 with Retry-After in Spaaza's envelope, then works again", async () => {
    await sim.sim("faults", { rateLimit: { count: 1, retryAfterSeconds: 7 } });
    const limited = await resource(`?key=${claimed.key}`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("7");
    expect(limited.body.result).toEqual({ code: 2, status: "error" });
    expect((await resource(`?key=${claimed.key}`)).status).toBe(200);
  });

  it("answers an error status without doing the work, only on the given path, never on /__sim", async () => {
    const v = await seed({ amount: "10.00" });
    await sim.sim("faults", { error: { status: 503, count: 1 }, pathPrefix: "/auth/redeem-voucher" });
    expect((await resource(`?key=${v.voucher_key}`)).status).toBe(200);
    expect((await sim.sim("stats")).status).toBe(200);
    const failed = await redeem({ voucher_key: v.voucher_key });
    expect([failed.status, failed.body.error.name]).toEqual([503, "simulated_failure"]);
    expect((await sim.sim(`vouchers/${v.voucher_key}`)).body.voucher_status).toBe("claimed");
    expect((await redeem({ voucher_key: v.voucher_key })).status).toBe(200);
  });

  it("adds latency while set", async () => {
    await sim.sim("faults", { latencyMs: 300 });
    const started = Date.now();
    await resource(`?key=${claimed.key}`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    await sim.sim("faults", {});
  });
});
