/**
 * The demo's Tevalis account, pointing at the Tevalis simulator. DEMO ONLY: the credentials are the
 * simulator's demo company (see src/simulators/tevalis/demo-data.ts) and exist nowhere else.
 */
import { TevalisAccount } from "../../server/providers/tevalis/account.schema.ts";
import { demoCompanies, demoDeveloperIds } from "../../simulators/tevalis/demo-data.ts";

/** Account `tevalis` (GBP, site 1, Europe/London) for the simulator at `simulatorUrl`. */
export function demoAccount(simulatorUrl: string): TevalisAccount {
  const company = demoCompanies[0]!;
  return TevalisAccount.parse({
    id: "tevalis",
    provider: "tevalis",
    baseUrl: simulatorUrl,
    currency: "GBP",
    allowedOrigins: ["http://localhost:*", "http://127.0.0.1:*"],
    timeoutMs: 5000,
    credentials: { companyId: company.companyId, guid: company.guid, developerId: demoDeveloperIds[0] },
    siteId: company.siteIds[0],
    // The simulator writes some dates without an offset, in the site's zone (as Tevalis does).
    timeZone: "Europe/London",
  });
}
