/**
 * OAuth 2 client-credentials grant (RFC 6749 §4.4) with the credentials in the form body, as JTL asks.
 * Returns the fetcher a TokenCache calls; errors never carry the secret or the token.
 */
import { z } from "zod";
import { HttpProblem } from "../../errors/http-problem.ts";
import { statusProblem, upstreamFetch } from "../http.ts";
import type { FetchedToken } from "./token-cache.ts";

export interface ClientCredentialsOptions {
  /** Provider name for messages, e.g. "JTL". */
  provider: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Space-separated scopes to ask for; absent → whatever the client is granted. */
  scope?: string;
  /** Extra form fields the provider takes (JTL: `client_type`). */
  extra?: Record<string, string | undefined>;
  timeoutMs: number;
  fetch?: typeof fetch;
}

const TokenResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.string().refine((t) => t.toLowerCase() === "bearer", "a Bearer token"),
  expires_in: z.coerce.number().positive().optional(),
});

/** A `fetchToken` for TokenCache that runs the client-credentials grant. */
export function clientCredentialsFetcher(options: ClientCredentialsOptions): () => Promise<FetchedToken> {
  return async () => {
    const form: Record<string, string> = {
      grant_type: "client_credentials",
      client_id: options.clientId,
      client_secret: options.clientSecret,
    };
    if (options.scope) form.scope = options.scope;
    for (const [key, value] of Object.entries(options.extra ?? {})) if (value !== undefined) form[key] = value;

    const response = await upstreamFetch(options.provider, {
      method: "POST",
      url: options.tokenUrl,
      form,
      timeoutMs: options.timeoutMs,
      fetch: options.fetch,
    });
    if (response.status === 400 || response.status === 401) {
      const error = (response.body as { error?: unknown } | null)?.error;
      const reason = typeof error === "string" && /^[a-z_]{1,40}$/.test(error) ? ` (${error})` : "";
      throw new HttpProblem(
        "PROVIDER_ERROR",
        `${options.provider} refused the configured client credentials${reason}.`,
      );
    }
    if (response.status !== 200) throw statusProblem(options.provider, response);
    const parsed = TokenResponse.safeParse(response.body);
    if (!parsed.success) {
      throw new HttpProblem("PROVIDER_ERROR", `${options.provider} sent a token answer that is not OAuth 2.`);
    }
    return { accessToken: parsed.data.access_token, expiresInSeconds: parsed.data.expires_in };
  };
}
