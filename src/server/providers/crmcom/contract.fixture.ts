/**
 * The CRM.COM harness for the shared suites: the adapter wired to a fresh simulator over real HTTP, with
 * the simulator's levers (seed, balance, clock, token revocation) and, for the fault suite, its faults
 * and request counters. Holds are kept by this service, so their expiry runs on the adapter's clock: it
 * moves with the simulator's.
 */
import { randomInt } from "node:crypto";
import { fromMinor } from "../../../shared/index.ts";
import { startCrmcomSimulator } from "../../../simulators/crmcom/index.ts";
import type { ContractHarness, FaultTarget, ProviderFault } from "../contract/harness.ts";
import { decimalToMinor } from "../decimal.ts";
import { simAccount } from "./adapter.fixture.ts";
import { createCrmcomAdapter } from "./index.ts";

const API = "/crmapi/rest/v2";
/**
 * Where each fault target strikes: a hold starts with `retrieve_secret_number`, a redemption is
 * `vouchers/use`, and `findRedemption` reads `vouchers/show` (which a hold reads too, after the secret).
 */
const routes: Record<FaultTarget, { method: string; path: string }> = {
  hold: { method: "GET", path: `${API}/vouchers/retrieve_secret_number` },
  redeem: { method: "POST", path: `${API}/vouchers/use` },
  lookup: { method: "GET", path: `${API}/vouchers/show` },
};

/** The simulator's fault settings for the suite's faults (one of each kind at a time). */
function faultSettings(faults: ProviderFault[]): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const f of faults) {
    const pathPrefix = routes[f.on].path;
    if (f.kind === "latency") settings.slow = { ms: f.ms, pathPrefix };
    else if (f.kind === "error") settings.error = { status: f.status, count: f.count, pathPrefix };
    else if (f.kind === "rateLimit") {
      settings.rateLimit = { count: f.count, retryAfterSeconds: f.retryAfterSeconds, pathPrefix };
    } else if (f.kind === "reset") settings.reset = { count: f.count, pathPrefix };
    else if (f.kind === "commitThenDrop") settings.drop = { count: f.count, pathPrefix };
    else settings.stall = { count: f.count, ...(f.ms !== undefined ? { ms: f.ms } : {}), pathPrefix };
  }
  return settings;
}

/** Starts a simulator and returns the harness (`timeoutMs`: the adapter's per-call timeout). */
export async function makeCrmcomHarness(options: { timeoutMs?: number } = {}): Promise<ContractHarness> {
  const sim = await startCrmcomSimulator({ port: 0 });
  const simCall = async <T>(path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${sim.url}/__sim/${path}`, {
      method: body === undefined ? "GET" : "POST",
      ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return (await response.json()) as T;
  };
  let offsetMs = 0;
  const account = simAccount(sim.url, options.timeoutMs ? { timeoutMs: options.timeoutMs } : {});
  return {
    adapter: createCrmcomAdapter(account, { now: () => Date.now() + offsetMs }),
    currency: "EUR",
    async seed(amountMinor) {
      const pin = String(randomInt(1_000_000, 10_000_000));
      const voucher = await simCall<{ number: string }>("vouchers", {
        value: fromMinor(amountMinor, "EUR"),
        secret_number: pin,
      });
      return { code: voucher.number, pin };
    },
    async providerBalance(voucher) {
      // CRM.COM keeps no balance: an activated voucher is worth its value, a used one nothing.
      const stored = await simCall<{ value: number; life_cycle_state: string }>(`vouchers/${voucher.code}`);
      if (stored.life_cycle_state !== "ACTIVATED") return 0;
      return decimalToMinor(stored.value, "EUR");
    },
    advanceClock: async (seconds) => {
      await simCall("clock", { advanceSeconds: seconds });
      offsetMs += seconds * 1000;
    },
    revokeAuth: async () => {
      await simCall("config", { revokeTokens: true });
    },
    async setFaults(faults) {
      await simCall("faults", faultSettings(faults));
    },
    async upstreamCalls(target) {
      const { requests } = await simCall<{ requests: Record<string, number> }>("stats");
      const route = routes[target];
      return requests[`${route.method} ${route.path}`] ?? 0;
    },
    close: sim.close,
  };
}
