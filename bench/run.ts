/**
 * `npm run bench`: starts the simulators (JTL; Spaaza for the check flow) and the BFF as child processes
 * on loopback and measures check (Spaaza), hold and hold→redeem (JTL) at 1, 10 and 50 concurrent
 * terminals, through the BFF and straight to the simulator, on PGlite and on PostgreSQL (when one is
 * reachable, see postgres.ts). Knobs: BENCH_FLOWS (check,hold,hold→redeem; `read` adds the BFF's own HTTP
 * cost), BENCH_TERMINALS (1,10,50), BENCH_STORES (pglite,postgres; postgres-nosync is a diagnostic run
 * without waiting for WAL flushes), BENCH_SECONDS measured per cell (default 4) after BENCH_WARMUP_MS
 * (800; before a flow's first cell an unmeasured pass of BENCH_FIRST_WARMUP_MS, 3000, at 10 terminals),
 * at most BENCH_MAX_FLOWS flows per cell (4000), BENCH_REPEAT runs of each cell (1). Paced cells
 * (BENCH_PACED_TERMINALS, default 10; empty for none) run the same flows with each terminal starting one
 * every 1/BENCH_PACED_RATE seconds (default 5 flows/s per terminal) instead of back to back: the latency a
 * till sees when the machine is not saturated. BENCH_BFF=floor (or proxy) puts a diagnostic in the BFF's place
 * (floor-child.ts: only the I/O this design needs for a money step, or with proxy only the extra HTTP hop),
 * for hold and hold→redeem on PostgreSQL: what any BFF of this design would add on this machine.
 * Prints Markdown on stdout (progress on stderr); not part of `npm test`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import {
  bffFlow,
  defaultFlows,
  directFlow,
  type FlowName,
  flowNames,
  freshVouchers,
  providerOf,
  requestsPerFlow,
  sessions,
} from "./flows.ts";
import { closeClient } from "./http-client.ts";
import { runLoad } from "./load.ts";
import { benchSchema, findPostgres } from "./postgres.ts";
import { type Child, cpuMsOf, cpuTicks, memoryOf, postgresCpuMs, sampleRss, startChild } from "./processes.ts";
import { type Cell, errors, table, targets } from "./report.ts";

const env = process.env;
const measureMs = Number(env.BENCH_SECONDS ?? 4) * 1000;
const warmupMs = Number(env.BENCH_WARMUP_MS ?? 800);
const firstWarmupMs = Number(env.BENCH_FIRST_WARMUP_MS ?? 3000);
const maxFlows = Number(env.BENCH_MAX_FLOWS ?? 4000);
const terminalCounts = (env.BENCH_TERMINALS ?? "1,10,50").split(",").map(Number);
const stores = (env.BENCH_STORES ?? "pglite,postgres").split(",");
/** What BENCH_BFF puts behind the BFF's URL: the BFF, or a diagnostic (with what it does instead). */
const bffKinds = {
  bff: { script: "bff-child.ts", env: {}, diagnostic: null },
  floor: {
    script: "floor-child.ts",
    env: {},
    diagnostic: "a durable INSERT, the adapter's provider calls and a durable UPDATE per money step, nothing else",
  },
  proxy: {
    script: "floor-child.ts",
    env: { FLOOR_DB: "none" },
    diagnostic: "the extra HTTP hop and the adapter's provider calls, no database",
  },
} as const;
const bffKind = (env.BENCH_BFF ?? "bff") as keyof typeof bffKinds;
if (!(bffKind in bffKinds)) throw new Error(`BENCH_BFF is one of ${Object.keys(bffKinds).join(", ")}`);
const behindBff = bffKinds[bffKind];
/** The diagnostics serve holds and redeems only, on PostgreSQL. */
const diagnosticFlows: FlowName[] = ["hold", "hold→redeem"];
const flows = flowNames
  .filter((f) => (env.BENCH_FLOWS ?? defaultFlows.join(",")).split(",").includes(f))
  .filter((f) => !behindBff.diagnostic || diagnosticFlows.includes(f));
const repeat = Math.max(1, Number(env.BENCH_REPEAT ?? 1));
const pacedTerminals = (env.BENCH_PACED_TERMINALS ?? "10").split(",").filter(Boolean).map(Number);
const pacedRate = Number(env.BENCH_PACED_RATE ?? 5);

const log = (text: string) => process.stderr.write(`${text}\n`);

