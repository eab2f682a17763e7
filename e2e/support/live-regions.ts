/**
 * Records what the widget's live regions say over a test: every distinct text the `role="status"` and
 * `role="alert"` regions take, in order, read in the page by a MutationObserver on the shadow root. A text
 * that appears once in this log was announced once (screen readers speak a live region when it changes).
 */
import type { Page } from "@playwright/test";

export interface LiveLog {
  status: string[];
  alert: string[];
}

/** Starts recording on the first `selector` element (call once the widget has rendered). */
export async function recordLiveRegions(page: Page, selector = "voucher-widget"): Promise<void> {
  await page.waitForFunction((s) => !!document.querySelector(s)?.shadowRoot?.querySelector("[role=status]"), selector);
  await page.evaluate((s) => {
    const root = document.querySelector(s)?.shadowRoot as ShadowRoot;
    const log: LiveLog = { status: [], alert: [] };
    (window as unknown as { liveLog: LiveLog }).liveLog = log;
    const read = () => {
      for (const role of ["status", "alert"] as const) {
        const text = root.querySelector(`[role=${role}]`)?.textContent?.trim() ?? "";
        if (text && log[role].at(-1) !== text) log[role].push(text);
        // An emptied region is a break: the same words coming back later are a new announcement.
        if (!text && log[role].at(-1) !== "") log[role].push("");
      }
    };
    read();
    new MutationObserver(read).observe(root, { subtree: true, childList: true, characterData: true });
  }, selector);
}

/** The texts recorded so far, without the empty breaks. */
export async function liveLog(page: Page): Promise<LiveLog> {
  const log = await page.evaluate(() => (window as unknown as { liveLog: LiveLog }).liveLog);
  return { status: log.status.filter(Boolean), alert: log.alert.filter(Boolean) };
}
