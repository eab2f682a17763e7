/**
 * Calls to one Mews account: `POST {baseUrl}/api/connector/v1/{operation}` with the tokens and the client
 * name in the JSON body, a timeout per call, answers parsed with zod and errors mapped to HttpProblem
 * (429 → RATE_LIMITED with Retry-After's wait).
 *
 * Retries: reads are repeated, where worth it, by the resilience wrapper every adapter gets
 * (`resilience/`), which never repeats adding or deleting codes (a lost answer may hide a done change).
 * A 429, though, is answered before any work: so for those two this client waits out a short Retry-After
 * (≤ 2 s) and tries once more, instead of making the person at the back office click again.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { z } from "zod";
import { HttpProblem } from "../../errors/http-problem.ts";
import { retryAfterSeconds, type UpstreamResponse, upstreamFetch } from "../http.ts";
import type { MewsAccount } from "./account.schema.ts";
import { type MewsOperation, mewsProblem } from "./errors.ts";

export interface MewsDeps {
  fetch?: typeof fetch;
  now?: () => number;
  /** Waits before the polite retry of a rate-limited add or delete (tests pass a fake). */
  sleep?: (ms: number) => Promise<void>;
  /** The longest `Retry-After` (seconds) an add or delete waits out inside one request. Default 2. */
  maxRetryWaitSeconds?: number;
}

export class MewsClient {
  private readonly base: string;

  constructor(
    private readonly account: MewsAccount,
    private readonly deps: MewsDeps = {},
  ) {
    this.base = account.baseUrl.replace(/\/+$/, "");
  }

  /** One operation (`voucherCodes/getAll`, …); resolves with the parsed 2xx answer, rejects with HttpProblem. */
  async call<T>(operation: string, body: object, schema: z.ZodType<T>, op: MewsOperation): Promise<T> {
    let response = await this.send(operation, body, op);
    if (response.status === 429 && (op === "add" || op === "delete")) {
      const wait = retryAfterSeconds(response.headers);
      if (wait !== undefined && wait <= (this.deps.maxRetryWaitSeconds ?? 2)) {
        await (this.deps.sleep ?? sleep)(wait * 1000);
        response = await this.send(operation, body, op);
      }
    }
    if (response.status < 200 || response.status > 299) throw mewsProblem(response, op);
    const parsed = schema.safeParse(response.body);
    if (!parsed.success) {
      // A 2xx we cannot read still means Mews did the work.
      throw new HttpProblem("PROVIDER_ERROR", "Mews sent an answer we cannot read.", {
        outcomeUnknown: op === "add" || op === "delete",
      });
    }
    return parsed.data;
  }

  private send(operation: string, body: object, op: MewsOperation): Promise<UpstreamResponse> {
    const { credentials, client } = this.account;
    return upstreamFetch("Mews", {
      method: "POST",
      url: `${this.base}/api/connector/v1/${operation}`,
      json: { ClientToken: credentials.clientToken, AccessToken: credentials.accessToken, Client: client, ...body },
      timeoutMs: this.account.timeoutMs,
      // Adding or deleting codes creates or changes something: a lost answer leaves the outcome unknown.
      movesMoney: op === "add" || op === "delete",
      fetch: this.deps.fetch,
    });
  }
}
