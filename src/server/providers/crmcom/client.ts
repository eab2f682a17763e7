/**
 * Calls to one CRM.COM account. The login token is cached per account (single flight) and passed as the
 * parameter `token`: in the query for GET, in the JSON body for POST. A refused token (INVALID_TOKEN, or
 * HTTP 401) is replaced once by a fresh login; CRM.COM refuses a token before doing any work, so the retry
 * cannot use a voucher twice. Answers are read by their envelope's `status.code`, never by HTTP status
 * alone (CRM.COM's error statuses are not documented).
 */
import type { z } from "zod";
import { HttpProblem } from "../../errors/http-problem.ts";
import { statusProblem, type UpstreamResponse, upstreamFetch } from "../http.ts";
import type { FetchedToken } from "../oauth/token-cache.ts";
import { TokenCache } from "../oauth/token-cache.ts";
import type { CrmcomAccount } from "./account.schema.ts";
import { type CrmOperation, crmProblem } from "./errors.ts";
import { Envelope, TokenData } from "./schemas.ts";

export interface CrmcomDeps {
  fetch?: typeof fetch;
  now?: () => number;
}

const PROVIDER = "CRM.COM";

const envelopeCode = (body: unknown): string | undefined => Envelope.safeParse(body).data?.status.code;

export class CrmcomClient {
  private readonly base: string;
  private readonly tokens: TokenCache;

  constructor(
    private readonly account: CrmcomAccount,
    private readonly deps: CrmcomDeps = {},
  ) {
    this.base = account.baseUrl.replace(/\/+$/, "");
    this.tokens = new TokenCache({
      now: deps.now,
      // CRM.COM states no lifetime in its answer: the configured one (two hours from R12) is used.
      defaultLifetimeSeconds: account.tokenLifetimeSeconds,
      fetchToken: () => this.login(),
    });
  }

  private async login(): Promise<FetchedToken> {
    const { username, password, organisation, unit } = this.account.credentials;
    const response = await upstreamFetch(PROVIDER, {
      method: "POST",
      url: `${this.base}/authentication/token`,
      json: { username, password, organisation, ...(unit ? { unit } : {}) },
      timeoutMs: this.account.timeoutMs,
      fetch: this.deps.fetch,
    });
    const envelope = Envelope.safeParse(response.body);
    if (envelope.success && envelope.data.status.code !== "OK") {
      throw new HttpProblem("PROVIDER_ERROR", "CRM.COM refused the configured login.");
    }
    if (response.status < 200 || response.status > 299) throw statusProblem(PROVIDER, response);
    const token = TokenData.safeParse(envelope.data?.data);
    if (!token.success) throw new HttpProblem("PROVIDER_ERROR", "CRM.COM sent a login answer we cannot read.");
    return { accessToken: token.data.token };
  }

  /** `GET <method>?token=…&<params>`; resolves with the parsed `data`. */
  get<T>(op: CrmOperation, method: string, params: Record<string, string>, schema: z.ZodType<T>): Promise<T> {
    return this.call(op, schema, false, (token) => {
      const query = new URLSearchParams({ token, ...params });
      return { method: "GET", url: `${this.base}/${method}?${query}` };
    });
  }

  /** `POST <method>` with `{token, …body}`; resolves with the parsed `data`. */
  post<T>(op: CrmOperation, method: string, body: object, schema: z.ZodType<T>, movesMoney = false): Promise<T> {
    return this.call(op, schema, movesMoney, (token) => ({
      method: "POST",
      url: `${this.base}/${method}`,
      json: { token, ...body },
    }));
  }

  private async call<T>(
    op: CrmOperation,
    schema: z.ZodType<T>,
    movesMoney: boolean,
    build: (token: string) => { method: "GET" | "POST"; url: string; json?: unknown },
  ): Promise<T> {
    const response: UpstreamResponse = await this.tokens.withToken(
      (token) =>
        upstreamFetch(PROVIDER, {
          ...build(token),
          timeoutMs: this.account.timeoutMs,
          movesMoney,
          fetch: this.deps.fetch,
        }),
      (r) => r.status === 401 || envelopeCode(r.body) === "INVALID_TOKEN",
    );
    const { status } = response;
    if (status === 408 || status === 429 || status >= 500) throw statusProblem(PROVIDER, response, { movesMoney });
    const envelope = Envelope.safeParse(response.body);
    if (envelope.success && envelope.data.status.code !== "OK") throw crmProblem(envelope.data.status.code, op);
    if (status < 200 || status > 299) throw statusProblem(PROVIDER, response, { movesMoney });
    const data = envelope.success ? schema.safeParse(envelope.data.data) : undefined;
    if (!data?.success) {
      // A 2xx we cannot read may still mean CRM.COM did the work.
      throw new HttpProblem("PROVIDER_ERROR", "CRM.COM sent an answer we cannot read.", { outcomeUnknown: movesMoney });
    }
    return data.data;
  }
}
