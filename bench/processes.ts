/**
 * Child processes for the benchmark (the simulator and the BFF each in their own Node process, so the BFF's
 * memory is its own and the load generator does not share its event loop), and reading their memory.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The merchant API key the benchmark's BFF accepts (benchmark only). */
export const BENCH_API_KEY = "bench-merchant-key-000000000000000000";

export interface Child {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Starts `bench/<script>` under Node with tsx and waits for the `{"url"}` line it prints. */
export function startChild(script: string, env: Record<string, string>): Promise<Child> {
  const file = fileURLToPath(new URL(script, import.meta.url));
  // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of each child there, to see where the time goes.
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, "--import", "tsx", file], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  // However this process ends, its children end with it (none is left holding a port).
  const orphanGuard = () => child.kill("SIGKILL");
  process.once("exit", orphanGuard);
  child.once("exit", () => process.off("exit", orphanGuard));
  return new Promise((resolve, reject) => {
    let buffered = "";
    let started = false;
    const fail = (why: string) => !started && reject(new Error(`${script}: ${why}`));
    child.once("exit", (code) => fail(`exited with ${code} before it was ready`));
    child.stdout?.on("data", (chunk: Buffer) => {
      if (started) return; // Logs after start are drained and dropped.
      buffered += chunk.toString("utf8");
      const line = buffered.split("\n").find((l) => l.startsWith('{"url"'));
      if (!line) return;
      started = true;
      const { url } = JSON.parse(line) as { url: string };
      resolve({
        url,
        pid: child.pid as number,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once("exit", () => done());
            child.kill("SIGTERM");
            setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
          }),
      });
    });
  });
}

/** Resident memory of a process in MiB: now, and the peak since it started (Linux /proc). */
export function memoryOf(pid: number): { rssMiB: number; peakMiB: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN);
    return { rssMiB: kib("VmRSS") / 1024, peakMiB: kib("VmHWM") / 1024 };
  } catch {
    return null;
  }
}

/** Samples a process's RSS every `everyMs` until stopped; returns the highest sample. */
export function sampleRss(pid: number, everyMs = 100): { stop(): number } {
  let peak = memoryOf(pid)?.rssMiB ?? 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, memoryOf(pid)?.rssMiB ?? 0);
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, memoryOf(pid)?.rssMiB ?? 0);
    },
  };
}

/** Kernel clock ticks per second for /proc CPU times (Linux's USER_HZ is 100 on every common build). */
const TICKS_PER_SECOND = 100;

/** CPU time (user + system) a process has used so far, in ms; null where /proc is not readable. */
export function cpuMsOf(pid: number, withReapedChildren = false): number | null {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th,
    // then cutime and cstime, the time of children it has waited for.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = [11, 12, ...(withReapedChildren ? [13, 14] : [])].reduce((sum, i) => sum + Number(fields[i]), 0);
    return (ticks * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** CPU time used so far by every PostgreSQL server process on this machine (ms), for a per-flow estimate. */
export function postgresCpuMs(): number {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!readFileSync(`/proc/${entry}/stat`, "utf8").includes("(postgres)")) continue;
    } catch {
      continue;
    }
    // With the time of reaped children: a backend that exits (an idle pool connection closed, an
    // autovacuum worker done) moves its time to the postmaster's, so the total never goes down.
    total += cpuMsOf(Number(entry), true) ?? 0;
  }
  return total;
}

/**
 * Time the host took from this virtual machine's CPUs (`steal` in /proc/stat) and all CPU time, in
 * ticks, so far: the share stolen over a cell says how far its figures can be trusted (0 when unknown).
 */
export function cpuTicks(): { steal: number; total: number } {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
    const ticks = line.trim().split(/\s+/).slice(1, 9).map(Number);
    return { steal: ticks[7] ?? 0, total: ticks.reduce((sum, t) => sum + t, 0) };
  } catch {
    return { steal: 0, total: 0 };
  }
}
