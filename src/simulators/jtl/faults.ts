/** Fault injection for the JTL simulator's tests (see `../faults.ts`), answered in JTL's error body. */
import { type FaultAnswers, Faults } from "../faults.ts";
import { JtlError } from "./errors.ts";

export { FaultSettings, Faults } from "../faults.ts";

const answers: FaultAnswers = {
  reset: () => new JtlError(500, "SIMULATED_RESET", "Simulated connection reset (fault injection)."),
  rateLimit: (retryAfter) =>
    new JtlError(429, "TOO_MANY_REQUESTS", "Too Many Attempts.", undefined, { "retry-after": retryAfter }),
  error: (status) => new JtlError(status, "SIMULATED_FAULT", "Simulated failure (fault injection)."),
};

export const jtlFaults = (): Faults => new Faults(answers);
