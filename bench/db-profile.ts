/**
 * Where a hold and a redeem spend their time in PostgreSQL: runs holds and hold→redeems through one
 * in-process BFF (real HTTP, the JTL simulator) and times every statement the `pg` driver sends, grouped
 * by statement. `tsx bench/db-profile.ts` with BENCH_DATABASE_URL (or DATABASE_URL / the .ci/run cluster);
 * PROFILE_TERMINALS (default 1) and PROFILE_FLOWS (default 200) set the load.
 */
import pg from "pg";
import { findPostgres } from "./postgres.ts";

type Query = (...args: unknown[]) => unknown;
const stats = new Map<string, { count: number; ms: number }>();
/** Times every promise-returning call of `proto.query` (a pool's auto-commit statements call back instead). */
function timeQueries(proto: { query: unknown }) {
  const original = proto.query as Query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    const text = (typeof first === "string" ? first : (first?.text ?? "?")).replace(/\s+/g, " ").slice(0, 72);
    const started = performance.now();
    const result = original.apply(this, args) as Promise<unknown> | undefined;
    if (!result || typeof result.then !== "function") return result;
    return result.then((value) => {
      const entry = stats.get(text) ?? { count: 0, ms: 0 };
      entry.count++;
      entry.ms += performance.now() - started;
      stats.set(text, entry);
      return value;
    });
  };
}
// Wrapped before the BFF is loaded, so its pool and the pool's clients are timed too.
timeQueries(pg.Client.prototype as unknown as { query: unknown });
timeQueries(pg.Pool.prototype as unknown as { query: unknown });

const { startCluster, newKey } = await import("../src/server/concurrency/cluster.fixture.ts");
const url = await findPostgres();
if (!url) throw new Error("no PostgreSQL: set BENCH_DATABASE_URL");
const terminals = Number(process.env.PROFILE_TERMINALS ?? 1);
const flows = Number(process.env.PROFILE_FLOWS ?? 200);
const cluster = await startCluster({ databaseUrl: url });
const tills = await Promise.all(Array.from({ length: terminals }, (_, i) => cluster.terminal(`profile-${i}`)));
// Holds: one fresh voucher per flow. Hold→redeem: each terminal spends its own voucher again and again.
const fresh = await Promise.all(Array.from({ length: flows }, () => cluster.seed("50.00")));
const vouchers = await Promise.all(Array.from({ length: terminals }, () => cluster.seed("90000.00")));

async function measure(label: string, step: (t: number, n: number) => Promise<void>) {
  stats.clear();
  let next = 0;
  const latencies: number[] = [];
  await Promise.all(
    tills.map(async (_, t) => {
      while (next < flows) {
        const n = next++;
        const started = performance.now();
        await step(t, n);
        latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const perFlow = (ms: number) => (ms / flows).toFixed(2).padStart(6);
  const total = [...stats.values()].reduce((sum, s) => sum + s.ms, 0);
  console.log(`\n${label}: ${flows} flows at ${terminals} terminal(s), median ${latencies[flows >> 1]?.toFixed(1)} ms`);
  console.log(`${perFlow(total)} ms/flow waiting on PostgreSQL in all, by statement:`);
  for (const [text, s] of [...stats].sort((a, b) => b[1].ms - a[1].ms)) {
    console.log(
      `${perFlow(s.ms)} ms/flow  ${(s.count / flows).toFixed(1)}×  ${(s.ms / s.count).toFixed(2)} ms each  ${text}`,
    );
  }
}

await measure("hold", async (t, n) => {
  await tills[t]!.call(
    "POST",
    "/api/v1/holds",
    { code: fresh[n]!.code, amount: { amount: "1.00", currency: "EUR" } },
    {
      "idempotency-key": newKey(),
    },
  );
});
await measure("hold→redeem", async (t, n) => {
  const held = await tills[t]!.call(
    "POST",
    "/api/v1/holds",
    { code: vouchers[t]!.code, amount: { amount: "1.00", currency: "EUR" } },
    {
      "idempotency-key": newKey(),
    },
  );
  await tills[t]!.call(
    "POST",
    `/api/v1/holds/${held.body.hold.id}/redeem`,
    { orderRef: `p-${n}` },
    { "idempotency-key": newKey() },
  );
});
await cluster.close();
