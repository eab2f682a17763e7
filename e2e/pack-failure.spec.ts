/**
 * When the widget's words cannot be fetched. Every language pack, English too, is a lazy chunk: a failed
 * fetch is tried again (twice, after 250 ms and 1 s, on a URL with a fresh query, since the browser
 * remembers a failed module URL); a pack that still fails leaves the widget in English; and where English
 * itself cannot be fetched the widget shows a short built-in notice with a Retry button and fires
 * `voucher-error` (languages.spec.ts has a failing French pack). The page's clock is installed so the test moves it over the pauses.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { en } from "../src/widget/messages/en.ts";
import { UNAVAILABLE } from "../src/widget/messages/unavailable.ts";
import { chunkUrl, recordErrors, refuseChunk, runUntil } from "./support/chunks.ts";
import { checkoutUrl, expect, test } from "./support/fixtures.ts";

/** The English pack's chunk, as vite.config.ts names it, with or without a retry's query. */
const EN_CHUNK = chunkUrl("en");

/** Refuses the English chunk (404) the first `times` it is asked for; lists every URL asked, in order. */
const refuseEnglish = (page: Page, times?: number) => refuseChunk(page, EN_CHUNK, times);

test.beforeEach(async ({ page }) => {
  await page.clock.install();
});

test("English failing once: the retry fetches it on a fresh URL and the widget works as ever", async ({
  page,
  widget,
}) => {
  const errors = await recordErrors(page);
  const asked = await refuseEnglish(page, 1);
  await page.goto(checkoutUrl({ locale: "en-GB" }));
  await runUntil(page, () => asked.length, 2);

  await expect(widget.root.getByRole("group", { name: en.title })).toHaveAttribute("lang", "en");
  await expect(widget.code).toBeVisible();
  await expect(widget.button("hold")).toBeVisible();
  expect(asked).toEqual(["", expect.stringMatching(/^\?retry=\d+$/)]);
  expect(await errors()).toEqual([]);
});

test("English never loading: a built-in notice, voucher-error, and Retry that works once the chunk can be fetched", async ({
  page,
  widget,
}) => {
  const errors = await recordErrors(page);
  const asked = await refuseEnglish(page);
  await page.goto(checkoutUrl({ locale: "en-GB" }));
  // Nothing is shown while the retries run.
  await expect.poll(() => asked.length).toBe(1);
  await expect(widget.root.locator("[part~=base]")).toHaveCount(0);
  await runUntil(page, () => asked.length, 3);

  const notice = widget.root.getByRole("group", { name: UNAVAILABLE.title });
  await expect(notice).toHaveAttribute("lang", "en");
  await expect(notice.getByRole("alert")).toHaveText(UNAVAILABLE.text);
  const retry = notice.getByRole("button", { name: UNAVAILABLE.retry, exact: true });
  await expect(retry).toBeVisible();
  // Three tries, each retry on a URL of its own.
  expect(new Set(asked).size).toBe(3);
  const failed = { code: "NETWORK_ERROR", operation: "load", retryable: true, message: UNAVAILABLE.text };
  await expect.poll(errors).toEqual([failed]);
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  expect(violations.map((v) => v.id)).toEqual([]);

  // Retry while the chunk is still gone: busy (and still focused) while it runs, then the notice again.
  await retry.click();
  await expect(retry).toHaveAttribute("aria-disabled", "true");
  await expect(retry).toBeFocused();
  await runUntil(page, () => asked.length, 6);
  await expect(retry).toHaveAttribute("aria-disabled", "false");
  await expect.poll(errors).toEqual([failed, failed]);

  // The chunk can be fetched again: Retry brings the widget, and focus lands in the code field.
  await page.unroute(EN_CHUNK);
  await retry.click();
  await expect(widget.code).toBeFocused();
  await expect(widget.button("hold")).toBeVisible();
  await expect(widget.root.getByText(UNAVAILABLE.text)).toHaveCount(0);
  await expect(retry).toHaveCount(0);
  expect(await errors()).toHaveLength(2);
});
