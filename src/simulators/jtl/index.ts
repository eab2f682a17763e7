/**
 * JTL-Voucher Cloud API simulator (seed 000): a strict HTTP stand-in for the documented API, with
 * test-only control routes under `/__sim/`. Reached only over HTTP; it imports nothing from `src/server`.
 */
import { buildJtlSimulator } from "./app.ts";

export { type DemoClient, type DemoVoucher, demoClients, demoVouchers, JTL_SCOPES } from "./demo-data.ts";

export interface JtlSimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1: the simulator is for this machine only. */
  host?: string;
  /** Lifetime of issued access tokens (default 3600); also settable through `POST /__sim/config`. */
  tokenTtlSeconds?: number;
}

export interface RunningSimulator {
  /** Host root, e.g. `http://127.0.0.1:4100` (token at `/oauth/token`, API under `/v1`). */
  url: string;
  close(): Promise<void>;
}

/** Starts a JTL simulator with the demo data loaded. */
export async function startJtlSimulator(options: JtlSimulatorOptions = {}): Promise<RunningSimulator> {
  const { app } = buildJtlSimulator({ tokenTtlSeconds: options.tokenTtlSeconds });
  const host = options.host ?? "127.0.0.1";
  await app.listen({ port: options.port ?? 0, host });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return { url: `http://${shownHost}:${port}`, close: () => app.close() };
}
