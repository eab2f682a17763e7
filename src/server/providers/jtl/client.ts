/**
 * Authorized JSON calls to one JTL account: Bearer token from the account's token cache (one retry after a
 * 401), a timeout per call, answers parsed with zod, errors mapped to HttpProblem.
 */
import type { z } from "zod";
import type { JtlAccount } from "../../config/account.schema.ts";
import { HttpProblem } from "../../errors/http-problem.ts";
import { upstreamFetch } from "../http.ts";
import { clientCredentialsFetcher } from "../oauth/client-credentials.ts";
import { TokenCache } from "../oauth/token-cache.ts";
import { type JtlOperation, jtlProblem } from "./errors.ts";

export interface JtlDeps {
  fetch?: typeof fetch;
  now?: () => number;
}

export interface JtlCall {
  method: "GET" | "POST" | "PATCH";
  /** Path below the host root, e.g. `/v1/reservations`, query included. */
  path: string;
  json?: unknown;
  /** A lost or unreadable answer leaves money (or a new voucher) in an unknown state. */
  movesMoney?: boolean;
}

export class JtlClient {
  private readonly base: string;
  private readonly tokens: TokenCache;

  constructor(
    private readonly account: JtlAccount,
    private readonly deps: JtlDeps = {},
  ) {
    this.base = account.baseUrl.replace(/\/+$/, "");
    this.tokens = new TokenCache({
      now: deps.now,
      fetchToken: clientCredentialsFetcher({
        provider: "JTL",
        tokenUrl: `${this.base}/oauth/token`,
        clientId: account.credentials.clientId,
        clientSecret: account.credentials.clientSecret,
        extra: { client_type: account.credentials.clientType },
        timeoutMs: account.timeoutMs,
        fetch: deps.fetch,
      }),
    });
  }

  /** One call; resolves with the parsed 2xx answer, rejects with HttpProblem. */
  async call<T>(op: JtlOperation, call: JtlCall, schema: z.ZodType<T>): Promise<T> {
    const movesMoney = call.movesMoney ?? false;
    // A 401 is answered before any work is done, so the retry cannot move money twice.
    const response = await this.tokens.withToken(
      (token) =>
        upstreamFetch("JTL", {
          method: call.method,
          url: `${this.base}${call.path}`,
          headers: { authorization: `Bearer ${token}` },
          json: call.json,
          timeoutMs: this.account.timeoutMs,
          movesMoney,
          fetch: this.deps.fetch,
        }),
      (r) => r.status === 401,
    );
    if (response.status < 200 || response.status > 299) throw jtlProblem(response, op, movesMoney);
    const parsed = schema.safeParse(response.body);
    if (!parsed.success) {
      // A 2xx we cannot read still means JTL did the work.
      throw new HttpProblem("PROVIDER_ERROR", "JTL sent an answer we cannot read.", { outcomeUnknown: movesMoney });
    }
    return parsed.data;
  }
}
