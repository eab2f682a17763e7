/**
 * CRM.COM's answer envelope: `{status: {code, message, description}, data}`; `code` is "OK" on success.
 * The public pages show only the success form. ASSUMPTIONS (not documented): errors use the same envelope
 * with `data: null`, they are sent with HTTP 200 (the adapter must read `status.code`, never trust the HTTP
 * status alone), and the codes below are our own names.
 */

export const CRM_ERROR_CODES = [
  /** The token is missing, unknown, released, revoked or past its two-hour lifetime. */
  "INVALID_TOKEN",
  /** Username, password, organisation or unit refused at login. */
  "INVALID_LOGIN",
  "MISSING_PARAMETER",
  "INVALID_PARAMETER",
  /** A parameter this method does not take (stricter than CRM.COM may be: it catches misspelt names). */
  "UNKNOWN_PARAMETER",
  /** The identified voucher, voucher type, accounts receivable, wallet or unit does not exist. */
  "NOT_FOUND",
  "INVALID_SECRET_NUMBER",
  /** The voucher is not ACTIVATED (used, cancelled, purged…). */
  "INVALID_LIFE_CYCLE_STATE",
  "VOUCHER_EXPIRED",
  "VOUCHER_NOT_EFFECTIVE",
  /** Only "Electronic Payment Voucher" types can be purchased. */
  "INVALID_VOUCHER_TYPE",
  "INSUFFICIENT_FUNDS",
  "DUPLICATE_BACK_OFFICE_CODE",
  /** Fault injection only. */
  "SIMULATED_FAULT",
] as const;
export type CrmErrorCode = (typeof CRM_ERROR_CODES)[number];

/** Thrown by routes; the error handler writes the envelope. */
export class CrmError extends Error {
  constructor(
    readonly code: CrmErrorCode,
    message: string,
    readonly description: string | null = null,
    readonly httpStatus = 200,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toBody() {
    return { status: { code: this.code, message: this.message, description: this.description }, data: null };
  }
}

/** The success envelope, exactly as the documented samples write it. */
export function ok<T>(data: T) {
  return { status: { message: null, description: null, code: "OK" }, data };
}

export const missing = (name: string) => new CrmError("MISSING_PARAMETER", `The parameter ${name} is mandatory.`);
export const invalid = (name: string, why: string) =>
  new CrmError("INVALID_PARAMETER", `The parameter ${name} is not valid.`, why);
