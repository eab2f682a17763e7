/** Small HTTP helpers for the client: deadlines, problem bodies, and where answers keep the server's time. */
import { Problem } from "../shared/contract.schema.ts";
import { ApiError, ClientErrorCode } from "./api-error.ts";

/** The server timestamp in an answer (top level, or the hold's), to feed the clock. */
export function findServerTime(data: unknown): string | undefined {
  if (typeof data !== "object" || data === null) return undefined;
  const record = data as Record<string, unknown>;
  if (typeof record.serverTime === "string") return record.serverTime;
  const hold = record.hold as Record<string, unknown> | undefined;
  return typeof hold?.serverTime === "string" ? hold.serverTime : undefined;
}

function retryAfter(response: Response): number | undefined {
  const value = Number(response.headers.get("Retry-After"));
  return Number.isInteger(value) && value >= 0 ? value : undefined;
}

/** The caller's signal plus a deadline; `timedOut` tells the two apart afterwards. */
export function withDeadline(outer: AbortSignal, ms: number) {
  const inner = new AbortController();
  const follow = () => inner.abort(outer.reason);
  if (outer.aborted) follow();
  else outer.addEventListener("abort", follow, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    inner.abort();
  }, ms);
  return {
    signal: inner.signal,
    timedOut: () => timedOut,
    done() {
      clearTimeout(timer);
      outer.removeEventListener("abort", follow);
    },
  };
}

/** The error for a call that got no answer (network down, reset, or past its deadline). */
export const noAnswer = (cause: unknown) =>
  new ApiError(ClientErrorCode.NETWORK_ERROR, { detail: "the request got no answer", cause });

/** Builds an ApiError from a non-2xx answer: the problem body when it is one, the status otherwise. */
export async function problemFrom(response: Response): Promise<ApiError> {
  const parsed = Problem.safeParse(await response.json().catch(() => undefined));
  if (parsed.success) {
    const p = parsed.data;
    return new ApiError(p.code, {
      status: response.status,
      retryable: p.retryable,
      retryAfterSeconds: p.retryAfterSeconds ?? retryAfter(response),
      detail: p.detail ?? p.title,
      errors: p.errors,
    });
  }
  // Not a problem body: a proxy or load balancer answered. Only its status says anything.
  return new ApiError(ClientErrorCode.BAD_RESPONSE, {
    status: response.status,
    retryable: response.status >= 500 || response.status === 429,
    retryAfterSeconds: retryAfter(response),
    detail: `HTTP ${response.status} without a problem body`,
  });
}
