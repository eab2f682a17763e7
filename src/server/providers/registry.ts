/** Makes the adapter for an account's provider. The one place that knows every provider by name. */
import type { AccountConfig } from "../config/account.schema.ts";
import { createCrmcomAdapter } from "./crmcom/index.ts";
import { createJtlAdapter } from "./jtl/index.ts";
import { createMewsAdapter } from "./mews/index.ts";
import { createSpaazaAdapter } from "./spaaza/index.ts";
import { createTevalisAdapter } from "./tevalis/index.ts";
import type { ProviderAdapter } from "./port.ts";

export function createAdapter(account: AccountConfig): ProviderAdapter {
  switch (account.provider) {
    case "jtl":
      return createJtlAdapter(account);
    case "spaaza":
      return createSpaazaAdapter(account);
    case "tevalis":
      return createTevalisAdapter(account);
    case "crmcom":
      return createCrmcomAdapter(account);
    case "mews":
      return createMewsAdapter(account);
  }
}
