/** Fault injection for the Spaaza simulator's tests (see `../faults.ts`), in Spaaza's error envelope. */
import { type FaultAnswers, Faults } from "../faults.ts";
import { E, SpaazaError } from "./errors.ts";

export { FaultSettings, Faults } from "../faults.ts";

const answers: FaultAnswers = {
  reset: () => new SpaazaError(E.simulated, "Simulated connection reset."),
  rateLimit: (retryAfter) =>
    new SpaazaError(E.tooMany, "Too many requests.", { headers: { "retry-after": retryAfter } }),
  error: (status) => new SpaazaError(E.simulated, "Simulated failure (fault injection).", { status }),
};

export const spaazaFaults = (): Faults => new Faults(answers);
