/**
 * Overload through the real BFF: a low in-flight cap and a slow provider (the simulator's latency fault)
 * saturate one instance. The requests it cannot take are refused at once with 503 OVERLOADED and
 * Retry-After (nothing done, nothing charged), the ones it took complete normally, and it recovers.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HoldResponse } from "../../shared/index.ts";
import { type Cluster, newKey, problemCode, startCluster, type Terminal } from "./cluster.fixture.ts";

const CAP = 3;
let cluster: Cluster;

beforeAll(async () => {
  cluster = await startCluster({ loadShedding: { maxInFlight: CAP, maxEventLoopDelayMs: 0 } });
});
afterAll(() => cluster?.close());

/** Opens sessions one after another: opened all at once, they would be shed too (the cap is that low). */
async function sessions(prefix: string, count: number): Promise<Terminal[]> {
  const tills: Terminal[] = [];
  for (let i = 0; i < count; i++) tills.push(await cluster.terminal(`${prefix}-${i}`));
  return tills;
}

describe("load shedding in the BFF", () => {
  it("sheds what is beyond its cap with 503 OVERLOADED + Retry-After instead of queueing it", async () => {
    const vouchers = await Promise.all(Array.from({ length: 10 }, () => cluster.seed("20.00")));
    const tills = await sessions("busy", vouchers.length);
    // Fetch the OAuth token first, so the slow path below is the reservation and nothing else.
    const warm = await cluster.seed("20.00");
    const warmed = await tills[0]!.call(
      "POST",
      "/api/v1/holds",
      { code: warm.code, amount: { amount: "1.00", currency: "EUR" } },
      {
        "idempotency-key": newKey(),
      },
    );
    expect(warmed.status).toBe(201);
    // Slow enough that every request below arrives while the first ones still wait on the provider.
    await cluster.sim.sim("faults", { latencyMs: 1500, pathPrefix: "/v1/reservations" });

    const answers = await Promise.all(
      tills.map((till, i) =>
        till.call(
          "POST",
          "/api/v1/holds",
          { code: vouchers[i]!.code, amount: { amount: "5.00", currency: "EUR" } },
          {
            "idempotency-key": newKey(),
          },
        ),
      ),
    );
    await cluster.sim.sim("faults", {});

    const held = answers.filter((a) => a.status === 201);
    const refused = answers.filter((a) => a.status !== 201);
    expect(held).toHaveLength(CAP);
    for (const answer of held) expect(HoldResponse.parse(answer.body).hold.state).toBe("active");
    expect(refused.map(problemCode)).toEqual(Array(10 - CAP).fill("OVERLOADED"));
    for (const answer of refused) expect(answer.headers.get("retry-after")).toBe("1");

    // A shed request did nothing: retried once the instance has room, it succeeds.
    const retry = tills.findIndex((_, i) => answers[i]!.status === 503);
    const again = await tills[retry]!.call(
      "POST",
      "/api/v1/holds",
      { code: vouchers[retry]!.code, amount: { amount: "5.00", currency: "EUR" } },
      { "idempotency-key": newKey() },
    );
    expect(again.status).toBe(201);
  }, 60_000);

  it("keeps answering liveness and readiness while saturated, and shed work never reaches the provider", async () => {
    const vouchers = await Promise.all(Array.from({ length: CAP + 1 }, () => cluster.seed("20.00")));
    const tills = await sessions("probe", vouchers.length);
    const hold = (i: number) =>
      tills[i]!.call(
        "POST",
        "/api/v1/holds",
        { code: vouchers[i]!.code, amount: { amount: "1.00", currency: "EUR" } },
        {
          "idempotency-key": newKey(),
        },
      );
    const stats = async () => (await cluster.sim.sim("stats")).body.requests["POST /v1/reservations"] as number;
    await cluster.sim.sim("faults", { latencyMs: 1000, pathPrefix: "/v1/reservations" });
    const before = await stats();
    const busy = Array.from({ length: CAP }, (_, i) => hold(i));
    // Wait until the simulator has all of them, so the instance is full for sure.
    for (let i = 0; i < 200 && (await stats()) - before < CAP; i++) await new Promise((r) => setTimeout(r, 10));
    expect((await stats()) - before).toBe(CAP);

    const url = cluster.urls[0] as string;
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    expect(problemCode(await hold(CAP))).toBe("OVERLOADED");
    expect((await stats()) - before).toBe(CAP);
    expect((await Promise.all(busy)).map((a) => a.status)).toEqual(Array(CAP).fill(201));
    await cluster.sim.sim("faults", {});
  }, 60_000);
});
