/**
 * Error bodies as ASP.NET Web API writes them. Tevalis documents none of its HTTP errors (only the `Error`
 * string inside `VoucherSearchResultDto`), so these are the framework's stock shapes:
 * `{Message}` (401, 404, 415, 500) and `{Message, ModelState}` for a refused request body (400).
 * ASSUMPTION: the wording of our business messages (duplicate serial, unknown site) is ours.
 */

/** Thrown by routes; the app's error handler writes `body` with `status`. */
export class AspNetError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(String(body.Message ?? "error"));
  }
}

/** 400 with model-state errors keyed `command.<Field>`, as Web API reports a refused command body. */
export function invalidModel(errors: Record<string, string[]>): AspNetError {
  const modelState = Object.fromEntries(Object.entries(errors).map(([field, list]) => [`command.${field}`, list]));
  return new AspNetError(400, { Message: "The request is invalid.", ModelState: modelState });
}

export const unauthorized = (): AspNetError =>
  new AspNetError(401, { Message: "Authorization has been denied for this request." });

/** What Web API answers when no action matches (e.g. a required query parameter is missing). */
export function noResource(url: string): AspNetError {
  return new AspNetError(404, {
    Message: `No HTTP resource was found that matches the request URI '${url}'.`,
    MessageDetail: "No action was found on the controller 'WebVouchers' that matches the request.",
  });
}

export const serverError = (status = 500): AspNetError =>
  new AspNetError(status, { Message: "An error has occurred." });
