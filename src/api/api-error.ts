/**
 * The browser's one error class (DESIGN §6.6). Every failure the client reports is an ApiError keyed by the
 * closed code set from `src/shared`, plus two codes that only the browser can observe: the network failed, or
 * the answer did not match the contract. Codes become words only in the widget's messages.
 */
import type { ErrorCode } from "../shared/error-codes.ts";

/** Codes the browser adds to the server's closed set. */
export const ClientErrorCode = {
  /** No answer arrived (offline, DNS, CORS, connection reset). The request may or may not have run. */
  NETWORK_ERROR: "NETWORK_ERROR",
  /** An answer arrived but does not match the contract (wrong JSON, schema mismatch, unexpected status). */
  BAD_RESPONSE: "BAD_RESPONSE",
} as const;
export type ClientErrorCode = (typeof ClientErrorCode)[keyof typeof ClientErrorCode];

/** Every code an ApiError can carry. */
export type ApiErrorCode = ErrorCode | ClientErrorCode;

export interface ApiErrorInit {
  status?: number;
  retryable?: boolean;
  retryAfterSeconds?: number;
  detail?: string;
  /** Field-level issues the server sent with INVALID_REQUEST. */
  errors?: { path: string; message: string }[];
  cause?: unknown;
}

/** A failed API call, with what a caller needs to decide: the code, whether to retry, and when. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  /** HTTP status, or 0 when no answer arrived. */
  readonly status: number;
  readonly retryable: boolean;
  readonly retryAfterSeconds?: number;
  /** The server's explanation in English, for logs; never shown instead of the localized message. */
  readonly detail?: string;
  readonly errors?: { path: string; message: string }[];

  constructor(code: ApiErrorCode, init: ApiErrorInit = {}) {
    super(init.detail ?? code, { cause: init.cause });
    this.name = "ApiError";
    this.code = code;
    // Problem bodies say status and retryability themselves; the shared errorSpecs table is not imported
    // for defaults because its English titles would cost the bundle a kilobyte for nothing shown.
    this.status = init.status ?? 0;
    // Network failures are worth retrying; a contract mismatch will not fix itself.
    this.retryable = init.retryable ?? code === ClientErrorCode.NETWORK_ERROR;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.detail = init.detail;
    this.errors = init.errors;
  }
}

/** Narrows an unknown failure to ApiError. */
export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** True for the rejection a fetch gives when its AbortSignal fires: a cancelled call, not a failure. */
export function isAbortError(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { name?: unknown }).name === "AbortError";
}
