/**
 * Mews answers → the BFF's closed error codes (guidelines/responses.md). Mews's `Message` is never copied
 * into our problems: it may name a code value, and codes stay out of problem bodies and logs.
 */
import { HttpProblem } from "../../errors/http-problem.ts";
import { statusProblem, type UpstreamResponse } from "../http.ts";

/** What the adapter was doing: the same status means different things per step. */
export type MewsOperation = "check" | "read" | "add" | "delete";

/** The HttpProblem for a Mews answer that is not 2xx. */
export function mewsProblem(response: UpstreamResponse, op: MewsOperation): HttpProblem {
  const movesMoney = op === "add" || op === "delete";
  switch (response.status) {
    case 400:
      // A client bug by Mews's definition: an id in our config or a request we built is wrong.
      return new HttpProblem("PROVIDER_ERROR", "Mews refused the request as invalid (400): check the account's ids.");
    case 401:
      // The account's tokens, not the user's session: UNAUTHORIZED would tell the widget to log in again.
      return new HttpProblem("PROVIDER_ERROR", "Mews refused the account's ClientToken or AccessToken (401).");
    case 403:
      // "Should be reported to the end user": for the codes admin that is the person adding the codes.
      if (op === "add") {
        return new HttpProblem(
          "INVALID_REQUEST",
          "Mews refused these codes: a code with the same value may already exist, or a validity is not accepted.",
          { status: 422, errors: [{ path: "items", message: "refused by Mews (business rule)" }] },
        );
      }
      return new HttpProblem("PROVIDER_ERROR", "Mews refused the request (403, a business rule).");
    case 409:
      // The data changed meanwhile: asking again (after a fresh read) is the documented remedy.
      return new HttpProblem("PROVIDER_UNAVAILABLE", "Mews reports that the data changed meanwhile; try again.");
    default:
      return statusProblem("Mews", response, { movesMoney, detail: `Mews answered ${response.status}.` });
  }
}
