/**
 * Calls to one Tevalis account: the static credential headers on every request, a timeout per call, JSON
 * answers parsed with zod, and HTTP errors mapped to HttpProblem. Tevalis documents no HTTP errors, so the
 * mapping reads ASP.NET Web API's stock ones (401 for refused credentials, 400 with `ModelState`).
 */
import type { z } from "zod";
import { HttpProblem } from "../../errors/http-problem.ts";
import { statusProblem, type UpstreamResponse, upstreamFetch } from "../http.ts";
import type { TevalisAccount } from "./account.schema.ts";
import { ModelStateBody } from "./schemas.ts";

export interface TevalisDeps {
  fetch?: typeof fetch;
  now?: () => number;
}

const PROVIDER = "Tevalis";

/** The fields Web API named in a 400's `ModelState` (`command.SerialNumber` → `SerialNumber`), identifier-shaped only. */
export function refusedFields(response: UpstreamResponse): string[] {
  const parsed = ModelStateBody.safeParse(response.body);
  if (!parsed.success || !parsed.data.ModelState) return [];
  return Object.keys(parsed.data.ModelState)
    .map((key) => key.replace(/^command\.?/, ""))
    .filter((field) => /^[A-Za-z0-9_]{1,40}$/.test(field));
}

export class TevalisClient {
  private readonly base: string;

  constructor(
    private readonly account: TevalisAccount,
    private readonly deps: TevalisDeps = {},
  ) {
    this.base = account.baseUrl.replace(/\/+$/, "");
  }

  private headers(): Record<string, string> {
    const c = this.account.credentials;
    return {
      CompanyID: String(c.companyId),
      GUID: c.guid,
      DeveloperID: c.developerId,
      ...(c.guid2 ? { GUID2: c.guid2 } : {}),
    };
  }

  /** Sends one request and returns the answer whatever its status (network failures reject). */
  send(method: "GET" | "POST", path: string, json?: unknown, movesMoney = false): Promise<UpstreamResponse> {
    return upstreamFetch(PROVIDER, {
      method,
      url: `${this.base}${path}`,
      headers: this.headers(),
      json,
      timeoutMs: this.account.timeoutMs,
      movesMoney,
      fetch: this.deps.fetch,
    });
  }

  /** The parsed 2xx answer, or the HttpProblem for anything else. */
  read<T>(response: UpstreamResponse, schema: z.ZodType<T>, movesMoney = false): T {
    if (response.status === 401 || response.status === 403) {
      throw new HttpProblem("PROVIDER_ERROR", "Tevalis refused the configured credentials.");
    }
    if (response.status === 400) {
      const fields = refusedFields(response);
      const which = fields.length ? ` (${fields.join(", ")})` : "";
      throw new HttpProblem("PROVIDER_ERROR", `Tevalis refused the request${which}.`);
    }
    if (response.status < 200 || response.status > 299) throw statusProblem(PROVIDER, response, { movesMoney });
    const parsed = schema.safeParse(response.body);
    if (!parsed.success) {
      // A 2xx we cannot read still means Tevalis did the work.
      throw new HttpProblem("PROVIDER_ERROR", "Tevalis sent an answer we cannot read.", { outcomeUnknown: movesMoney });
    }
    return parsed.data;
  }

  /** A GET with query parameters, parsed. */
  async get<T>(path: string, query: Record<string, string>, schema: z.ZodType<T>): Promise<T> {
    const qs = new URLSearchParams(query).toString();
    return this.read(await this.send("GET", qs ? `${path}?${qs}` : path), schema);
  }
}
