/**
 * JTL's error bodies. Documented: `{status, code, message}` and, for 422, `{…, errors: [{code, property,
 * rule, message}]}` with codes `<ENTITY>.<OP>.<FIELD>.<RULE>[:arg]` (e.g. `VOUCHER.CREATE.CODE.MAX:255`).
 *
 * ASSUMPTION: the business error codes for reservations, charges and refunds (insufficient balance, wrong
 * PIN, inactive, expired, replaced, …) are listed on JTL's error-code page but not in the public pages we
 * could read. The codes used by this simulator follow the documented pattern and are our own choice; an
 * adapter must not rely on more than their last segments.
 */

export interface JtlFieldError {
  code: string;
  property: string;
  rule: string;
  message: string;
}

export interface JtlErrorBody {
  status: number;
  code: string;
  message: string;
  errors?: JtlFieldError[];
}

/** Thrown by routes; the error handler turns it into the JSON body above. */
export class JtlError extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors?: JtlFieldError[];
  readonly headers: Record<string, string>;

  constructor(status: number, code: string, message: string, errors?: JtlFieldError[], headers = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.errors = errors;
    this.headers = headers;
  }

  toBody(): JtlErrorBody {
    return {
      status: this.status,
      code: this.code,
      message: this.message,
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

/** One field-level error in the documented code pattern; `rule` may carry an argument (`max:255`). */
export function fieldError(scope: string, property: string, rule: string, message: string): JtlFieldError {
  const [name = rule] = rule.split(":");
  return { code: `${scope}.${property.toUpperCase()}.${rule.toUpperCase()}`, property, rule: name, message };
}

/** The documented 422 envelope, e.g. scope `RESERVATION.CREATE` → `RESERVATION.CREATE.UNPROCESSABLE_ENTITY`. */
export function unprocessable(scope: string, errors: JtlFieldError[]): JtlError {
  return new JtlError(422, `${scope}.UNPROCESSABLE_ENTITY`, "The given data was invalid.", errors);
}

/** A single business rule broken on one field (ASSUMPTION: reported in the 422 envelope like validation). */
export function ruleBroken(scope: string, property: string, rule: string, message: string): JtlError {
  return unprocessable(scope, [fieldError(scope, property, rule, message)]);
}

/** `{status:404, code:"<ENTITY>.NOT_FOUND"}` as documented for vouchers. */
export function notFound(entity: "VOUCHER" | "RESERVATION" | "CHARGE"): JtlError {
  const name = entity.charAt(0) + entity.slice(1).toLowerCase();
  return new JtlError(404, `${entity}.NOT_FOUND`, `The requested ${name} was not found.`);
}
