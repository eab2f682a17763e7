/**
 * The widget's languages in Chromium, on the merchant's plain page: the `locale` attribute picks the words
 * (by language subtag) and the money format; without the attribute the browser's language does. Each
 * language, English too, is a chunk of its own, and the page fetches only the one it shows. A pack that cannot
 * be fetched (after its retries) leaves the widget working in English, with nothing on the console but the
 * failed requests; pack-failure.spec.ts has English itself failing.
 * `<voucher-codes>` (all six languages in its own bundle) follows the same rules.
 */
import type { Locator, Page } from "@playwright/test";
import { nl as codesDutch, it as codesItalian } from "../src/widget/codes/messages.ts";
import { en, type Messages } from "../src/widget/messages/en.ts";
import { es } from "../src/widget/messages/es.ts";
import { fr } from "../src/widget/messages/fr.ts";
import { it as italian } from "../src/widget/messages/it.ts";
import { nl } from "../src/widget/messages/nl.ts";
import { checkoutUrl, expect, test } from "./support/fixtures.ts";
import { seedJtlVoucher } from "./support/simulator.ts";

/** A language pack's chunk, as vite.config.ts names it (`chunks/<lang>-<hash>.js`). */
const PACK_CHUNK = /\/widget\/chunks\/(en|de|fr|nl|es|it)-[\w-]+\.js$/;

/** The languages whose pack the page asks for, in order, from now on. */
function packRequests(page: Page): string[] {
  const asked: string[] = [];
  page.on("request", (request) => {
    const match = PACK_CHUNK.exec(new URL(request.url()).pathname);
    if (match?.[1]) asked.push(match[1]);
  });
  return asked;
}

/** The merchant's back-office page with `<voucher-codes>` for the Mews demo account. */
function adminUrl(params: Record<string, string>): string {
  const query = new URLSearchParams({ account: "mews", "page-size": "10", ...params });
  return `${process.env.E2E_MERCHANT_URL}/codes-admin?${query}`;
}

/** Makes the BFF's answer to the next hold expire `seconds` after the server's now (a short hold). */
async function shortenHolds(page: Page, seconds: number): Promise<void> {
  await page.route("**/api/v1/holds", async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    body.hold.expiresAt = new Date(Date.parse(body.hold.serverTime) + seconds * 1000).toISOString();
    await route.fulfill({ response, json: body });
  });
}

/** Money as this browser's `Intl` writes it in `locale` (undefined: the browser's default). */
function money(page: Page, amount: number, locale: string | undefined): Promise<string> {
  return page.evaluate(
    ([value, tag]) => new Intl.NumberFormat(tag, { style: "currency", currency: "EUR" }).format(value),
    [amount, locale] as const,
  );
}

/** The widget as a cashier sees it in language `m`: found by that language's own words. */
function widgetIn(page: Page, m: Messages) {
  const root = page.locator("voucher-widget");
  return {
    base: root.getByRole("group", { name: m.title }),
    code: root.getByRole("textbox", { name: m.code }),
    amount: root.getByRole("textbox", { name: new RegExp(`^${m.amount}`) }),
    button: (name: keyof Messages): Locator => root.getByRole("button", { name: m[name] as string, exact: true }),
    timer: root.getByRole("timer", { name: m.timeLeft }),
    status: root.getByRole("status"),
    part: (name: string) => root.locator(`[part~="${name}"]`),
  };
}

