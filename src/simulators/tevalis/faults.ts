/**
 * Fault injection for the Tevalis simulator's tests (see `../faults.ts`), answered as ASP.NET Web API
 * does; paths compare without regard to case, as its routes do.
 */
import { type FaultAnswers, Faults } from "../faults.ts";
import { AspNetError, serverError } from "./errors.ts";

export { FaultSettings, Faults } from "../faults.ts";

const answers: FaultAnswers = {
  reset: () => serverError(),
  rateLimit: (retryAfter) => new AspNetError(429, { Message: "Too many requests." }, { "retry-after": retryAfter }),
  error: (status) => serverError(status),
};

export const tevalisFaults = (): Faults => new Faults(answers, { caseInsensitivePaths: true });
