/**
 * Session tokens for the widget: short-lived HS256 JWTs (jose) naming the account, the terminal and the
 * abilities. The browser holds only this token, never a provider credential or the merchant's API key.
 */
import { jwtVerify, SignJWT } from "jose";
import { type Ability, abilities as allAbilities } from "../../shared/index.ts";
import { HttpProblem } from "../errors/http-problem.ts";

const ISSUER = "voucher-widget-bff";
const AUDIENCE = "voucher-widget/v1";

export interface SessionClaims {
  account: string;
  terminalId: string;
  abilities: Ability[];
}

export interface SessionTokens {
  issue(claims: SessionClaims, ttlSeconds: number): Promise<{ token: string; expiresAt: string }>;
  verify(token: string): Promise<SessionClaims>;
}

/** Signs and verifies session tokens with one symmetric key. */
export function createSessionTokens(signingKey: Uint8Array, now: () => number = Date.now): SessionTokens {
  return {
    async issue(claims, ttlSeconds) {
      const issuedAt = Math.floor(now() / 1000);
      const exp = issuedAt + ttlSeconds;
      const token = await new SignJWT({ acc: claims.account, abl: claims.abilities })
        .setProtectedHeader({ alg: "HS256", typ: "JWT" })
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setSubject(claims.terminalId)
        .setIssuedAt(issuedAt)
        .setExpirationTime(exp)
        .sign(signingKey);
      return { token, expiresAt: new Date(exp * 1000).toISOString() };
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, signingKey, {
          issuer: ISSUER,
          audience: AUDIENCE,
          algorithms: ["HS256"],
          currentDate: new Date(now()),
        });
        const abl = Array.isArray(payload.abl) ? payload.abl : [];
        if (typeof payload.acc !== "string" || typeof payload.sub !== "string") throw new Error("claims");
        return {
          account: payload.acc,
          terminalId: payload.sub,
          abilities: abl.filter((a): a is Ability => (allAbilities as readonly unknown[]).includes(a)),
        };
      } catch {
        throw new HttpProblem("UNAUTHORIZED", "The session token is missing, expired or not valid.");
      }
    },
  };
}

/** The bearer token from an Authorization header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S{1,4096})$/i.exec(header ?? "");
  return match?.[1] ?? null;
}
