/**
 * Reading CRM.COM request parameters. GET methods take them in the query string, POST methods in a JSON
 * body (the token included, in both cases). Identifiers name one of the allowed fields: in a query as
 * `voucher_identifier=number=1211` (the documented example), in a body as `{"number": "1211"}`.
 */
import type { FastifyRequest } from "fastify";
import { CrmError, invalid, missing } from "./envelope.ts";

export type Params = Record<string, unknown>;

/** The query parameters, each once (a repeated parameter is refused). */
export function queryParams(request: FastifyRequest): Params {
  const query = (request.query ?? {}) as Record<string, unknown>;
  for (const [name, value] of Object.entries(query)) {
    if (Array.isArray(value)) throw invalid(name, "The parameter may be given once.");
  }
  return query;
}

/** The JSON body's parameters; anything but a JSON object is refused. */
export function bodyParams(request: FastifyRequest): Params {
  const body = request.body;
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    throw new CrmError("INVALID_PARAMETER", "The request body must be a JSON object.");
  }
  return body as Params;
}

/** Refuses parameters the method does not take. */
export function onlyKnown(params: Params, allowed: readonly string[]): void {
  const unknown = Object.keys(params).filter((name) => !allowed.includes(name));
  if (unknown.length) throw new CrmError("UNKNOWN_PARAMETER", `Unknown parameter(s): ${unknown.join(", ")}.`);
}

export function stringParam(params: Params, name: string, required: true): string;
export function stringParam(params: Params, name: string, required?: false): string | undefined;
export function stringParam(params: Params, name: string, required = false): string | undefined {
  const value = params[name];
  if (value === undefined || value === null || value === "") {
    if (required) throw missing(name);
    return undefined;
  }
  if (typeof value !== "string") throw invalid(name, "A string is expected.");
  return value;
}

export interface Identifier {
  field: string;
  value: string;
}

/** `field=value` from a query parameter, the field one of `fields`. */
export function queryIdentifier(params: Params, name: string, fields: readonly string[]): Identifier {
  const raw = stringParam(params, name, true);
  const at = raw.indexOf("=");
  const field = at > 0 ? raw.slice(0, at) : "";
  const value = at > 0 ? raw.slice(at + 1) : "";
  if (!fields.includes(field) || value === "") {
    throw invalid(name, `Expected one of ${fields.map((f) => `${f}=…`).join(", ")}.`);
  }
  return { field, value };
}

/** `{field: value}` from a body parameter: exactly one of `fields`, a non-empty string. */
export function bodyIdentifier(params: Params, name: string, fields: readonly string[], required: true): Identifier;
export function bodyIdentifier(
  params: Params,
  name: string,
  fields: readonly string[],
  required?: false,
): Identifier | undefined;
export function bodyIdentifier(
  params: Params,
  name: string,
  fields: readonly string[],
  required = false,
): Identifier | undefined {
  const raw = params[name];
  if (raw === undefined || raw === null) {
    if (required) throw missing(name);
    return undefined;
  }
  const entries = raw && typeof raw === "object" && !Array.isArray(raw) ? Object.entries(raw) : [];
  const [entry] = entries;
  if (entries.length !== 1 || !entry || !fields.includes(entry[0]) || typeof entry[1] !== "string" || !entry[1]) {
    throw invalid(name, `Exactly one of ${fields.join(", ")} is allowed.`);
  }
  return { field: entry[0], value: entry[1] };
}

/** `fields_set`: a comma-separated list of fields to return (all when absent). */
export function fieldsSet(params: Params): string[] | null {
  const raw = stringParam(params, "fields_set");
  return raw === undefined
    ? null
    : raw
        .split(",")
        .map((f) => f.trim())
        .filter(Boolean);
}

/** Keeps the fields asked for through `fields_set`. */
export function pick<T extends Record<string, unknown>>(data: T, fields: string[] | null): Partial<T> {
  if (!fields) return data;
  return Object.fromEntries(Object.entries(data).filter(([key]) => fields.includes(key))) as Partial<T>;
}
