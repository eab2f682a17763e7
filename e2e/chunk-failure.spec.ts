/**
 * The lazy parts besides the language packs (split tender here; issue mode and the camera go the same way)
 * survive a flaky network: a failed chunk is tried again on a fresh URL (retry-import.ts), and one that
 * still cannot be fetched is shown as the widget's usual network error and fires `voucher-error`
 * (`NETWORK_ERROR`, `operation: "load"`), never an unhandled rejection (the fixtures fail a test on any
 * page error). The page's clock is installed so the test moves it over the retries' pauses.
 */
import { en } from "../src/widget/messages/en.ts";
import { chunkUrl, recordErrors, refuseChunk, runUntil } from "./support/chunks.ts";
import { checkoutUrl, expect, test } from "./support/fixtures.ts";
import { jtlRemaining, seedJtlVoucher } from "./support/simulator.ts";

const SPLIT_CHUNK = chunkUrl("split-tender");

test.beforeEach(async ({ page }) => {
  await page.clock.install();
});

test("split tender's chunk failing once: the retry fetches it on a fresh URL and the sale takes vouchers", async ({
  page,
  widget,
}) => {
  const errors = await recordErrors(page);
  const asked = await refuseChunk(page, SPLIT_CHUNK, 1);
  const voucher = await seedJtlVoucher({ amount: "30.00" });
  await page.goto(checkoutUrl({ amount: "50.00", split: "1" }));
  await runUntil(page, () => asked.length, 2);
  expect(asked).toEqual(["", expect.stringMatching(/^\?retry=\d+$/)]);
  // The retried chunk is in place (its styles, which only it brings, are adopted) before typing: its arrival
  // renders the entry anew, and a field filled in that moment is one already gone (a clean CI run lost the
  // code so).
  const tenderStylesAdopted = () =>
    widget.root.evaluate((host) =>
      [...(host.shadowRoot?.adoptedStyleSheets ?? [])].some((sheet) =>
        [...sheet.cssRules].some((rule) => rule.cssText.includes(".tender")),
      ),
    );
  await expect.poll(tenderStylesAdopted).toBe(true);

  await widget.hold({ code: voucher.code }, "20.00");
  // The list (and its styles, which come with the chunk) is there, and the entry asks for what is left.
  const items = widget.root.locator("[part~=tender-item]");
  await expect(items).toHaveCount(1);
  await expect(widget.root.locator(".tender")).toHaveCSS("display", "grid");
  await expect(widget.part("still-due")).toHaveText("€30.00");
  expect(await errors()).toEqual([]);
  await widget.root.getByRole("button", { name: en.tender.redeemAll(1) }).click();
  await expect(widget.root.locator("[data-state=redeemed]")).toHaveCount(1);
  expect(await jtlRemaining(voucher.id)).toBe("10.00");
});

test("split tender's chunk never loading: the network error is shown and voucher-error fired, without a page error", async ({
  page,
  widget,
}) => {
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  const errors = await recordErrors(page);
  const asked = await refuseChunk(page, SPLIT_CHUNK);
  await page.goto(checkoutUrl({ amount: "50.00", split: "1" }));
  await runUntil(page, () => asked.length, 3);
  expect(new Set(asked).size).toBe(3);

  await expect(widget.alert).toHaveText(en.errors.NETWORK_ERROR);
  await expect
    .poll(errors)
    .toEqual([{ code: "NETWORK_ERROR", operation: "load", retryable: true, message: en.errors.NETWORK_ERROR }]);
  // Renders do not start the load over and over: nothing more is asked until a voucher is held.
  await page.clock.runFor(5000);
  expect(asked).toHaveLength(3);
  expect(pageErrors).toEqual([]);
});
