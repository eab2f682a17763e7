/**
 * The demo's Spaaza account: the simulator's POS admin login (DEMO ONLY, it exists nowhere else), the demo
 * chain, and Spaaza's currency id 2 mapped to EUR (id 3, pounds, is mapped too, so the demo's GBP voucher
 * answers "another currency" rather than an unknown one).
 */
import type { SpaazaAccount } from "../../server/providers/spaaza/index.ts";
import { DEMO_CHAIN_ID, demoUsers } from "../../simulators/spaaza/demo-data.ts";

/** The account config for the Spaaza simulator at `simulatorUrl`. */
export function demoAccount(simulatorUrl: string): SpaazaAccount {
  const pos = demoUsers[0]!;
  return {
    id: "spaaza",
    provider: "spaaza",
    baseUrl: simulatorUrl,
    currency: "EUR",
    allowedOrigins: ["http://localhost:*", "http://127.0.0.1:*"],
    timeoutMs: 5000,
    credentials: { username: pos.username, password: pos.password },
    chainId: DEMO_CHAIN_ID,
    currencyIds: { "2": "EUR", "3": "GBP" },
    lockPeriodSeconds: 300,
  };
}
