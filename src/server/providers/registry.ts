/** Makes the adapter for an account's provider. The one place that knows every provider by name. */
import type { AccountConfig } from "../config/account.schema.ts";
import { createCrmcomAdapter } from "./crmcom/index.ts";
import { createJtlAdapter } from "./jtl/index.ts";
import { createMewsAdapter } from "./mews/index.ts";
import type { ProviderAdapter } from "./port.ts";
import { type ResilienceOptions, withResilience } from "./resilience/resilient-adapter.ts";
import { createSpaazaAdapter } from "./spaaza/index.ts";
import { createTevalisAdapter } from "./tevalis/index.ts";

/** The account's adapter, wrapped in its own retry policy and circuit breaker (`resilience/`). */
export function createAdapter(account: AccountConfig, resilience?: ResilienceOptions): ProviderAdapter {
  return withResilience(createBareAdapter(account), resilience);
}

function createBareAdapter(account: AccountConfig): ProviderAdapter {
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
