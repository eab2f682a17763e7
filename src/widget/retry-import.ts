/**
 * Lazy chunks that survive a flaky network: a failed dynamic import is tried again, twice, after a short
 * pause. The same URL cannot simply be imported again: the browser remembers a module whose fetch failed
 * and fails the next `import()` of that URL at once, without a request. A retry therefore asks for the
 * chunk's URL with a query the page has not used yet. Vite writes each lazy chunk as
 * `() => import(`./chunks/en-….js`)`, so the URL is read from the loading function's own source and
 * imported by an `import()` the caller writes beside that function (a relative URL resolves against the
 * module an `import()` is written in). Where the source shows no such import (a page that bundles the
 * widget itself, whose bundler rewrites imports), the function is simply called again.
 */
import { pause } from "../flow/pause.ts";

/**
 * A retry's `import()` for loaders written in this folder (`src/widget/`): a relative URL resolves here as
 * it does for them, and in the built bundle, where every module is one file, as it does for all.
 */
export const importBeside = (url: string): Promise<unknown> => import(/* @vite-ignore */ url);

/** Pauses before each retry (ms): three tries in all, over about a second and a quarter. */
export const RETRY_DELAYS: readonly number[] = [250, 1000];

/** Retry queries are never reused: a query that failed is remembered as failed too. */
let retries = 0;

/** Where a chunk whose first URL failed is imported from next (once it has loaded, importing it again is instant). */
const retryUrls = new WeakMap<object, string>();

/** The specifier `load`'s source imports (as written: relative to its module); null where it shows none. */
export function chunkSpecifier(load: () => unknown): string | null {
  return /\bimport\(\s*(["'`])([^"'`$]+)\1\s*\)/.exec(String(load))?.[2] ?? null;
}

export interface RetryOptions {
  /** `(url) => import(url)`, written in the same module as `load` (so a relative URL means the same). */
  importUrl?: (url: string) => Promise<unknown>;
  signal?: AbortSignal;
  delays?: readonly number[];
}

/**
 * `load()` (a `() => import("…")`), tried again after each of `delays` while it fails; the last failure is
 * thrown. An aborted `signal` ends the pauses and the tries.
 */
export async function importChunk<T>(load: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const { importUrl, signal, delays = RETRY_DELAYS } = options;
  for (let attempt = 0; ; attempt++) {
    const url = retryUrls.get(load);
    try {
      return await (url && importUrl ? (importUrl(url) as Promise<T>) : load());
    } catch (error) {
      const specifier = chunkSpecifier(load);
      if (specifier) retryUrls.set(load, `${specifier}${specifier.includes("?") ? "&" : "?"}retry=${++retries}`);
      const delay = delays[attempt];
      if (delay === undefined || signal?.aborted) throw error;
      await pause(delay, signal);
    }
  }
}
