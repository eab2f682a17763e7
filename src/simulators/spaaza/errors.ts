/**
 * Spaaza's envelopes. Success: HTTP 200 `{result:{code:1,status:"ok"}, results:{…}}`, optionally with
 * `warnings:[{code,name,description}]`. Error: an HTTP error status and
 * `{result:{code:2,status:"error"}, error:{code,name,description}}`.
 *
 * Documented codes: 5 `password_error_or_non_existent`, 6 `no_valid_session` (401),
 * 68 `permission_denied_or_non_existent` (500, sic), 269 `no_myprice_app` (400), 183 `voucher_not_found`
 * (shown as a warning). Every other number and name below is an ASSUMPTION of ours: the public pages do not
 * list them. An adapter must key on `name`, not on the number.
 */

export interface SpaazaErrorSpec {
  code: number;
  name: string;
  status: number;
}

/** The error catalogue of this simulator. */
export const E = {
  password: { code: 5, name: "password_error_or_non_existent", status: 401 },
  noSession: { code: 6, name: "no_valid_session", status: 401 },
  permission: { code: 68, name: "permission_denied_or_non_existent", status: 500 },
  notFound: { code: 183, name: "voucher_not_found", status: 404 },
  noMyPriceApp: { code: 269, name: "no_myprice_app", status: 400 },
  alreadyRedeemed: { code: 270, name: "voucher_already_redeemed", status: 400 },
  notLocked: { code: 272, name: "voucher_not_locked", status: 400 },
  locked: { code: 273, name: "voucher_locked", status: 400 },
  lockPeriod: { code: 274, name: "invalid_voucher_lock_period", status: 400 },
  amountTooHigh: { code: 275, name: "voucher_amount_too_high", status: 400 },
  expired: { code: 276, name: "voucher_expired", status: 400 },
  notClaimed: { code: 277, name: "voucher_not_claimed", status: 400 },
  parameter: { code: 278, name: "missing_or_invalid_parameter", status: 400 },
  contentType: { code: 279, name: "unsupported_content_type", status: 415 },
  apiVersion: { code: 280, name: "api_version_not_supported", status: 400 },
  notAllowed: { code: 281, name: "method_not_allowed", status: 405 },
  unknownCall: { code: 282, name: "unknown_call", status: 404 },
  tooMany: { code: 283, name: "too_many_requests", status: 429 },
  simulated: { code: 284, name: "simulated_failure", status: 500 },
} as const satisfies Record<string, SpaazaErrorSpec>;

/** A documented warning inside a 200 answer. */
export const W = {
  /** ASSUMPTION (number and name): claiming a voucher that is already claimed changes nothing. */
  alreadyClaimed: { code: 271, name: "voucher_already_claimed" },
} as const;

export interface SpaazaWarning {
  code: number;
  name: string;
  description: string;
}

/** Thrown by routes; the error handler turns it into the error envelope. */
export class SpaazaError extends Error {
  readonly spec: SpaazaErrorSpec;
  readonly status: number;
  readonly headers: Record<string, string>;

  constructor(
    spec: SpaazaErrorSpec,
    description: string,
    options: { status?: number; headers?: Record<string, string> } = {},
  ) {
    super(description);
    this.spec = spec;
    this.status = options.status ?? spec.status;
    this.headers = options.headers ?? {};
  }

  toBody() {
    return {
      result: { code: 2, status: "error" },
      error: { code: this.spec.code, name: this.spec.name, description: this.message },
    };
  }
}

/** The success envelope. */
export function ok(results: unknown, warnings: SpaazaWarning[] = []) {
  return {
    result: { code: 1, status: "ok" },
    ...(warnings.length ? { warnings } : {}),
    results,
  };
}
