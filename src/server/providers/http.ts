/**
 * The one way provider adapters talk HTTP: fetch with a per-call timeout, JSON or form bodies, and
 * network failures turned into HttpProblem. Status codes are left to the adapter (each provider says
 * "no" differently); `statusProblem` holds the mapping they share (429, 5xx, the rest).
 */
import { HttpProblem } from "../errors/http-problem.ts";
import { currentGuard, isFailureStatus } from "./resilience/upstream-guard.ts";

export interface UpstreamRequest {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  url: string;
  headers?: Record<string, string>;
  /** Sent as `application/json`. */
  json?: unknown;
  /** Sent as `application/x-www-form-urlencoded`. */
  form?: Record<string, string>;
  timeoutMs: number;
  /**
   * True when the call may move money or create something upstream: a lost answer then leaves the outcome
   * unknown, and the HttpProblem says so (`outcomeUnknown`), so the caller finds out before retrying.
   */
  movesMoney?: boolean;
  fetch?: typeof fetch;
}

export interface UpstreamResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON when the body is JSON, the text otherwise, null when empty. */
  body: unknown;
}

/** The provider's name for messages ("JTL"), never a URL with credentials in it. */
export type ProviderLabel = string;

/**
 * Sends one request. Resolves with any HTTP status; rejects only with HttpProblem PROVIDER_UNAVAILABLE
 * when no complete answer arrived (refused, reset, timed out, body cut off), or when the account's
 * circuit is open (then nothing was sent). Inside a wrapped adapter (`resilience/`), the account's breaker
 * sees every request and how it ended.
 */
export async function upstreamFetch(provider: ProviderLabel, req: UpstreamRequest): Promise<UpstreamResponse> {
  const headers: Record<string, string> = { accept: "application/json", ...req.headers };
  let body: string | undefined;
  if (req.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(req.json);
  } else if (req.form !== undefined) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams(req.form).toString();
  }
  const doFetch = req.fetch ?? fetch;
  // Refuses here, before anything is sent, while the account's circuit is open.
  const ticket = currentGuard()?.beforeRequest({ movesMoney: req.movesMoney ?? false });
  try {
    const response = await doFetch(req.url, {
      method: req.method,
      headers,
      body,
      signal: AbortSignal.timeout(req.timeoutMs),
      redirect: "error",
    });
    // Reading the body is inside the try: a connection cut after the headers is a lost answer too.
    const text = await response.text();
    ticket?.settle(isFailureStatus(response.status) ? "failed" : "answered");
    return { status: response.status, headers: response.headers, body: parseBody(text, response.headers) };
  } catch (error) {
    ticket?.settle("failed");
    const timedOut = error instanceof DOMException && error.name === "TimeoutError";
    const what = timedOut
      ? `did not answer within ${req.timeoutMs} ms`
      : "could not be reached or dropped the connection";
    throw new HttpProblem("PROVIDER_UNAVAILABLE", `${provider} ${what}.`, {
      outcomeUnknown: req.movesMoney ?? false,
      cause: error,
    });
  }
}

function parseBody(text: string, headers: Headers): unknown {
  if (text === "") return null;
  if (/json/i.test(headers.get("content-type") ?? "")) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

/** Seconds from a `Retry-After` header (delta-seconds or an HTTP date), or undefined. */
export function retryAfterSeconds(headers: Headers, nowMs = Date.now()): number | undefined {
  const value = headers.get("retry-after")?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - nowMs) / 1000));
}

/**
 * The status mapping every adapter shares, for answers its own mapping did not explain: 429 → RATE_LIMITED
 * (with Retry-After), 408/5xx → PROVIDER_UNAVAILABLE (outcome unknown when money may have moved), anything
 * else → PROVIDER_ERROR. `detail` must already be free of codes, PINs and secrets.
 */
export function statusProblem(
  provider: ProviderLabel,
  response: UpstreamResponse,
  options: { movesMoney?: boolean; detail?: string } = {},
): HttpProblem {
  const { status } = response;
  if (status === 429) {
    return new HttpProblem("RATE_LIMITED", `${provider} is limiting requests.`, {
      retryAfterSeconds: retryAfterSeconds(response.headers),
    });
  }
  if (status === 408 || status >= 500) {
    return new HttpProblem("PROVIDER_UNAVAILABLE", `${provider} answered ${status}.`, {
      outcomeUnknown: options.movesMoney ?? false,
      retryAfterSeconds: retryAfterSeconds(response.headers),
    });
  }
  return new HttpProblem("PROVIDER_ERROR", options.detail ?? `${provider} answered ${status}.`);
}
