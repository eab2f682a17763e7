/**
 * The JTL harness for the fault suite: the JTL adapter against its own simulator over HTTP, with the
 * simulator's `/__sim/faults` settings as the fault levers and its request counters as the evidence.
 */
import { startJtlSimulator } from "../../simulators/jtl/index.ts";
import type { ContractHarness, FaultTarget, ProviderFault } from "../providers/contract/harness.ts";
import { createJtlAdapter } from "../providers/jtl/index.ts";

/** Where each fault target lives in JTL's API: a path prefix for faults, a route key for counters. */
const targets: Record<FaultTarget, { prefix: string; route: string }> = {
  // "/v1/reservations" alone would match the charge too; the hold tests make no charges meanwhile.
  hold: { prefix: "/v1/reservations", route: "POST /v1/reservations" },
  redeem: { prefix: "/v1/reservations/", route: "POST /v1/reservations/:id/charge" },
  lookup: { prefix: "/v1/vouchers/", route: "GET /v1/vouchers/:id/charges" },
};

/** ProviderFaults → the JTL simulator's fault settings (one fault of each kind at a time). */
export function jtlFaultSettings(faults: ProviderFault[]): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const fault of faults) {
    const pathPrefix = targets[fault.on].prefix;
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

/** Starts a JTL simulator and returns the harness around a JTL adapter with `timeoutMs` per call. */
export async function makeJtlFaultHarness(options: { timeoutMs: number }): Promise<ContractHarness> {
  const sim = await startJtlSimulator({ port: 0 });
  const simCall = async (path: string, body?: unknown) => {
    const response = await fetch(`${sim.url}/__sim/${path}`, {
      method: body === undefined ? "GET" : "POST",
      ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return response.json();
  };
  const ids = new Map<string, string>();
  return {
    adapter: createJtlAdapter({
      id: "jtl",
      provider: "jtl",
      baseUrl: sim.url,
      currency: "EUR",
      allowedOrigins: [],
      timeoutMs: options.timeoutMs,
      credentials: { clientId: "demo-pos", clientSecret: "demo-pos-secret" },
    }),
    currency: "EUR",
    async seed(amountMinor) {
      const pin = String(1000 + Math.floor(Math.random() * 8999));
      const amount = (amountMinor / 100).toFixed(2);
      const voucher = await simCall("vouchers", { amount, currency: "EUR", status: "active", pin });
      ids.set(voucher.code, voucher.id);
      return { code: voucher.code, pin };
    },
    async providerBalance(voucher) {
      const body = (await simCall(`vouchers/${ids.get(voucher.code)}`)) as { remaining_amount: string };
      return Math.round(Number(body.remaining_amount) * 100);
    },
    advanceClock: async (seconds) => {
      await simCall("clock", { advanceSeconds: seconds });
    },
    revokeAuth: async () => {
      await simCall("config", { revokeTokens: true });
    },
    setFaults: async (faults) => {
      await simCall("faults", jtlFaultSettings(faults));
    },
    async upstreamCalls(target) {
      const stats = (await simCall("stats")) as { requests: Record<string, number> };
      return stats.requests[targets[target].route] ?? 0;
    },
    close: sim.close,
  };
}