test.describe("the widget's languages", () => {
  for (const [locale, m] of [
    ["fr-FR", fr],
    ["it-IT", italian],
  ] as const) {
    test(`locale="${locale}": ${m.lang} words, ${locale} money, and only the ${m.lang} pack fetched`, async ({
      page,
    }) => {
      const asked = packRequests(page);
      await page.clock.install();
      await shortenHolds(page, 45);
      const voucher = await seedJtlVoucher({ amount: "2000.00" });
      await page.goto(checkoutUrl({ amount: "1234.50", locale }));
      const w = widgetIn(page, m);

      await expect(w.base).toHaveAttribute("lang", m.lang);
      // The due amount, written the way a person types it here.
      await expect(w.amount).toHaveValue("1234,50");
      await w.code.fill(voucher.code);
      await w.button("hold").click();

      await expect(w.part("held-amount")).toHaveText(await money(page, 1234.5, locale));
      await expect(w.part("balance")).toHaveText(await money(page, 2000, locale));
      await expect(w.timer).toHaveText(/^00:4\d$/);
      await expect(w.button("redeem")).toBeVisible();
      // The time left in words with this language's plural, at the 30-second mark.
      await page.clock.runFor(16_000);
      await expect(w.status).toHaveText(m.expiring(30));

      expect(asked).toEqual([m.lang]);
    });
  }

  test("Spanish for any Spanish locale (es-MX), through the es pack", async ({ page }) => {
    const asked = packRequests(page);
    await page.goto(checkoutUrl({ locale: "es-MX" }));
    const w = widgetIn(page, es);
    await expect(w.base).toHaveAttribute("lang", "es");
    await expect(w.button("hold")).toBeVisible();
    await expect(w.code).toBeVisible();
    expect(asked).toEqual(["es"]);
  });

  test('locale="en-GB": English words, from the English pack alone', async ({ page }) => {
    const asked = packRequests(page);
    await page.goto(checkoutUrl({ locale: "en-GB" }));
    const w = widgetIn(page, en);
    await expect(w.base).toHaveAttribute("lang", "en");
    await expect(w.button("hold")).toBeVisible();
    // English is a lazy pack like the others: fetched once, and no other language's with it.
    expect(asked).toEqual(["en"]);
  });

  test.describe("with no locale attribute", () => {
    test.use({ locale: "nl-NL" });

    test("a browser set to Dutch gets Dutch words and Dutch money", async ({ page }) => {
      const asked = packRequests(page);
      const voucher = await seedJtlVoucher({ amount: "2000.00" });
      await page.goto(checkoutUrl({ amount: "1234.50", locale: "none" }));
      await expect(page.locator("voucher-widget")).not.toHaveAttribute("locale");
      const w = widgetIn(page, nl);

      await expect(w.base).toHaveAttribute("lang", "nl");
      await w.code.fill(voucher.code);
      await w.button("hold").click();
      // Intl's default locale is the browser's: the same as asking for nl-NL.
      const dutch = await money(page, 1234.5, "nl-NL");
      expect(await money(page, 1234.5, undefined)).toBe(dutch);
      await expect(w.part("held-amount")).toHaveText(dutch);
      await expect(w.timer).toBeVisible();
      await expect(w.button("release")).toBeVisible();
      expect(asked).toEqual(["nl"]);
    });

    test("the demo page's Language select switches every widget, and offers the browser's own", async ({ page }) => {
      await page.goto(`${process.env.E2E_BFF_URL}/`);
      const select = page.getByRole("combobox", { name: "Language" });
      await expect(select.getByRole("option")).toHaveText([
        "Browser language",
        "English",
        "Deutsch",
        "Français",
        "Nederlands",
        "Español",
        "Italiano",
      ]);
      const checkout = page.locator("#checkout-widget");
      await expect(checkout.getByRole("group", { name: en.title })).toHaveAttribute("lang", "en");
      await select.selectOption("it-IT");
      await expect(checkout.getByRole("group", { name: italian.title })).toHaveAttribute("lang", "it");
      await expect(page.locator("#order-total")).toHaveText(await money(page, 42.5, "it-IT"));
      await select.selectOption("");
      await expect(checkout.getByRole("group", { name: nl.title })).toHaveAttribute("lang", "nl");
      await expect(page.locator("#pos-widget").getByRole("group", { name: nl.title })).toBeVisible();
      await expect(page.locator("html")).toHaveAttribute("lang", "nl");
    });

    test("<voucher-codes> speaks Dutch too", async ({ page }) => {
      await page.goto(adminUrl({ locale: "none" }));
      const admin = page.locator("voucher-codes");
      await expect(admin).not.toHaveAttribute("locale");
      await expect(admin.getByRole("region", { name: codesDutch.title })).toBeVisible();
      await expect(admin.getByRole("button", { name: codesDutch.add, exact: true })).toBeVisible();
    });
  });

  test('<voucher-codes locale="it-IT"> speaks Italian', async ({ page }) => {
    await page.goto(adminUrl({ locale: "it-IT" }));
    const admin = page.locator("voucher-codes");
    await expect(admin.getByRole("region", { name: codesItalian.title })).toBeVisible();
    await expect(admin.getByRole("button", { name: codesItalian.add, exact: true })).toBeVisible();
    await expect(admin.getByRole("columnheader", { name: codesItalian.state })).toBeVisible();
  });

  test("a pack that cannot be fetched, tried three times, leaves the widget in English, still working", async ({
    page,
  }) => {
    await page.clock.install();
    let refused = 0;
    // The first URL and the retries' (the same chunk with a `?retry=` query).
    await page.route(/\/widget\/chunks\/fr-[\w-]+\.js(\?retry=\d+)?$/, async (route) => {
      refused++;
      await route.fulfill({ status: 404, body: "gone" });
    });
    const voucher = await seedJtlVoucher({ amount: "40.00" });
    await page.goto(checkoutUrl({ amount: "12.00", locale: "fr-FR" }));
    const w = widgetIn(page, en);

    // The page's clock moved over the pauses between the tries (250 ms, 1 s).
    await expect
      .poll(async () => {
        await page.clock.runFor(250);
        return refused;
      })
      .toBe(3);
    await expect(w.base).toHaveAttribute("lang", "en");
    await w.code.fill(voucher.code);
    await w.button("hold").click();
    // English words, but the money still as the page asked: fr-FR.
    await expect(w.part("held-amount")).toHaveText(await money(page, 12, "fr-FR"));
    await expect(w.timer).toBeVisible();
    // The failed request is the only thing on the console (a 4xx, which the fixture allows): no uncaught error.
  });
});
