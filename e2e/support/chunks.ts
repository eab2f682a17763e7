/**
 * Helpers for lazy chunks that fail to load: refuse a chunk's URL (404, which the console fixture accepts)
 * a number of times, move the page's clock over the retries' pauses, and record every `voucher-error`.
 */
import type { Page } from "@playwright/test";
import { expect } from "./fixtures.ts";

/** A chunk's URL as vite.config.ts names it (`name-hash.js`), with or without a retry's query. */
export function chunkUrl(name: string): RegExp {
  return new RegExp(`/widget/chunks/${name}-[\\w-]+\\.js(\\?retry=\\d+)?$`);
}

/** Refuses the chunk (404) the first `times` it is asked for; lists every URL's query asked, in order. */
export async function refuseChunk(page: Page, url: RegExp, times = Number.POSITIVE_INFINITY): Promise<string[]> {
  const asked: string[] = [];
  await page.route(url, async (route) => {
    asked.push(new URL(route.request().url()).search);
    if (asked.length <= times) await route.fulfill({ status: 404, body: "gone" });
    else await route.continue();
  });
  return asked;
}

/** Moves the page's clock on (past the retries' pauses) until `count()` reaches `n`. */
export async function runUntil(page: Page, count: () => number, n: number): Promise<void> {
  await expect
    .poll(async () => {
      await page.clock.runFor(250);
      return count();
    })
    .toBe(n);
}

/** Every `voucher-error` from the page's start on (an init script, so none is missed). */
export async function recordErrors(page: Page): Promise<() => Promise<unknown[]>> {
  await page.addInitScript(() => {
    const w = window as unknown as { voucherErrors: unknown[] };
    w.voucherErrors = [];
    document.addEventListener("voucher-error", (event) => w.voucherErrors.push((event as CustomEvent).detail));
  });
  return () => page.evaluate(() => (window as unknown as { voucherErrors: unknown[] }).voucherErrors);
}
