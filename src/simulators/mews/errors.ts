/**
 * Mews error answers (guidelines/responses.md): a status from the documented set and the body
 * `{Message, Details}`. `Details` is "only available on development environment"; the simulator plays the
 * demo environment, so it is always null.
 */

/** The statuses Mews documents, with what each means to a client. */
export type MewsStatus =
  /** A client bug: malformed request or an invalid identifier. */
  | 400
  /** Invalid ClientToken or AccessToken, or no permission for the operation. */
  | 401
  /** A business rule or server-side validation refused the request: to be shown to the user. */
  | 403
  | 404
  /** The request took too long: ask for smaller batches. */
  | 408
  /** The data changed meanwhile. */
  | 409
  /** Too many requests; the answer carries Retry-After. */
  | 429
  | 500;

export interface MewsErrorBody {
  Message: string;
  Details: string | null;
}

/** Thrown by routes; the error handler turns it into the body above. */
export class MewsError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toBody(): MewsErrorBody {
    return { Message: this.message, Details: null };
  }
}

/** 400: the request is malformed (a client bug). */
export const badRequest = (message: string) => new MewsError(400, message);

/** 403: a business rule was broken; the message is meant for the end user. */
export const forbidden = (message: string) => new MewsError(403, message);
