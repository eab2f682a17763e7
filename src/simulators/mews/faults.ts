/** Fault injection for the Mews simulator's tests (see `../faults.ts`), answered with `{Message}` bodies. */
import { type FaultAnswers, Faults } from "../faults.ts";
import { MewsError } from "./errors.ts";

export { FaultSettings, Faults } from "../faults.ts";

const faultMessages: Record<number, string> = {
  408: "The request took too long to process. Request data in smaller batches.",
  409: "The data has changed. Refresh and resubmit the request.",
};

const answers: FaultAnswers = {
  reset: () => new MewsError(500, "Simulated connection reset."),
  rateLimit: (retryAfter) =>
    new MewsError(429, "Request limit exceeded. Try again later.", { "retry-after": retryAfter }),
  error: (status) => new MewsError(status, faultMessages[status] ?? "Simulated failure (fault injection)."),
};

/** Every operation is one parametric route, so requests are counted by operation (`voucherCodes/add`). */
export const mewsFaults = (): Faults =>
  new Faults(answers, { requestKey: (_request, path) => path.replace(/^\/api\/connector\/v1\//, "") });
