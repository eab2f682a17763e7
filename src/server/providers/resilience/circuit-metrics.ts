/**
 * Circuit-breaker state per account in `/metrics`, read when Prometheus scrapes (nothing to keep in step).
 * Labels carry the account id only.
 */
import { Counter, Gauge, type Registry } from "prom-client";
import type { CircuitState } from "./circuit-breaker.ts";
import { circuitOf } from "./resilient-adapter.ts";

const stateValue: Record<CircuitState, number> = { closed: 0, "half-open": 1, open: 2 };

/** Registers `voucher_provider_circuit_state` and `voucher_provider_circuit_opens_total` for `accounts`. */
export function registerCircuitMetrics(registry: Registry, accounts: ReadonlyMap<string, { adapter: object }>): void {
  const circuits = () =>
    [...accounts].flatMap(([account, { adapter }]) => {
      const breaker = circuitOf(adapter);
      return breaker ? [{ account, breaker }] : [];
    });
  new Gauge({
    name: "voucher_provider_circuit_state",
    help: "Provider circuit breaker per account: 0 closed, 1 half-open, 2 open",
    labelNames: ["account"] as const,
    registers: [registry],
    collect() {
      for (const { account, breaker } of circuits()) this.set({ account }, stateValue[breaker.state]);
    },
  });
  new Counter({
    name: "voucher_provider_circuit_opens_total",
    help: "Times each account's provider circuit breaker opened",
    labelNames: ["account"] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const { account, breaker } of circuits()) this.inc({ account }, breaker.opens);
    },
  });
}
