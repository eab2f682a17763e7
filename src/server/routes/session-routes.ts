/**
 * `POST /api/v1/sessions` (merchant API key → session token) and, in demo mode only,
 * `POST /demo/session` (no key, all abilities) for the demo page.
 */
import type { FastifyInstance } from "fastify";
import { abilities as allAbilities, DemoSessionRequest, routes, SessionRequest } from "../../shared/index.ts";
import type { createApiKeyVerifier } from "../auth/api-keys.ts";
import { bearerToken, type SessionTokens } from "../auth/session-token.ts";
import { HttpProblem } from "../errors/http-problem.ts";
import { parseInput } from "../http/validate.ts";

export interface SessionRouteDeps {
  tokens: SessionTokens;
  verifyApiKey: ReturnType<typeof createApiKeyVerifier>;
  accountIds: ReadonlySet<string>;
  defaultTtlSeconds: number;
  demo: boolean;
}

export function registerSessionRoutes(app: FastifyInstance, deps: SessionRouteDeps): void {
  app.post(routes.createSession.path, async (request, reply) => {
    const presented = bearerToken(request.headers.authorization) ?? headerValue(request.headers["x-api-key"]);
    if (!presented) throw new HttpProblem("UNAUTHORIZED", "Send the merchant API key as Authorization: Bearer <key>.");
    const apiKey = deps.verifyApiKey(presented);
    if (!apiKey) throw new HttpProblem("UNAUTHORIZED", "The API key is not valid.");
    const body = parseInput(SessionRequest, request.body);
    if (!apiKey.accounts.includes(body.account) || !deps.accountIds.has(body.account)) {
      throw new HttpProblem("FORBIDDEN", "This API key may not open sessions for that account.");
    }
    const wanted = body.scopes ?? apiKey.abilities;
    const refused = wanted.filter((a) => !apiKey.abilities.includes(a));
    if (refused.length > 0) throw new HttpProblem("FORBIDDEN", `This API key may not grant: ${refused.join(", ")}.`);
    const session = await deps.tokens.issue(
      { account: body.account, terminalId: body.terminalId, abilities: [...new Set(wanted)] },
      body.ttlSeconds ?? deps.defaultTtlSeconds,
    );
    request.log.info({ account: body.account, terminalId: body.terminalId, apiKey: apiKey.id }, "session opened");
    return reply.code(201).send(session);
  });

  if (!deps.demo) return;
  app.post("/demo/session", async (request, reply) => {
    const body = parseInput(DemoSessionRequest, request.body);
    if (!deps.accountIds.has(body.account)) throw new HttpProblem("NOT_FOUND", "No such demo account.");
    const session = await deps.tokens.issue(
      { account: body.account, terminalId: body.terminalId ?? "demo-terminal", abilities: [...allAbilities] },
      deps.defaultTtlSeconds,
    );
    return reply.code(201).send(session);
  });
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
