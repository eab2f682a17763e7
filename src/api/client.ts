/**
 * The browser client for the BFF: one method per route in `src/shared/routes.ts`, each taking an
 * AbortSignal. Answers are parsed with the shared contract, so callers get typed data or an ApiError,
 * never an unchecked `any`. The client also feeds the server clock and keeps idempotency keys per intent.
 */
import type { z } from "zod/mini";
import type * as c from "../shared/contract.schema.ts";
import { type RouteName, routePath, routes } from "../shared/routes.ts";
import { ApiError, ClientErrorCode } from "./api-error.ts";
import { findServerTime, noAnswer, problemFrom, withDeadline } from "./http.ts";
import { IntentKeys } from "./idempotency.ts";
import { ServerClock } from "./server-clock.ts";

/** Supplies a session token; asked first when no token was given, and once more after a 401. */
export type TokenProvider = (reason: "missing" | "rejected") => string | Promise<string>;

export interface ApiClientOptions {
  /** The BFF's origin (and path prefix, if any), e.g. `https://bff.example`. */
  baseUrl: string;
  token?: string;
  tokenProvider?: TokenProvider;
  /** Injected for tests and for pages that wrap fetch; defaults to the global one. */
  fetch?: typeof fetch;
  clock?: ServerClock;
  /** Gives up on a call after this long (a hung connection must not leave the till waiting). Default 30 s. */
  timeoutMs?: number;
}

/** What every call takes: the signal that cancels it, and optionally an explicit idempotency key. */
export interface CallOptions {
  signal: AbortSignal;
  /** Overrides the per-intent key the client would otherwise keep (only sent on idempotent routes). */
  idempotencyKey?: string;
}

type Route<N extends RouteName> = (typeof routes)[N];
type Body<N extends RouteName> = Route<N>["body"] extends z.ZodMiniType ? z.input<Route<N>["body"]> : undefined;
type Answer<N extends RouteName> = z.output<Route<N>["response"]>;

