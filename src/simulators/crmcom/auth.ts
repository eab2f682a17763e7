/**
 * CRM.COM login: `POST authentication/token {username, password, organisation, unit?}` answers a token
 * (a JWT, longer than 32 characters) that every other call passes as the parameter `token`: in the query
 * for GET, in the JSON body for POST; never in a header. From R12.0.0 a token lives two hours from login,
 * however much it is used (absolute, not idle). `POST authentication/token/release {token}` ends it early.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { CrmError, ok } from "./envelope.ts";
import { bodyParams, onlyKnown, stringParam } from "./params.ts";
import type { CrmState, TokenRecord } from "./state.ts";

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** A JWT-shaped token; the simulator only looks it up, so the signature is random bytes. */
function newJwt(sub: string, org: string, issuedAt: number, expiresAt: number): string {
  const payload = {
    sub,
    org,
    iat: Math.floor(issuedAt / 1000),
    exp: Math.floor(expiresAt / 1000),
    jti: randomBytes(8).toString("hex"),
  };
  return `${b64({ alg: "HS256", typ: "JWT" })}.${b64(payload)}.${randomBytes(32).toString("base64url")}`;
}

/** The live token record for `token`, or INVALID_TOKEN. */
export function requireToken(state: CrmState, token: unknown): TokenRecord {
  if (typeof token !== "string" || token === "") {
    throw new CrmError("INVALID_TOKEN", "A token is required.", "Pass the token retrieved from the login method.");
  }
  const record = state.tokens.get(token);
  if (!record) throw new CrmError("INVALID_TOKEN", "The token is not valid.");
  if (record.expiresAt <= state.now()) {
    state.tokens.delete(token);
    throw new CrmError("INVALID_TOKEN", "The token has expired.", "Tokens are valid for two hours from login.");
  }
  return record;
}

export function registerAuthRoutes(app: FastifyInstance, state: CrmState): void {
  app.post("/crmapi/rest/v2/authentication/token", async (request) => {
    state.stats.logins++;
    const params = bodyParams(request);
    onlyKnown(params, ["username", "password", "organisation", "unit"]);
    const username = stringParam(params, "username", true);
    const password = stringParam(params, "password", true);
    const organisation = stringParam(params, "organisation", true);
    const unit = stringParam(params, "unit");
    const user = state.users.find((u) => u.username === username && u.organisation === organisation);
    // One answer for every refusal, so the login does not tell which part was wrong.
    const refused = () => new CrmError("INVALID_LOGIN", "The username, password or organisation is not valid.");
    if (!user || !sameSecret(password, user.password)) throw refused();
    if (unit !== undefined && !user.units.includes(unit)) throw refused();
    const now = state.now();
    const expiresAt = now + state.tokenTtlSeconds * 1000;
    const token = newJwt(username, organisation, now, expiresAt);
    state.tokens.set(token, { username, organisation, expiresAt });
    return ok({ token });
  });

  app.post("/crmapi/rest/v2/authentication/token/release", async (request) => {
    const params = bodyParams(request);
    onlyKnown(params, ["token"]);
    requireToken(state, params.token);
    state.tokens.delete(params.token as string);
    return ok(null);
  });
}
