/** The page's clock in tests that move time themselves (Playwright's clock, installed by the test). */
import type { Page } from "@playwright/test";

/**
 * Stops the page's clock a moment ahead of its own time, so from here it moves only when the test moves
 * it. The page's time runs on while the test reads it, so on a slow machine the moment can pass before
 * the pause is asked for (Playwright then refuses to "fast-forward to the past"): read it again and retry.
 */
export async function pausePageClock(page: Page, attempts = 5): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const target = (await page.evaluate(() => Date.now())) + 100;
    try {
      await page.clock.pauseAt(target);
      return;
    } catch (error) {
      if (attempt === attempts || !String(error).includes("Cannot fast-forward to the past")) throw error;
    }
  }
}