/** Percent of all CPU time since `before` that the host stole. */
function stolenSince(before: { steal: number; total: number }): number {
  const now = cpuTicks();
  const total = now.total - before.total;
  return total > 0 ? (100 * (now.steal - before.steal)) / total : 0;
}

async function cell(
  store: string,
  flow: FlowName,
  terminals: number,
  sim: Child,
  bff: Child,
  tokens: string[],
  pacedPerTerminal?: number,
  /** A warm-up pass instead of a measured cell: this long, with no warm-up of its own. */
  warmUpOnlyMs?: number,
) {
  const paceMs = pacedPerTerminal ? 1000 / pacedPerTerminal : undefined;
  // Holds and hold→redeems take a fresh voucher per flow, as tills mostly see a voucher once: one voucher
  // held and spent hundreds of times a minute would measure the dead index entries it leaves behind for
  // autovacuum, not the BFF. Checks read one voucher per terminal, again and again.
  const voucherPerFlow = flow === "hold" || flow === "hold→redeem";
  const seed = (count: number) =>
    freshVouchers(providerOf(flow), sim.url, count, voucherPerFlow ? "50.00" : "90000.00");
  // Flows with a voucher each are bounded by the vouchers seeded; the others by time (and a generous count).
  const load = {
    terminals,
    warmupMs: warmUpOnlyMs === undefined ? warmupMs : 0,
    measureMs: warmUpOnlyMs ?? measureMs,
    maxFlows: voucherPerFlow ? maxFlows : 100_000,
    ...(paceMs ? { paceMs } : {}),
  };
  const seeded = voucherPerFlow ? maxFlows : terminals;
  const direct = await runLoad({ ...load, flow: await directFlow(flow, sim.url, await seed(seeded)) });
  const fresh = await seed(seeded);
  const rss = sampleRss(bff.pid);
  const ticksBefore = cpuTicks();
  const cpuBefore = { bff: cpuMsOf(bff.pid) ?? 0, sim: cpuMsOf(sim.pid) ?? 0, pg: postgresCpuMs() };
  const viaBff = await runLoad({ ...load, flow: bffFlow(flow, bff.url, tokens, fresh) });
  const perFlow = (before: number, after: number) => (after - before) / Math.max(1, viaBff.completed);
  const cpu = {
    bff: perFlow(cpuBefore.bff, cpuMsOf(bff.pid) ?? 0),
    sim: perFlow(cpuBefore.sim, cpuMsOf(sim.pid) ?? 0),
    pg: perFlow(cpuBefore.pg, postgresCpuMs()),
  };
  const result: Cell = {
    store,
    flow,
    terminals,
    requests: requestsPerFlow[flow],
    bff: viaBff,
    direct,
    bffRssMiB: rss.stop(),
    stealPercent: stolenSince(ticksBefore),
    cpuMsPerFlow: cpu,
    ...(pacedPerTerminal ? { pacedPerTerminal } : {}),
  };
  log(
    `  ${warmUpOnlyMs === undefined ? "" : "(warm-up) "}${flow} ×${terminals}${paceMs ? ` paced ${pacedPerTerminal}/s` : ""}: BFF ${viaBff.flowsPerSecond.toFixed(0)}/s p50 ${viaBff.medianMs.toFixed(1)} ms; direct ${direct.flowsPerSecond.toFixed(0)}/s p50 ${direct.medianMs.toFixed(1)} ms; steal ${result.stealPercent.toFixed(1)} %`,
  );
  return result;
}

