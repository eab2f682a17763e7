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
  /** CPU used per flow through the BFF (ms): the BFF process, the simulator, all PostgreSQL processes. */
  cpuMsPerFlow: { bff: number; sim: number; pg: number };
}

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "–");
const rate = (n: number) => n.toFixed(0);
const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? `${(a / b).toFixed(1)}×` : "–");

export function table(cells: readonly Cell[]): string {
  const head =
    "| store | flow | terminals | BFF flows/s | BFF req/s | BFF p50 ms | BFF p99 ms | direct flows/s | direct p50 ms | direct p99 ms | p50 ratio | added p50 ms | added p99 ms | BFF RSS MiB | CPU ms/flow BFF · sim · PG | errors |";
  const rule = `|${"---|".repeat(16)}`;
  const rows = cells.map((c) =>
    [
      c.store,
      c.flow,
      c.terminals,
      rate(c.bff.flowsPerSecond),
      rate(c.bff.flowsPerSecond * c.requests[0]),
      ms(c.bff.medianMs),
      ms(c.bff.p99Ms),
      rate(c.direct.flowsPerSecond),
      ms(c.direct.medianMs),
      ms(c.direct.p99Ms),
      ratio(c.bff.medianMs, c.direct.medianMs),
      ms(c.bff.medianMs - c.direct.medianMs),
      ms(c.bff.p99Ms - c.direct.p99Ms),
      c.bffRssMiB.toFixed(0),
      [c.cpuMsPerFlow.bff, c.cpuMsPerFlow.sim, c.cpuMsPerFlow.pg].map((n) => n.toFixed(2)).join(" · "),
      c.bff.errors + c.direct.errors,
    ].join(" | "),
  );
  return [head, rule, ...rows.map((r) => `| ${r} |`)].join("\n");
}

/** The first targets, for each store measured. */
export function targets(cells: readonly Cell[]): string {
  const lines: string[] = [];
  for (const store of new Set(cells.map((c) => c.store))) {
    const at10 = cells.find((c) => c.store === store && c.flow === "hold" && c.terminals === 10);
    const at50 = cells.find((c) => c.store === store && c.flow === "hold→redeem" && c.terminals === 50);
    if (at10) {
      const p50 = at10.bff.medianMs - at10.direct.medianMs;
      const p99 = at10.bff.p99Ms - at10.direct.p99Ms;
      lines.push(
        `- ${store}, hold at 10 terminals: BFF adds ${ms(p50)} ms to the median (target ≤ 2: ${p50 <= 2 ? "met" : "missed"}) and ${ms(p99)} ms to the p99 (target ≤ 10: ${p99 <= 10 ? "met" : "missed"})`,
      );
    }
    if (at50) {
      const flows = at50.bff.flowsPerSecond;
      lines.push(
        `- ${store}, hold→redeem at 50 terminals: ${rate(flows)} flows/s (target ≥ 200: ${flows >= 200 ? "met" : "missed"})`,
      );
    }
  }
  return lines.join("\n");
}

export function errors(cells: readonly Cell[]): string {
  return cells
    .flatMap((c) => [
      c.bff.firstError
        ? `- ${c.store} ${c.flow} ×${c.terminals} BFF: ${c.bff.errors} errors, first: ${c.bff.firstError}`
        : "",
      c.direct.firstError
        ? `- ${c.store} ${c.flow} ×${c.terminals} direct: ${c.direct.errors} errors, first: ${c.direct.firstError}`
        : "",
    ])
    .filter(Boolean)
    .join("\n");
}
