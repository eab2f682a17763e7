/**
 * The one shape of every Mews call: `POST /api/connector/v1/{resource}/{operation}` with a JSON body that
 * carries `ClientToken`, `AccessToken` and `Client` (guidelines/requests.md). Checks the envelope and the
 * tokens (401), counts the call against the request limits (429), then hands the rest of the body to the
 * operation.
 */
import type { FastifyInstance } from "fastify";
import type { DemoAccessToken } from "./demo-data.ts";
import { badRequest, MewsError } from "./errors.ts";
import { addMonths } from "./format.ts";
import { Envelope, parseBody } from "./schemas.ts";
import type { MewsState } from "./state.ts";

export interface OperationContext {
  state: MewsState;
  token: DemoAccessToken;
  /** The body without the envelope fields. */
  body: Record<string, unknown>;
}

export type Operation = (ctx: OperationContext) => unknown;

const ENVELOPE_FIELDS = ["ClientToken", "AccessToken", "Client", "LanguageCode", "CultureCode"];

export function registerConnector(app: FastifyInstance, state: MewsState, operations: Record<string, Operation>): void {
  app.post<{ Params: { resource: string; operation: string } }>(
    "/api/connector/v1/:resource/:operation",
    async (request) => {
      const name = `${request.params.resource}/${request.params.operation}`;
      const operation = Object.hasOwn(operations, name) ? operations[name] : undefined;
      if (!operation) throw new MewsError(404, "Operation not found.");
      const raw = request.body;
      if (!raw || typeof raw !== "object" || Array.isArray(raw)) throw badRequest("Invalid request: a JSON object.");
      const body = { ...(raw as Record<string, unknown>) };
      // Tokens first: a caller without valid tokens learns nothing about the rest of its request.
      if (typeof body.ClientToken !== "string" || !state.clientTokens.has(body.ClientToken)) {
        throw new MewsError(401, "Invalid ClientToken.");
      }
      const token = typeof body.AccessToken === "string" ? state.accessTokens.get(body.AccessToken) : undefined;
      if (!token) throw new MewsError(401, "Invalid AccessToken.");
      state.limits.take(token.token, name);
      parseBody(Envelope, body, badRequest);
      for (const field of ENVELOPE_FIELDS) delete body[field];
      return operation({ state, token, body });
    },
  );
}

/** The enterprises a read covers: the token's, narrowed by `EnterpriseIds` (each must be in the token's scope). */
export function readScope(token: DemoAccessToken, enterpriseIds: readonly string[] | null | undefined): Set<string> {
  if (!enterpriseIds?.length) return new Set(token.enterpriseIds);
  enterpriseIds.forEach((id, i) => {
    if (!token.enterpriseIds.includes(id)) throw badRequest(`Invalid EnterpriseIds.${i}.`);
  });
  return new Set(enterpriseIds);
}

/**
 * The enterprise a write goes to. `EnterpriseId` is "required when using a Portfolio Access Token, ignored
 * otherwise".
 */
export function writeEnterprise(token: DemoAccessToken, enterpriseId: string | null | undefined): string {
  if (!token.portfolio) return token.enterpriseIds[0] ?? "";
  if (!enterpriseId) throw badRequest("EnterpriseId is required when using a Portfolio Access Token.");
  if (!token.enterpriseIds.includes(enterpriseId)) throw badRequest("Invalid EnterpriseId.");
  return enterpriseId;
}

/** An `UpdatedUtc` filter as ms bounds; "max length 3 months". */
export function interval(value: { StartUtc: string; EndUtc: string } | null | undefined): [number, number] | null {
  if (!value) return null;
  const start = Date.parse(value.StartUtc);
  const end = Date.parse(value.EndUtc);
  if (end < start) throw badRequest("Invalid UpdatedUtc: EndUtc is before StartUtc.");
  if (end > addMonths(start, 3)) throw badRequest("Invalid UpdatedUtc: the interval is longer than 3 months.");
  return [start, end];
}

/**
 * One page of `items` (newest first) after the item with id `cursor`: the cursor names "the item one newer
 * in time order than the items to be returned". The answer's cursor is the oldest item returned (or the
 * request's cursor when nothing is left; the docs say a Cursor is always included).
 */
export function page<T extends { id: string }>(
  ordered: readonly T[],
  keep: (item: T) => boolean,
  limitation: { Count: number; Cursor?: string | null },
): { items: T[]; cursor: string | null } {
  let start = 0;
  if (limitation.Cursor) {
    const at = ordered.findIndex((item) => item.id === limitation.Cursor);
    if (at < 0) throw badRequest("Invalid Limitation.Cursor.");
    start = at + 1;
  }
  const items: T[] = [];
  for (let i = start; i < ordered.length && items.length < limitation.Count; i++) {
    const item = ordered[i]!;
    if (keep(item)) items.push(item);
  }
  return { items, cursor: items.at(-1)?.id ?? limitation.Cursor ?? null };
}
