/**
 * A load generator: N terminals for a warm-up and then a measured window, bounded both in time and in the
 * number of flows (the warm-up takes at most a quarter of them). Closed loop by default (each terminal runs one flow after another as fast as answers
 * come), or paced (each terminal starts a flow every `paceMs`, as a till with a cashier does, however fast
 * the answers come; a flow that starts late because the last one was slow is timed from when it was due,
 * so a stall is not hidden by the flows it delayed).
 */

export interface LoadOptions {
  terminals: number;
  warmupMs: number;
  measureMs: number;
  /** Upper bound on flows started (warm-up included), e.g. the vouchers seeded for them. */
  maxFlows: number;
  /** Paced: each terminal starts a flow every this many ms (first ones spread evenly over one interval). */
  paceMs?: number;
  /** One flow by one terminal; `n` counts the flows started so far across all terminals. */
  flow(terminal: number, n: number): Promise<void>;
}

export interface LoadResult {
  /** Flows finished inside the measured window. */
  flows: number;
  /** Flows finished in all, warm-up included (for CPU per flow). */
  completed: number;
  errors: number;
  firstError?: string;
  flowsPerSecond: number;
  medianMs: number;
  p99Ms: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const start = performance.now();
  let measureFrom = start + options.warmupMs;
  let end = measureFrom + options.measureMs;
  // The warm-up also ends once a quarter of the flows allowed have started, so a flow fast enough to use
  // up its bound (its seeded vouchers) in the warm-up still leaves flows to measure.
  const warmupFlows = Math.floor(options.maxFlows / 4);
  const latencies: number[] = [];
  let started = 0;
  let completed = 0;
  let errors = 0;
  let firstError: string | undefined;
  let lastDone = measureFrom;

  const { paceMs } = options;
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  async function terminal(index: number): Promise<void> {
    let due = start + (paceMs ? (paceMs * index) / options.terminals : 0);
    while (performance.now() < end && started < options.maxFlows) {
      // Paced and on time: wait for the flow's turn and time it from its actual start (not the timer's
      // slack). Paced and late (the last flow overran its turn): start now, timed from when it was due.
      const late = paceMs !== undefined && due <= performance.now();
      if (paceMs && !late) {
        await wait(due - performance.now());
        if (performance.now() >= end) break;
      }
      const n = started++;
      if (n === warmupFlows && performance.now() < measureFrom) {
        measureFrom = performance.now();
        end = measureFrom + options.measureMs;
        lastDone = measureFrom;
      }
      const t0 = late ? due : performance.now();
      if (paceMs) due += paceMs;
      try {
        await options.flow(index, n);
      } catch (error) {
        errors++;
        firstError ??= (error as Error).message;
        continue;
      }
      const t1 = performance.now();
      completed++;
      // Flows finishing inside the window count (a slow flow begun in the warm-up included), so the rate
      // is completions per second even when one flow takes longer than the window.
      if (t1 >= measureFrom && t1 <= end) {
        latencies.push(t1 - t0);
        lastDone = Math.max(lastDone, t1);
      }
    }
  }

  await Promise.all(Array.from({ length: options.terminals }, (_, i) => terminal(i)));
  latencies.sort((a, b) => a - b);
  // When the flow bound ends the run early, the window is as long as the flows took, not the planned time.
  const seconds = (Math.min(end, lastDone) - measureFrom) / 1000;
  return {
    flows: latencies.length,
    completed,
    errors,
    ...(firstError ? { firstError } : {}),
    flowsPerSecond: seconds > 0 ? latencies.length / seconds : 0,
    medianMs: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}