/** The BFF child's environment for a store, what to say about it, and how to clean up after it. */
async function prepareStore(store: string) {
  if (!store.startsWith("postgres")) {
    const dir = mkdtempSync(join(os.tmpdir(), "voucher-bench-"));
    return {
      childEnv: { DATA_DIR: dir, DATABASE_URL: "" } as Record<string, string>,
      fact: "",
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const url = await findPostgres();
  if (!url) return null;
  const schema = await benchSchema(url);
  const target = new URL(schema.url);
  if (store === "postgres-nosync") {
    // Diagnostic only, not safe for money: sessions stop waiting for the WAL flush, which shows how much of
    // each request is the disk's fsync.
    target.searchParams.set("options", `${target.searchParams.get("options") ?? ""} -c synchronous_commit=off`.trim());
  }
  const sync = store === "postgres-nosync" ? "off (diagnostic)" : schema.synchronousCommit;
  return {
    childEnv: { DATABASE_URL: target.toString() } as Record<string, string>,
    fact: `- ${store}: PostgreSQL ${schema.version} on loopback, synchronous_commit=${sync}, a fresh schema`,
    cleanup: schema.drop,
  };
}

async function main() {
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ");
  const facts = [
    `- CPU: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}; memory ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB; ${os.type()} ${os.release()}`,
    `- Node ${process.version}; load average at start ${load()}`,
    `- ${measureMs / 1000} s measured per cell after ${warmupMs} ms warm-up (and ${firstWarmupMs} ms unmeasured before each flow's first cell); at most ${maxFlows} flows per cell; ${repeat} run(s) per cell; loopback only`,
    `- closed loop (each terminal's next flow as soon as the last is answered), then paced cells: ${pacedTerminals.join(", ") || "none"} terminals each starting ${pacedRate} flows/s`,
  ];
  if (behindBff.diagnostic) {
    facts.push(
      `- **Diagnostic: the "BFF" columns are not the BFF** but ${behindBff.script} (BENCH_BFF=${bffKind}): ${behindBff.diagnostic}`,
    );
  }
  const sims = {
    jtl: await startChild("sim-child.ts", { SIM: "jtl" }),
    spaaza: flows.some((f) => providerOf(f) === "spaaza") ? await startChild("sim-child.ts", { SIM: "spaaza" }) : null,
  };
  const cells: Cell[] = [];
  const runTicks = cpuTicks();
  const peaks: string[] = [];
  try {
    for (const store of stores) {
      if (behindBff.diagnostic && !store.startsWith("postgres")) {
        log(`${store}: BENCH_BFF=${bffKind} runs on PostgreSQL only; skipped.`);
        continue;
      }
      const prepared = await prepareStore(store);
      if (!prepared) {
        log(`${store}: no PostgreSQL reachable (set BENCH_DATABASE_URL); skipped.`);
        continue;
      }
      const { childEnv, cleanup } = prepared;
      if (prepared.fact) facts.push(prepared.fact);
      log(`${store}: starting the BFF…`);
      let bff: Child | undefined;
      try {
        // DATABASE_URL is always set (empty for PGlite), so one inherited from this shell cannot leak in.
        bff = await startChild(behindBff.script, {
          ...childEnv,
          ...behindBff.env,
          SIM_URL: sims.jtl.url,
          ...(sims.spaaza ? { SPAAZA_URL: sims.spaaza.url } : {}),
        });
        const most = Math.max(...terminalCounts, ...pacedTerminals);
        const tokens = {
          jtl: await sessions(bff.url, most, "jtl"),
          spaaza: sims.spaaza ? await sessions(bff.url, most, "spaaza") : [],
        };
        for (const flow of flows) {
          const provider = providerOf(flow);
          const sim = sims[provider] as Child;
          const runs = [
            ...terminalCounts.map((terminals) => ({ terminals, paced: undefined })),
            ...pacedTerminals.map((terminals) => ({ terminals, paced: pacedRate })),
          ];
          // The first cell would otherwise meet code V8 has not optimised yet (a server in production is
          // warm): an unmeasured pass of the flow first, through both the simulator and the BFF.
          if (firstWarmupMs > 0) await cell(store, flow, 10, sim, bff, tokens[provider], undefined, firstWarmupMs);
          for (const { terminals, paced } of runs) {
            for (let run = 0; run < repeat; run++) {
              cells.push(await cell(store, flow, terminals, sim, bff, tokens[provider], paced));
            }
          }
        }
        peaks.push(
          `- BFF on ${store}: peak RSS ${memoryOf(bff.pid)?.peakMiB.toFixed(0) ?? "?"} MiB over the whole run`,
        );
      } finally {
        // Stopped and cleaned up even when the BFF did not start, so no schema or directory is left behind.
        await bff?.stop();
        await cleanup();
      }
    }
  } finally {
    await sims.jtl.stop();
    await sims.spaaza?.stop();
    closeClient();
  }
  facts.push(
    `- load average at the end ${load()}; CPU time taken by the host (steal) over the run: ${stolenSince(runTicks).toFixed(1)} %`,
  );
  const failures = errors(cells);
  console.log(
    [
      "## Machine",
      facts.join("\n"),
      "## Results",
      table(cells),
      "## Peak memory",
      peaks.join("\n"),
      "## Targets",
      targets(cells),
      ...(failures ? ["## Errors", failures] : []),
    ].join("\n\n"),
  );
}

// Ctrl-C ends through process.exit, so the children are stopped too (see startChild).
process.once("SIGINT", () => process.exit(130));
await main();
