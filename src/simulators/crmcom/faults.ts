/** Fault injection for the CRM.COM simulator's tests (see `../faults.ts`), in its `{status, data}` envelope. */
import { type FaultAnswers, Faults } from "../faults.ts";
import { CrmError } from "./envelope.ts";

export { FaultSettings, Faults } from "../faults.ts";

const answers: FaultAnswers = {
  reset: () => new CrmError("SIMULATED_FAULT", "Simulated connection reset.", null, 500),
  rateLimit: (retryAfter) =>
    new CrmError("SIMULATED_FAULT", "Too many requests.", null, 429, { "retry-after": retryAfter }),
  error: (status) => new CrmError("SIMULATED_FAULT", "Simulated failure (fault injection).", null, status),
};

export const crmcomFaults = (): Faults => new Faults(answers);
