/**
 * The element's queries and mutations on @tanstack/query-core: the vouchers for the add form, the codes as
 * an infinite query over the cursor (one page per cursor, newest first), and add / delete mutations that
 * invalidate the codes so the list shows what the BFF now says. Observers are made once; `configure`
 * points them at another client (the `api` or `token` changed) or page size through `setOptions`.
 */
import {
  type InfiniteData,
  InfiniteQueryObserver,
  MutationObserver,
  QueryClient,
  QueryObserver,
} from "@tanstack/query-core";
import { isApiError } from "../../api/api-error.ts";
import type { CodesClient } from "../../api/codes-client.ts";
import type {
  AccessCode,
  AccessCodePage,
  AccessCodeVouchersResponse,
  AddAccessCodesResponse,
  DeleteAccessCodesResponse,
  NewAccessCode,
} from "../../shared/voucher-codes.schema.ts";

export type CodesPages = InfiniteData<AccessCodePage, string | null>;
type Key = readonly unknown[];

export interface CodesSettings {
  api: CodesClient | null;
  /** Changes whenever the client does, so another account's data never shows under the same key. */
  scope: number;
  pageSize: number;
}

/** Tries after the first, for failures the server calls retryable (a wrong token will not get better). */
const RETRIES = 2;
const retry = (count: number, error: unknown) => count < RETRIES && isApiError(error) && error.retryable;
const retryDelay = (attempt: number, error: unknown) =>
  Math.min(10_000, ((isApiError(error) ? error.retryAfterSeconds : undefined) ?? 2 ** attempt) * 1000);

export function createCodesQueries(signal: () => AbortSignal) {
  const client = new QueryClient({
    defaultOptions: { queries: { staleTime: 30_000, retry, retryDelay }, mutations: { retry: false } },
  });
  let settings: CodesSettings = { api: null, scope: 0, pageSize: 10 };
  const api = (): CodesClient => {
    if (!settings.api) throw new Error("no client");
    return settings.api;
  };

  const vouchersOptions = () => ({
    queryKey: ["voucher-codes", settings.scope, "vouchers"] as Key,
    queryFn: ({ signal: s }: { signal: AbortSignal }) => api().listVouchers({ signal: s }),
    enabled: settings.api !== null,
  });
  const codesOptions = () => ({
    queryKey: ["voucher-codes", settings.scope, "codes", settings.pageSize] as Key,
    queryFn: ({ signal: s, pageParam }: { signal: AbortSignal; pageParam: string | null }) =>
      api().listCodes({ limit: settings.pageSize, ...(pageParam ? { cursor: pageParam } : {}) }, { signal: s }),
    initialPageParam: null as string | null,
    getNextPageParam: (last: AccessCodePage) => last.nextCursor ?? undefined,
    enabled: settings.api !== null,
  });
  const invalidate = () => client.invalidateQueries({ queryKey: ["voucher-codes", settings.scope, "codes"] });

  const vouchers = new QueryObserver<AccessCodeVouchersResponse, unknown, AccessCodeVouchersResponse, Key>(
    client,
    vouchersOptions(),
  );
  const codes = new InfiniteQueryObserver<AccessCodePage, unknown, CodesPages, Key, string | null>(
    client,
    codesOptions(),
  );
  const add = new MutationObserver<AddAccessCodesResponse, unknown, NewAccessCode>(client, {
    mutationFn: (item) => api().addCodes({ items: [item] }, { signal: signal() }),
    onSuccess: invalidate,
  });
  const remove = new MutationObserver<DeleteAccessCodesResponse, unknown, AccessCode>(client, {
    mutationFn: (code) => api().deleteCodes({ ids: [code.id] }, { signal: signal() }),
    onSuccess: invalidate,
  });

  return {
    client,
    vouchers,
    codes,
    add,
    remove,
    /** Points the queries at new settings; observers fetch again when their key changed. */
    configure(next: CodesSettings): void {
      settings = next;
      vouchers.setOptions(vouchersOptions());
      codes.setOptions(codesOptions());
    },
    /** Rebuilds the queries after the client was cleared (the element was removed and is back). */
    reattach(): void {
      vouchers.setOptions(vouchersOptions());
      codes.setOptions(codesOptions());
    },
    /** Fetches everything again (the Refresh button). */
    refresh: () => client.invalidateQueries({ queryKey: ["voucher-codes", settings.scope] }),
  };
}

export type CodesQueries = ReturnType<typeof createCodesQueries>;
