/**
 * Playwright fixtures: every test fails if the page logs a console error or throws, and gets a page
 * model of the widget.
 */
import { test as base, expect } from "@playwright/test";
import { VoucherWidgetPage } from "./voucher-widget.page.ts";

export const test = base.extend<{ widget: VoucherWidgetPage; consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (message) => {
        // Chromium logs every 4xx answer as an error; a refused wrong PIN is expected, not a fault.
        if (message.type() === "error" && !/status of 4\d\d/.test(message.text())) errors.push(message.text());
      });
      page.on("pageerror", (error) => errors.push(error.message));
      await use(errors);
      expect(errors, "console errors on the page").toEqual([]);
    },
    { auto: true },
  ],
  widget: async ({ page }, use) => {
    await use(new VoucherWidgetPage(page));
  },
});

export { expect };

/** The merchant's checkout page (another origin than the BFF) with a widget for `amount`. */
export function checkoutUrl(params: Record<string, string> = {}): string {
  const query = new URLSearchParams({ amount: "42.50", ...params });
  return `${process.env.E2E_MERCHANT_URL}/checkout?${query}`;
}
