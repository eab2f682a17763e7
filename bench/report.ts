/** Formats the benchmark's measurements as Markdown tables and checks them against the first targets. */
import type { LoadResult } from "./load.ts";

export interface Cell {
  store: string;
  flow: string;
  terminals: number;
  /** Requests per flow: [BFF, direct]. */
  requests: [number, number];
  bff: LoadResult;
  direct: LoadResult;
  /** Highest RSS of the BFF sampled during this cell (MiB). */
  bffRssMiB: number;
  /** Share of CPU time the host took from this VM during the BFF half of the cell (%). */
  stealPercent: number;
  /** CPU used per flow through the BFF (ms): the BFF process, the simulator, all PostgreSQL processes. */
  cpuMsPerFlow: { bff: number; sim: number; pg: number };
  /** Set for a paced cell: flows each terminal starts per second (otherwise closed loop). */
  pacedPerTerminal?: number;
}

const terminalsLabel = (c: Cell) => (c.pacedPerTerminal ? `${c.terminals} paced ${c.pacedPerTerminal}/s` : c.terminals);

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "–");
const rate = (n: number) => n.toFixed(0);
const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? `${(a / b).toFixed(1)}×` : "–");

/** One table per store: rate, latency and memory through the BFF, the same straight to the simulator, and the BFF's share. */
export function table(cells: readonly Cell[]): string {
  const head =
    "| flow | terminals | BFF flows/s | BFF req/s | BFF p50 ms | BFF p99 ms | direct req/s | direct p50 ms | direct p99 ms | p50 ratio | p99 ratio | added p50 ms | added p99 ms | BFF RSS MiB | CPU ms/flow BFF · sim · PG | steal % | errors |";
  const rule = `|${"---|".repeat(17)}`;
  const row = (c: Cell) =>
    [
      c.flow,
      terminalsLabel(c),
      rate(c.bff.flowsPerSecond),
      rate(c.bff.flowsPerSecond * c.requests[0]),
      ms(c.bff.medianMs),
      ms(c.bff.p99Ms),
      rate(c.direct.flowsPerSecond * c.requests[1]),
      ms(c.direct.medianMs),
      ms(c.direct.p99Ms),
      ratio(c.bff.medianMs, c.direct.medianMs),
      ratio(c.bff.p99Ms, c.direct.p99Ms),
      ms(c.bff.medianMs - c.direct.medianMs),
      ms(c.bff.p99Ms - c.direct.p99Ms),
      c.bffRssMiB.toFixed(0),
      [c.cpuMsPerFlow.bff, c.cpuMsPerFlow.sim, c.cpuMsPerFlow.pg].map((n) => n.toFixed(2)).join(" · "),
      c.stealPercent.toFixed(1),
      c.bff.errors + c.direct.errors,
    ].join(" | ");
  return [...new Set(cells.map((c) => c.store))]
    .map((store) => {
      const rows = cells.filter((c) => c.store === store).map((c) => `| ${row(c)} |`);
      return [`### ${store}`, "", head, rule, ...rows].join("\n");
    })
    .join("\n\n");
}

/** "met" when every run meets the target, "missed" when none does, otherwise how many of how many. */
function verdict(values: readonly number[], ok: (v: number) => boolean): string {
  const met = values.filter(ok).length;
  if (met === values.length) return "met";
  if (met === 0) return "missed";
  return `met in ${met} of ${values.length} runs`;
}

const list = (values: readonly number[], format: (n: number) => string) => values.map(format).join(" / ");

/**
 * The first targets, for each store measured and every run of a cell: the BFF adds at most 2 ms to
 * the median and 10 ms to the p99 of the direct calls at 10 terminals (each flow), and sustains at least
 * 200 hold→redeem flows per second at 50 terminals.
 */
export function targets(cells: readonly Cell[]): string {
  const lines: string[] = [];
  for (const store of new Set(cells.map((c) => c.store))) {
    for (const flow of new Set(cells.map((c) => c.flow))) {
      for (const paced of [false, true]) {
        const at10 = cells.filter(
          (c) => c.store === store && c.flow === flow && c.terminals === 10 && Boolean(c.pacedPerTerminal) === paced,
        );
        if (at10.length === 0) continue;
        const p50 = at10.map((c) => c.bff.medianMs - c.direct.medianMs);
        const p99 = at10.map((c) => c.bff.p99Ms - c.direct.p99Ms);
        const how = paced ? `10 paced terminals (${at10[0]?.pacedPerTerminal} flows/s each)` : "10 terminals";
        lines.push(
          `- ${store}, ${flow} at ${how}: BFF adds ${list(p50, ms)} ms to the median (≤ 2: ${verdict(p50, (v) => v <= 2)}) and ${list(p99, ms)} ms to the p99 (≤ 10: ${verdict(p99, (v) => v <= 10)})`,
        );
      }
    }
    const at50 = cells.filter(
      (c) => c.store === store && c.flow === "hold→redeem" && c.terminals === 50 && !c.pacedPerTerminal,
    );
    if (at50.length > 0) {
      const flows = at50.map((c) => c.bff.flowsPerSecond);
      lines.push(
        `- ${store}, hold→redeem at 50 terminals: ${list(flows, rate)} flows/s (≥ 200: ${verdict(flows, (v) => v >= 200)})`,
      );
    }
  }
  return lines.join("\n");
}

export function errors(cells: readonly Cell[]): string {
  return cells
    .flatMap((c) => [
      c.bff.firstError
        ? `- ${c.store} ${c.flow} ×${terminalsLabel(c)} BFF: ${c.bff.errors} errors, first: ${c.bff.firstError}`
        : "",
      c.direct.firstError
        ? `- ${c.store} ${c.flow} ×${terminalsLabel(c)} direct: ${c.direct.errors} errors, first: ${c.direct.firstError}`
        : "",
    ])
    .filter(Boolean)
    .join("\n");
}