/** Creates a client bound to one BFF. */
export function createApiClient(options: ApiClientOptions) {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const clock = options.clock ?? new ServerClock();
  const intents = new IntentKeys();
  let token = options.token;
  let refreshing: Promise<string> | null = null;

  /** One token refresh at a time: parallel 401s share it. */
  function refreshToken(reason: "missing" | "rejected"): Promise<string> {
    const provider = options.tokenProvider;
    if (!provider) return Promise.reject(new ApiError("UNAUTHORIZED", { detail: "no token" }));
    refreshing ??= Promise.resolve()
      .then(() => provider(reason))
      .then(
        (fresh) => {
          token = fresh;
          return fresh;
        },
        (cause: unknown) => {
          throw cause instanceof ApiError
            ? cause
            : new ApiError("UNAUTHORIZED", { detail: "token provider failed", cause });
        },
      )
      .finally(() => {
        refreshing = null;
      });
    return refreshing;
  }

  async function send(
    route: Route<RouteName>,
    url: string,
    body: unknown,
    key: string | undefined,
    signal: AbortSignal,
    isTimeout: () => boolean,
  ) {
    const headers: Record<string, string> = { Accept: "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (token) headers.Authorization = `Bearer ${token}`;
    if (key) headers["Idempotency-Key"] = key;
    const sentAt = clock.localNow();
    try {
      const response = await (options.fetch ?? fetch)(url, {
        method: route.method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
        credentials: "omit",
      });
      return { response, sentAt, receivedAt: clock.localNow() };
    } catch (error) {
      if (!signal.aborted || isTimeout()) throw noAnswer(error);
      throw error;
    }
  }

  async function call<N extends RouteName>(
    name: N,
    params: Record<string, string>,
    body: Body<N>,
    opts: CallOptions,
  ): Promise<Answer<N>> {
    const route: Route<RouteName> = routes[name];
    const url = baseUrl + routePath(route.path, params);
    const fingerprint = `${route.method} ${url} ${JSON.stringify(body ?? null)}`;
    const key = route.idempotent ? (opts.idempotencyKey ?? intents.keyFor(fingerprint)) : undefined;
    const deadline = withDeadline(opts.signal, options.timeoutMs ?? 30_000);
    try {
      return (await exchange(route, url, fingerprint, body, key, opts.signal, deadline)) as Answer<N>;
    } catch (error) {
      opts.signal.throwIfAborted();
      throw deadline.timedOut() && !(error instanceof ApiError) ? noAnswer(error) : error;
    } finally {
      deadline.done();
    }
  }

  async function exchange(
    route: Route<RouteName>,
    url: string,
    fingerprint: string,
    body: unknown,
    key: string | undefined,
    callerSignal: AbortSignal,
    deadline: ReturnType<typeof withDeadline>,
  ): Promise<unknown> {
    const { signal, timedOut } = deadline;
    if (!token && options.tokenProvider) await refreshToken("missing");
    let sent = await send(route, url, body, key, signal, timedOut);
    if (sent.response.status === 401 && options.tokenProvider) {
      await refreshToken("rejected");
      sent = await send(route, url, body, key, signal, timedOut);
    }
    const { response } = sent;
    clock.observe({ ...sent, dateHeader: response.headers.get("Date") });

    if (!response.ok) {
      const error = await problemFrom(response);
      callerSignal.throwIfAborted();
      // A retryable refusal means "the same request may succeed later": keep the key for that retry.
      if (!error.retryable) intents.settle(fingerprint);
      throw error;
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch (error) {
      if (signal.aborted) throw error;
      throw new ApiError(ClientErrorCode.BAD_RESPONSE, { status: response.status, detail: "not JSON", cause: error });
    }
    clock.observe({ ...sent, serverTime: findServerTime(json) });
    const parsed = route.response.safeParse(json);
    callerSignal.throwIfAborted();
    if (!parsed.success) {
      // Paths only: values could hold a code or PIN and must not reach logs.
      const where = parsed.error.issues.map((i) => i.path.join(".") || "(root)").join(", ");
      throw new ApiError(ClientErrorCode.BAD_RESPONSE, {
        status: response.status,
        detail: `answer does not match the contract at ${where}`,
        cause: parsed.error,
      });
    }
    intents.settle(fingerprint);
    return parsed.data;
  }

  const none = {} as Record<string, string>;
  return {
    baseUrl,
    clock,
    /** Replaces the session token (the widget's `token` attribute changed). */
    setToken(next: string | undefined): void {
      token = next;
    },
    /** Forgets open idempotency intents, e.g. when the widget is reset. */
    forgetIntents(): void {
      intents.clear();
    },
    /** Merchant-side: needs the merchant API key as the bearer token; never used by the widget. */
    createSession: (body: c.SessionRequest, o: CallOptions) => call("createSession", none, body, o),
    capabilities: (o: CallOptions) => call("capabilities", none, undefined, o),
    checkVoucher: (body: c.CheckRequest, o: CallOptions) => call("checkVoucher", none, body, o),
    createHold: (body: c.HoldRequest, o: CallOptions) => call("createHold", none, body, o),
    getHold: (id: string, o: CallOptions) => call("getHold", { id }, undefined, o),
    extendHold: (id: string, body: c.ExtendRequest, o: CallOptions) => call("extendHold", { id }, body, o),
    releaseHold: (id: string, o: CallOptions) => call("releaseHold", { id }, undefined, o),
    redeemHold: (id: string, body: c.RedeemRequest, o: CallOptions) => call("redeemHold", { id }, body, o),
    refundRedemption: (id: string, body: c.RefundRequest, o: CallOptions) => call("refundRedemption", { id }, body, o),
    issueVoucher: (body: c.IssueRequest, o: CallOptions) => call("issueVoucher", none, body, o),
  };
}

/** The client `createApiClient` returns. */
export type ApiClient = ReturnType<typeof createApiClient>;
