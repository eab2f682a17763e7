/**
 * The closed set of error codes the BFF answers with (DESIGN §4). Codes become words only in the
 * widget's messages; everywhere else they travel as these identifiers.
 */
export const ErrorCode = {
  INVALID_REQUEST: "INVALID_REQUEST",
  NOT_FOUND: "NOT_FOUND",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  VOUCHER_INVALID: "VOUCHER_INVALID",
  PIN_REQUIRED: "PIN_REQUIRED",
  PIN_LOCKED: "PIN_LOCKED",
  INSUFFICIENT_BALANCE: "INSUFFICIENT_BALANCE",
  CURRENCY_MISMATCH: "CURRENCY_MISMATCH",
  VOUCHER_EXPIRED: "VOUCHER_EXPIRED",
  VOUCHER_INACTIVE: "VOUCHER_INACTIVE",
  VOUCHER_HELD: "VOUCHER_HELD",
  HOLD_NOT_FOUND: "HOLD_NOT_FOUND",
  HOLD_EXPIRED: "HOLD_EXPIRED",
  ALREADY_REDEEMED: "ALREADY_REDEEMED",
  REDEMPTION_NOT_FOUND: "REDEMPTION_NOT_FOUND",
  REFUND_EXCEEDS_REDEMPTION: "REFUND_EXCEEDS_REDEMPTION",
  NOT_SUPPORTED: "NOT_SUPPORTED",
  PARTIAL_NOT_SUPPORTED: "PARTIAL_NOT_SUPPORTED",
  IDEMPOTENCY_CONFLICT: "IDEMPOTENCY_CONFLICT",
  IDEMPOTENCY_IN_PROGRESS: "IDEMPOTENCY_IN_PROGRESS",
  RATE_LIMITED: "RATE_LIMITED",
  PROVIDER_UNAVAILABLE: "PROVIDER_UNAVAILABLE",
  PROVIDER_ERROR: "PROVIDER_ERROR",
  OVERLOADED: "OVERLOADED",
  INTERNAL: "INTERNAL",
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const errorCodes = Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]];

interface ErrorSpec {
  /** HTTP status the BFF answers with by default. */
  status: number;
  /** Short English title for the problem body (the widget localizes by code, not by title). */
  title: string;
  /** Whether the same request may succeed when repeated unchanged. */
  retryable: boolean;
}

/** Default status, title and retryability for every code. */
export const errorSpecs: Record<ErrorCode, ErrorSpec> = {
  INVALID_REQUEST: { status: 400, title: "Invalid request", retryable: false },
  NOT_FOUND: { status: 404, title: "Not found", retryable: false },
  UNAUTHORIZED: { status: 401, title: "Unauthorized", retryable: false },
  FORBIDDEN: { status: 403, title: "Forbidden", retryable: false },
  VOUCHER_INVALID: { status: 422, title: "Voucher code or PIN not valid", retryable: false },
  PIN_REQUIRED: { status: 422, title: "PIN required", retryable: false },
  PIN_LOCKED: { status: 423, title: "Too many failed attempts for this voucher", retryable: true },
  INSUFFICIENT_BALANCE: { status: 422, title: "Insufficient balance", retryable: false },
  CURRENCY_MISMATCH: { status: 422, title: "Currency does not match", retryable: false },
  VOUCHER_EXPIRED: { status: 422, title: "Voucher expired", retryable: false },
  VOUCHER_INACTIVE: { status: 422, title: "Voucher not active", retryable: false },
  VOUCHER_HELD: { status: 409, title: "Voucher is held by another sale", retryable: true },
  HOLD_NOT_FOUND: { status: 404, title: "Hold not found", retryable: false },
  HOLD_EXPIRED: { status: 410, title: "Hold expired", retryable: false },
  ALREADY_REDEEMED: { status: 409, title: "Already redeemed", retryable: false },
  REDEMPTION_NOT_FOUND: { status: 404, title: "Redemption not found", retryable: false },
  REFUND_EXCEEDS_REDEMPTION: { status: 422, title: "Refund exceeds what is left of the redemption", retryable: false },
  NOT_SUPPORTED: { status: 422, title: "Not supported by this voucher provider", retryable: false },
  PARTIAL_NOT_SUPPORTED: { status: 422, title: "This voucher can only be used for its full value", retryable: false },
  IDEMPOTENCY_CONFLICT: { status: 409, title: "Idempotency key reused with another request", retryable: false },
  IDEMPOTENCY_IN_PROGRESS: {
    status: 409,
    title: "A request with this idempotency key is in progress",
    retryable: true,
  },
  RATE_LIMITED: { status: 429, title: "Too many requests", retryable: true },
  PROVIDER_UNAVAILABLE: { status: 503, title: "Voucher provider unavailable", retryable: true },
  PROVIDER_ERROR: { status: 502, title: "Voucher provider error", retryable: false },
  // This BFF instance is saturated (load shedding): nothing was done, so the same request may simply be sent again.
  OVERLOADED: { status: 503, title: "Service busy, try again shortly", retryable: true },
  INTERNAL: { status: 500, title: "Internal error", retryable: true },
};
