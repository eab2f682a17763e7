/**
 * Turns a request's session token into the services' RequestContext, refusing unknown accounts and
 * browser origins the account does not allow.
 */
import type { FastifyRequest } from "fastify";
import type { Ability } from "../../shared/index.ts";
import { bearerToken, type SessionTokens } from "../auth/session-token.ts";
import { HttpProblem } from "../errors/http-problem.ts";
import type { AccountRuntime, RequestContext } from "../services/types.ts";
import { originAllowed } from "./origins.ts";

/** An account at run time: what the services need plus who may call it from a browser. */
export interface Account extends AccountRuntime {
  provider: string;
  allowedOrigins: readonly string[];
}

export function createAuthenticator(tokens: SessionTokens, accounts: ReadonlyMap<string, Account>) {
  return async (request: FastifyRequest): Promise<RequestContext & { account: Account }> => {
    const token = bearerToken(request.headers.authorization);
    if (!token) throw new HttpProblem("UNAUTHORIZED", "Send the session token as Authorization: Bearer <token>.");
    const claims = await tokens.verify(token);
    const account = accounts.get(claims.account);
    if (!account) throw new HttpProblem("UNAUTHORIZED", "The session token names an account that is not configured.");
    const origin = request.headers.origin;
    if (origin && !originAllowed(origin, account.allowedOrigins)) {
      throw new HttpProblem("FORBIDDEN", "This page's origin is not allowed for the account.");
    }
    return { account, terminalId: claims.terminalId, abilities: claims.abilities };
  };
}

/** Throws FORBIDDEN unless the session may do `ability`. */
export function requireAbility(ctx: RequestContext, ability: Ability): void {
  if (!ctx.abilities.includes(ability)) {
    throw new HttpProblem("FORBIDDEN", `This session may not ${ability}.`);
  }
}
