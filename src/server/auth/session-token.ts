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

/** Tokens remembered as verified, at most (a terminal sends the same token with every call). */
export const VERIFIED_TOKENS_KEPT = 10_000;

/**
 * Signs and verifies session tokens with one symmetric key. A token that verified is remembered with its
 * claims and expiry, so the next call with it costs a map lookup, not a signature check; it is still
 * refused from the second its `exp` passes. A forged token never verifies and so is never remembered.
 */
export function createSessionTokens(signingKey: Uint8Array, now: () => number = Date.now): SessionTokens {
  // Imported once: given the raw bytes, jose imports a WebCrypto key on every verify.
  const key = crypto.subtle.importKey("raw", new Uint8Array(signingKey), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
    "verify",
  ]);
  key.catch(() => {}); // A key that cannot be imported fails each issue and verify, never the process.
  const verified = new Map<string, { claims: SessionClaims; expiresAtMs: number }>();
  const remember = (token: string, claims: SessionClaims, expiresAtMs: number) => {
    // Oldest first out: a Map iterates in insertion order.
    if (verified.size >= VERIFIED_TOKENS_KEPT) verified.delete(verified.keys().next().value as string);
    verified.set(token, { claims, expiresAtMs });
  };
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
        .sign(await key);
      return { token, expiresAt: new Date(exp * 1000).toISOString() };
    },
    async verify(token) {
      const known = verified.get(token);
      if (known && now() < known.expiresAtMs) return known.claims;
      if (known) verified.delete(token);
      try {
        const { payload } = await jwtVerify(token, await key, {
          issuer: ISSUER,
          audience: AUDIENCE,
          algorithms: ["HS256"],
          currentDate: new Date(now()),
        });
        const abl = Array.isArray(payload.abl) ? payload.abl : [];
        if (typeof payload.acc !== "string" || typeof payload.sub !== "string") throw new Error("claims");
        if (typeof payload.exp !== "number") throw new Error("no expiry");
        const claims: SessionClaims = {
          account: payload.acc,
          terminalId: payload.sub,
          abilities: abl.filter((a): a is Ability => (allAbilities as readonly unknown[]).includes(a)),
        };
        remember(token, claims, payload.exp * 1000);
        return claims;
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
