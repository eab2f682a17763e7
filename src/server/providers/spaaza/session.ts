/**
 * Spaaza login sessions, one per account: `POST /auth/login` with the admin login (form-encoded), the
 * session key kept in a TokenCache (single flight: concurrent callers share one login; refreshed a little
 * before its 336 hours end) and dropped once when Spaaza refuses it. Errors never carry the password or
 * the session key.
 */
import { HttpProblem } from "../../errors/http-problem.ts";
import { statusProblem, upstreamFetch } from "../http.ts";
import { TokenCache } from "../oauth/token-cache.ts";
import type { SpaazaAccount } from "./account.schema.ts";
import { spaazaErrorName } from "./errors.ts";
import { LoginResults, OkEnvelope } from "./schemas.ts";

/** The API version we speak; the Resources API needs at least 1.6.1. */
export const SPAAZA_API_VERSION = "1.6.1";

/** Used when Spaaza does not say how long a session lives (it documents 336 hours). */
const DEFAULT_VALIDITY_HOURS = 336;

export interface SpaazaSession {
  userId: string;
  key: string;
}

/** The headers that authenticate one call. No MyPrice hostname: Spaaza wants none for admin logins. */
export function sessionHeaders(session: SpaazaSession): Record<string, string> {
  return { "x-spaaza-session-user-id": session.userId, "x-spaaza-session-key": session.key };
}

/** A TokenCache whose "token" is `<user id>:<session key>` (see `parseSession`). */
export function sessionCache(
  account: SpaazaAccount,
  base: string,
  deps: { fetch?: typeof fetch; now?: () => number },
): TokenCache {
  return new TokenCache({
    now: deps.now,
    fetchToken: async () => {
      const response = await upstreamFetch("Spaaza", {
        method: "POST",
        url: `${base}/auth/login`,
        headers: { "x-spaaza-api-version": SPAAZA_API_VERSION },
        form: { username: account.credentials.username, password: account.credentials.password },
        timeoutMs: account.timeoutMs,
        fetch: deps.fetch,
      });
      if (response.status !== 200) {
        const name = spaazaErrorName(response.body);
        if (response.status === 429 || response.status >= 500) throw statusProblem("Spaaza", response);
        throw new HttpProblem("PROVIDER_ERROR", `Spaaza refused the configured login${name ? ` (${name})` : ""}.`);
      }
      const envelope = OkEnvelope.safeParse(response.body);
      const results = envelope.success ? LoginResults.safeParse(envelope.data.results) : undefined;
      if (!results?.success) throw new HttpProblem("PROVIDER_ERROR", "Spaaza sent a login answer we cannot read.");
      const info = results.data.session_info;
      if (!info) {
        throw new HttpProblem(
          "PROVIDER_ERROR",
          "Spaaza asks this login for a 2FA passcode; configure an admin login that is exempt from 2FA.",
        );
      }
      const hours = Number(info.session_key_validity ?? DEFAULT_VALIDITY_HOURS);
      return {
        accessToken: `${info.session_user_id}:${info.session_key}`,
        expiresInSeconds: Number.isFinite(hours) && hours > 0 ? hours * 3600 : undefined,
      };
    },
  });
}

/** Splits the cached `<user id>:<session key>`. */
export function parseSession(token: string): SpaazaSession {
  const at = token.indexOf(":");
  return { userId: token.slice(0, at), key: token.slice(at + 1) };
}
