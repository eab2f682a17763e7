import { type ErrorCode, errorSpecs, type Problem } from "../../shared/index.ts";

export interface HttpProblemOptions {
  /** Overrides the code's default HTTP status (e.g. 404 or 415 for INVALID_REQUEST). */
  status?: number;
  retryAfterSeconds?: number;
  errors?: { path: string; message: string }[];
  /**
   * Set by provider adapters when a call that moves money may have been carried out upstream although
   * no answer arrived (timeout, reset, 5xx after commit): the caller must find out before retrying.
   */
  outcomeUnknown?: boolean;
  cause?: unknown;
}

/**
 * The BFF's one error class: every failure a client can see is an HttpProblem keyed by the closed code
 * set, and leaves as `application/problem+json`. `detail` must never hold a code, PIN, token or secret.
 */
export class HttpProblem extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly retryable: boolean;
  readonly retryAfterSeconds?: number;
  readonly errors?: { path: string; message: string }[];
  readonly outcomeUnknown: boolean;

  constructor(code: ErrorCode, detail?: string, options: HttpProblemOptions = {}) {
    super(detail ?? errorSpecs[code].title, { cause: options.cause });
    this.name = "HttpProblem";
    this.code = code;
    this.status = options.status ?? errorSpecs[code].status;
    this.retryable = errorSpecs[code].retryable;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.errors = options.errors;
    this.outcomeUnknown = options.outcomeUnknown ?? false;
  }

  /** The problem+json body. */
  toProblem(): Problem {
    const spec = errorSpecs[this.code];
    return {
      type: `https://voucher-widget.dev/problems/${this.code.toLowerCase().replaceAll("_", "-")}`,
      title: spec.title,
      status: this.status,
      code: this.code,
      ...(this.message !== spec.title ? { detail: this.message } : {}),
      retryable: this.retryable,
      ...(this.retryAfterSeconds !== undefined ? { retryAfterSeconds: this.retryAfterSeconds } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

export function isHttpProblem(error: unknown): error is HttpProblem {
  return error instanceof HttpProblem;
}
