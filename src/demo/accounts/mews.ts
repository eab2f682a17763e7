/**
 * The demo's Mews account: the Mews simulator's demo tokens, its demo hotel's accommodation service, and
 * both demo vouchers for the access-code admin. DEMO ONLY.
 */
import type { MewsAccount } from "../../server/providers/mews/account.schema.ts";
import {
  DEMO_CLIENT_TOKEN,
  DEMO_SERVICE_ID,
  DEMO_VOUCHER_IDS,
  demoAccessTokens,
} from "../../simulators/mews/demo-data.ts";

/** The `mews` account pointing at the simulator at `simulatorUrl`. */
export function demoAccount(simulatorUrl: string): MewsAccount {
  return {
    id: "mews",
    provider: "mews",
    baseUrl: simulatorUrl,
    currency: "EUR",
    allowedOrigins: ["http://localhost:*", "http://127.0.0.1:*"],
    timeoutMs: 5000,
    credentials: { clientToken: DEMO_CLIENT_TOKEN, accessToken: demoAccessTokens[0]!.token },
    client: "voucher-widget demo 0.1.0",
    serviceIds: [DEMO_SERVICE_ID],
    voucherIds: [DEMO_VOUCHER_IDS.corporate, DEMO_VOUCHER_IDS.friends],
  };
}
