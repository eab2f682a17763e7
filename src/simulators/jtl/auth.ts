/**
 * JTL's own OAuth 2 server (client credentials only) and the Bearer check in front of every `/v1` call.
 * Token errors use the OAuth shape (`{error, error_description}`); API auth errors use JTL's error body
 * (ASSUMPTION: the codes `UNAUTHENTICATED` / `FORBIDDEN` are ours, the public pages do not show them).
 */
import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { JtlScope } from "./demo-data.ts";
import { JtlError } from "./errors.ts";
import { newToken } from "./format.ts";
import type { JtlState } from "./state.ts";

declare module "fastify" {
  interface FastifyContextConfig {
    /** The OAuth scope a `/v1` route needs. */
    scope?: JtlScope;
  }
  interface FastifyRequest {
    /** The OAuth client the Bearer token belongs to. */
    jtlClientId: string;
  }
}

/** Compares secrets in constant time, so the simulator does not teach timing-leaky habits. */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function oauthError(reply: FastifyReply, status: number, error: string, description: string) {
  return reply
    .code(status)
    .header("cache-control", "no-store")
    .send({ error, error_description: description, message: description });
}

/** `POST /oauth/token`: form-encoded client credentials; JSON bodies are refused as the spec demands. */
export function registerTokenRoute(app: FastifyInstance, state: JtlState): void {
  app.register(async (scope) => {
    // The form parser lives only in this plugin: `/v1` routes keep accepting JSON alone.
    scope.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });
    scope.post("/oauth/token", async (request, reply) => {
      state.stats.tokenRequests++;
      const type = String(request.headers["content-type"] ?? "")
        .split(";")[0]
        ?.trim();
      if (type !== "application/x-www-form-urlencoded") {
        return oauthError(reply, 400, "invalid_request", "The request must be application/x-www-form-urlencoded.");
      }
      const form = request.body as Record<string, string>;
      if (!form.grant_type) return oauthError(reply, 400, "invalid_request", "The grant_type parameter is missing.");
      if (form.grant_type !== "client_credentials") {
        return oauthError(reply, 400, "unsupported_grant_type", "The authorization grant type is not supported.");
      }
      if (!form.client_id || !form.client_secret) {
        return oauthError(reply, 400, "invalid_request", "The client_id and client_secret parameters are required.");
      }
      if (form.client_type !== undefined && form.client_type.length > 32) {
        return oauthError(reply, 400, "invalid_request", "The client_type may not be greater than 32 characters.");
      }
      const client = state.clients.get(form.client_id);
      if (!client || !sameSecret(form.client_secret, client.clientSecret)) {
        return oauthError(reply, 401, "invalid_client", "Client authentication failed");
      }
      const asked = (form.scope ?? "").split(" ").filter(Boolean);
      if (asked.some((s) => !client.scopes.includes(s as JtlScope))) {
        return oauthError(reply, 400, "invalid_scope", "The requested scope is invalid, unknown, or malformed.");
      }
      const scopes = asked.length ? (asked as JtlScope[]) : client.scopes;
      const token = newToken();
      const ttl = state.tokenTtlSeconds;
      state.tokens.set(token, { clientId: client.clientId, scopes, expiresAt: state.now() + ttl * 1000 });
      return reply
        .header("cache-control", "no-store")
        .send({ token_type: "Bearer", expires_in: ttl, access_token: token });
    });
  });
}

/** onRequest hook for `/v1`: a live Bearer token that carries the route's scope. */
export function bearerAuth(state: JtlState) {
  return async (request: FastifyRequest): Promise<void> => {
    const header = request.headers.authorization ?? "";
    const match = /^Bearer ([^\s]+)$/i.exec(header);
    const record = match ? state.tokens.get(match[1]!) : undefined;
    if (!record || record.expiresAt <= state.now()) {
      if (record) state.tokens.delete(match![1]!);
      throw new JtlError(401, "UNAUTHENTICATED", "Unauthenticated.", undefined, {
        "www-authenticate": 'Bearer error="invalid_token"',
      });
    }
    const needed = request.routeOptions.config.scope;
    if (needed && !record.scopes.includes(needed)) {
      throw new JtlError(403, "FORBIDDEN", "Invalid scope(s) provided.");
    }
    request.jtlClientId = record.clientId;
  };
}
