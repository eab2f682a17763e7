/**
 * The levers every simulator offers the shared suites through its `/__sim/` routes (they share one fault
 * injector, `src/simulators/faults.ts`): a small client for those routes, and the suite's `ProviderFault`s
 * turned into the simulator's fault settings, given where each fault target lives in that provider's API.
 */
import type { FaultTarget, ProviderFault } from "./harness.ts";

/** Where a fault target lives in a provider's API: a path prefix for faults, a route key for counters. */
export type FaultRoutes = Record<FaultTarget, { prefix: string; route: string }>;

/** Calls a simulator's `/__sim/<path>` (GET without a body, POST with one) and returns its JSON. */
export function simulatorLevers(url: string) {
  return async <T = unknown>(path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${url}/__sim/${path}`, {
      method: body === undefined ? "GET" : "POST",
      ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return (await response.json()) as T;
  };
}

/** ProviderFaults → the simulator's fault settings (one fault of each kind at a time). */
export function simulatorFaultSettings(faults: ProviderFault[], routes: FaultRoutes): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const fault of faults) {
    const pathPrefix = routes[fault.on].prefix;
    switch (fault.kind) {
      case "latency":
        // `slow`, not `latencyMs`: the simulator's plain latency comes before the request is read, so a BFF
        // that gave up would leave nothing done; a slow provider commits after our timeout.
        settings.slow = { ms: fault.ms, pathPrefix };
        break;
      case "error":
        settings.error = { status: fault.status, count: fault.count, pathPrefix };
        break;
      case "rateLimit":
        settings.rateLimit = { count: fault.count, retryAfterSeconds: fault.retryAfterSeconds, pathPrefix };
        break;
      case "reset":
        settings.reset = { count: fault.count, pathPrefix };
        break;
      case "commitThenDrop":
        settings.drop = { count: fault.count, pathPrefix };
        break;
      case "commitThenStall":
        settings.stall = { count: fault.count, ...(fault.ms !== undefined ? { ms: fault.ms } : {}), pathPrefix };
        break;
    }
  }
  return settings;
}

/** The fault levers of a harness: stage faults, and count the requests that reached each target. */
export function faultLevers(sim: ReturnType<typeof simulatorLevers>, routes: FaultRoutes) {
  return {
    async setFaults(faults: ProviderFault[]): Promise<void> {
      await sim("faults", simulatorFaultSettings(faults, routes));
    },
    async upstreamCalls(target: FaultTarget): Promise<number> {
      const { requests } = await sim<{ requests: Record<string, number> }>("stats");
      return requests[routes[target].route] ?? 0;
    },
  };
}
