/**
 * Authorized calls to one Spaaza account: session headers from the account's login session (logging in
 * again once when Spaaza refuses it), form-encoded parameters, a timeout per call, the `{result, results}`
 * envelope (or the bare resource of the Resources API) parsed with zod, errors and warnings mapped to
 * HttpProblem.
 */
import type { z } from "zod";
import { HttpProblem } from "../../errors/http-problem.ts";
import { type UpstreamResponse, upstreamFetch } from "../http.ts";
import type { TokenCache } from "../oauth/token-cache.ts";
import type { SpaazaAccount } from "./account.schema.ts";
import { type SpaazaOperation, spaazaErrorName, spaazaProblem } from "./errors.ts";
import { OkEnvelope } from "./schemas.ts";
import { parseSession, SPAAZA_API_VERSION, sessionCache, sessionHeaders } from "./session.ts";

export interface SpaazaDeps {
  fetch?: typeof fetch;
  /** Clock (ms) for session lifetimes and voucher expiry, for tests. */
  now?: () => number;
}

export interface SpaazaCall {
  method: "GET" | "PUT" | "POST";
  /** Path below the host root, query included. */
  path: string;
  form?: Record<string, string>;
  /** A Resources API call: chain header, and the answer is the resource itself. */
  resource?: boolean;
  /** A lost or unreadable answer leaves money in an unknown state. */
  movesMoney?: boolean;
}

/** Warnings inside a 200 that mean "nothing was done" (the docs show 183 as a warning). */
const REFUSING_WARNINGS = new Set(["voucher_not_found"]);

const refused = (r: UpstreamResponse) => r.status === 401 || spaazaErrorName(r.body) === "no_valid_session";

export class SpaazaClient {
  readonly base: string;
  private readonly sessions: TokenCache;

  constructor(
    private readonly account: SpaazaAccount,
    private readonly deps: SpaazaDeps = {},
  ) {
    this.base = account.baseUrl.replace(/\/+$/, "");
    this.sessions = sessionCache(account, this.base, deps);
  }

  /** One call; resolves with the parsed results, rejects with HttpProblem. */
  async call<T>(op: SpaazaOperation, call: SpaazaCall, schema: z.ZodType<T>): Promise<T> {
    const movesMoney = call.movesMoney ?? false;
    // Spaaza refuses a session before doing any work, so the one retry cannot move money twice.
    const response = await this.sessions.withToken((token) => this.send(call, token), refused);
    if (response.status !== 200) throw spaazaProblem(response, op, movesMoney);

    let results: unknown = response.body;
    if (!call.resource) {
      const envelope = OkEnvelope.safeParse(response.body);
      if (!envelope.success) throw this.unreadable(movesMoney);
      const warning = envelope.data.warnings?.find((w) => REFUSING_WARNINGS.has(w.name));
      if (warning) throw spaazaProblem(response, op, false, warning.name);
      results = envelope.data.results;
    }
    const parsed = schema.safeParse(results);
    if (!parsed.success) throw this.unreadable(movesMoney);
    return parsed.data;
  }

  private send(call: SpaazaCall, token: string): Promise<UpstreamResponse> {
    const headers: Record<string, string> = {
      ...sessionHeaders(parseSession(token)),
      "x-spaaza-api-version": SPAAZA_API_VERSION,
    };
    if (call.resource) headers["x-spaaza-chain-id"] = String(this.account.chainId);
    return upstreamFetch("Spaaza", {
      method: call.method,
      url: `${this.base}${call.path}`,
      headers,
      form: call.form,
      timeoutMs: this.account.timeoutMs,
      movesMoney: call.movesMoney,
      fetch: this.deps.fetch,
    });
  }

  /** A 200 we cannot read still means Spaaza did the work. */
  private unreadable(movesMoney: boolean): HttpProblem {
    return new HttpProblem("PROVIDER_ERROR", "Spaaza sent an answer we cannot read.", { outcomeUnknown: movesMoney });
  }
}
