/**
 * The browser client for the access-code admin routes (`codesRoutes` in `src/shared/voucher-codes.schema.ts`),
 * built from the same pieces as the widget's client: deadlines, problem bodies → ApiError, per-intent
 * idempotency keys, one token refresh after a 401. Kept apart from `client.ts` so `<voucher-codes>` and
 * `<voucher-widget>` each bundle only the contract they use.
 */
import type { z } from "zod/mini";
import {
  type AddAccessCodesRequest,
  type CodesRouteName,
  codesRoutes,
  type DeleteAccessCodesRequest,
  type ListAccessCodesQuery,
} from "../shared/voucher-codes.schema.ts";
import { ApiError, ClientErrorCode } from "./api-error.ts";
import type { CallOptions, TokenProvider } from "./client.ts";
import { noAnswer, problemFrom, withDeadline } from "./http.ts";
import { IntentKeys } from "./idempotency.ts";

export interface CodesClientOptions {
  /** The BFF's origin (and path prefix, if any); empty for the page's own origin. */
  baseUrl: string;
  token?: string;
  tokenProvider?: TokenProvider;
  fetch?: typeof fetch;
  /** Gives up on a call after this long. Default 30 s. */
  timeoutMs?: number;
}

type Answer<N extends CodesRouteName> = z.output<(typeof codesRoutes)[N]["response"]>;

/** Creates a client for the codes admin of the account the token belongs to. */
export function createCodesClient(options: CodesClientOptions) {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const intents = new IntentKeys();
  let token = options.token;

  /** A fresh token from the provider; a failing provider is an expired session, not a network fault. */
  async function refresh(reason: "missing" | "rejected"): Promise<void> {
    try {
      token = await options.tokenProvider!(reason);
    } catch (cause) {
      throw cause instanceof ApiError
        ? cause
        : new ApiError("UNAUTHORIZED", { detail: "token provider failed", cause });
    }
  }

  async function send(name: CodesRouteName, url: string, body: unknown, key: string | undefined, signal: AbortSignal) {
    const headers: Record<string, string> = { Accept: "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (token) headers.Authorization = `Bearer ${token}`;
    if (key) headers["Idempotency-Key"] = key;
    return (options.fetch ?? fetch)(url, {
      method: codesRoutes[name].method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
      credentials: "omit",
    });
  }

  async function call<N extends CodesRouteName>(
    name: N,
    query: string,
    body: unknown,
    opts: CallOptions,
  ): Promise<Answer<N>> {
    const route = codesRoutes[name];
    const url = `${baseUrl}${route.path}${query}`;
    const fingerprint = `${route.method} ${url} ${JSON.stringify(body ?? null)}`;
    const key = route.idempotent ? (opts.idempotencyKey ?? intents.keyFor(fingerprint)) : undefined;
    const deadline = withDeadline(opts.signal, options.timeoutMs ?? 30_000);
    try {
      if (!token && options.tokenProvider) await refresh("missing");
      let response = await send(name, url, body, key, deadline.signal);
      if (response.status === 401 && options.tokenProvider) {
        await refresh("rejected");
        response = await send(name, url, body, key, deadline.signal);
      }
      if (!response.ok) {
        const error = await problemFrom(response);
        // A retryable refusal means "the same request may succeed later": keep the key for that retry.
        if (!error.retryable) intents.settle(fingerprint);
        throw error;
      }
      const parsed = route.response.safeParse(await response.json().catch(() => undefined));
      // A cancelled call's answer is never used, even when it arrived.
      opts.signal.throwIfAborted();
      if (!parsed.success) {
        throw new ApiError(ClientErrorCode.BAD_RESPONSE, {
          status: response.status,
          detail: "answer does not match the contract",
        });
      }
      intents.settle(fingerprint);
      return parsed.data as Answer<N>;
    } catch (error) {
      opts.signal.throwIfAborted();
      if (error instanceof ApiError) throw error;
      throw noAnswer(error);
    } finally {
      deadline.done();
    }
  }

  return {
    /** Replaces the session token (the element's `token` attribute changed). */
    setToken(next: string | undefined): void {
      token = next;
    },
    listVouchers: (o: CallOptions) => call("listAccessCodeVouchers", "", undefined, o),
    listCodes(query: ListAccessCodesQuery, o: CallOptions) {
      const params = new URLSearchParams();
      if (query.cursor) params.set("cursor", query.cursor);
      if (query.limit !== undefined) params.set("limit", String(query.limit));
      const text = params.toString();
      return call("listAccessCodes", text ? `?${text}` : "", undefined, o);
    },
    addCodes: (body: AddAccessCodesRequest, o: CallOptions) => call("addAccessCodes", "", body, o),
    deleteCodes: (body: DeleteAccessCodesRequest, o: CallOptions) => call("deleteAccessCodes", "", body, o),
  };
}

/** The client `createCodesClient` returns. */
export type CodesClient = ReturnType<typeof createCodesClient>;
