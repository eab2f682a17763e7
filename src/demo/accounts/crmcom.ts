/**
 * The demo's CRM.COM account, pointing at the CRM.COM simulator. DEMO ONLY: the login, voucher type and
 * accounts receivable are the simulator's demo data (see src/simulators/crmcom/demo-data.ts).
 */
import { CrmcomAccount } from "../../server/providers/crmcom/account.schema.ts";
import { CRMCOM_API_PATH, demoAccountsReceivable, demoUsers, demoVoucherTypes } from "../../simulators/crmcom/index.ts";

/** Account `crmcom` (EUR) for the simulator at `simulatorUrl` (its root; the API path is added here). */
export function demoAccount(simulatorUrl: string): CrmcomAccount {
  const user = demoUsers[0]!;
  const variable = demoVoucherTypes.find((t) => t.value_options === "VARIABLE")!;
  return CrmcomAccount.parse({
    id: "crmcom",
    provider: "crmcom",
    baseUrl: `${simulatorUrl.replace(/\/+$/, "")}${CRMCOM_API_PATH}`,
    currency: "EUR",
    allowedOrigins: ["http://localhost:*", "http://127.0.0.1:*"],
    timeoutMs: 5000,
    credentials: { username: user.username, password: user.password, organisation: user.organisation },
    issue: {
      voucherType: { alternative_code: variable.alternative_code },
      purchasedBy: { number: demoAccountsReceivable[0]!.number },
    },
  });
}
