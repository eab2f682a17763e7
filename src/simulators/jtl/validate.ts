/**
 * Laravel-style request validation, as the JTL API answers it: every broken rule of the body is collected
 * and reported at once in the 422 envelope, with codes `<SCOPE>.<FIELD>.<RULE>`.
 */

import { fieldError, type JtlFieldError, unprocessable } from "./errors.ts";
import { AMOUNT_PATTERN } from "./format.ts";

const currencies = new Set(Intl.supportedValuesOf("currency"));

interface StringRules {
  required?: boolean;
  max?: number;
  size?: number;
  in?: readonly string[];
}

/** Collects field errors for one request body; `done()` throws the 422 when any rule was broken. */
export class BodyCheck {
  readonly errors: JtlFieldError[] = [];
  private readonly body: Record<string, unknown>;

  constructor(
    private readonly scope: string,
    body: unknown,
  ) {
    this.body = body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  }

  private fail(field: string, rule: string, message: string): undefined {
    this.errors.push(fieldError(this.scope, field, rule, message));
    return undefined;
  }

  private present(field: string): boolean {
    const value = this.body[field];
    return value !== undefined && value !== null && value !== "";
  }

  string(field: string, rules: StringRules = {}): string | undefined {
    if (!this.present(field)) {
      return rules.required ? this.fail(field, "required", `The ${field} field is required.`) : undefined;
    }
    const value = this.body[field];
    if (typeof value !== "string") return this.fail(field, "string", `The ${field} must be a string.`);
    if (rules.max !== undefined && value.length > rules.max) {
      return this.fail(field, `max:${rules.max}`, `The ${field} may not be greater than ${rules.max} characters.`);
    }
    if (rules.size !== undefined && value.length !== rules.size) {
      return this.fail(field, `size:${rules.size}`, `The ${field} must be ${rules.size} characters.`);
    }
    if (rules.in && !rules.in.includes(value)) return this.fail(field, "in", `The selected ${field} is invalid.`);
    return value;
  }

  /** A documented amount string; `min` in cents. */
  amount(field: string, min: number): string | undefined {
    const value = this.string(field, { required: true });
    if (value === undefined) return undefined;
    if (!AMOUNT_PATTERN.test(value)) return this.fail(field, "regex", `The ${field} format is invalid.`);
    const [whole = "0", frac = "00"] = value.split(".");
    if (Number(whole) * 100 + Number(frac) < min) {
      const shown = min === 0 ? "0" : (min / 100).toFixed(2);
      return this.fail(field, `min:${shown}`, `The ${field} must be at least ${shown}.`);
    }
    return value;
  }

  currency(field: string): string | undefined {
    const value = this.string(field, { required: true, size: 3 });
    if (value !== undefined && !currencies.has(value)) {
      return this.fail(field, "valid_currency", "Currency must be a valid currency code");
    }
    return value;
  }

  integer(field: string, min: number): number | undefined {
    if (!this.present(field)) return undefined;
    const value = this.body[field];
    if (typeof value !== "number" || !Number.isInteger(value)) {
      return this.fail(field, "integer", `The ${field} must be an integer.`);
    }
    if (value < min) return this.fail(field, `min:${min}`, `The ${field} must be at least ${min}.`);
    return value;
  }

  boolean(field: string): boolean | undefined {
    if (!this.present(field)) return undefined;
    const value = this.body[field];
    return typeof value === "boolean"
      ? value
      : this.fail(field, "boolean", `The ${field} field must be true or false.`);
  }

  /** `field` must be given whenever `other` is. */
  requiredWith(field: string, other: string): void {
    if (this.present(other) && !this.present(field)) {
      this.fail(field, `required_with:${other}`, `The ${field} field is required when ${other} is present.`);
    }
  }

  /** A JSON document carried as a string (the voucher `data` field). */
  json(field: string): string | undefined {
    const value = this.string(field);
    if (value === undefined) return undefined;
    try {
      JSON.parse(value);
      return value;
    } catch {
      return this.fail(field, "json", `The ${field} must be a valid JSON string.`);
    }
  }

  /** Throws the 422 envelope when any rule was broken. */
  done(): void {
    if (this.errors.length) throw unprocessable(this.scope, this.errors);
  }
}
