/** The demo's JTL account: the simulator's demo POS client (DEMO ONLY, it exists nowhere else). */
import type { JtlAccount } from "../../server/config/account.schema.ts";
import { demoClients } from "../../simulators/jtl/demo-data.ts";

/** The account config for the JTL simulator at `simulatorUrl`. */
export function demoAccount(simulatorUrl: string): JtlAccount {
  const client = demoClients[0]!;
  return {
    id: "jtl",
    provider: "jtl",
    baseUrl: simulatorUrl,
    currency: "EUR",
    allowedOrigins: ["http://localhost:*", "http://127.0.0.1:*"],
    timeoutMs: 5000,
    credentials: { clientId: client.clientId, clientSecret: client.clientSecret, clientType: "voucher-widget-demo" },
  };
}
