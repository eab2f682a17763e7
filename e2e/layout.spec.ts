/**
 * Layouts: a phone (320 × 640), a checkout column (420 px wide in a wide window, so only the widget's own
 * width — its container query — can tell it is narrow) and a 1024 × 768 POS screen where the widget is
 * given the room. In each, nothing scrolls sideways or is cut off, inputs fill their row with text of at
 * least 16 px, and every button and input is a touch target of at least 44 × 44 px, in the entry, held
 * (countdown and its actions), confirm-release, redeemed and issued views. `<voucher-codes>` is held to the
 * same in mews.spec.ts (with the other tests that read the newest codes, one at a time).
 */
import type { Page } from "@playwright/test";
import { checkoutUrl, expect, test } from "./support/fixtures.ts";
import { expectFits, type Layout, layouts, measure } from "./support/layout.ts";
import { seedJtlVoucher } from "./support/simulator.ts";
import type { VoucherWidgetPage } from "./support/voucher-widget.page.ts";

async function open(page: Page, layout: Layout, params: Record<string, string>): Promise<void> {
  await page.setViewportSize(layout.viewport);
  await page.goto(checkoutUrl(params));
  if (layout.css) await page.addStyleTag({ content: layout.css });
}

async function holdOne(widget: VoucherWidgetPage): Promise<void> {
  const voucher = await seedJtlVoucher({ amount: "150.00", pin: "2468" });
  await widget.hold({ code: voucher.code, pin: "2468" }, "87.65");
  await expect(widget.timer).toBeVisible();
}

for (const layout of layouts) {
  test.describe(`${layout.name} (${layout.viewport.width} × ${layout.viewport.height})`, () => {
    test("entry, held, confirm release and redeemed views fit", async ({ page, widget }) => {
      await open(page, layout, { amount: "87.65" });
      await expect(widget.code).toBeVisible();
      const entry = await expectFits(page, "entry");
      expect(entry.hostWidth).toBe(layout.width);

      // Long words in the error must wrap too.
      await widget.button("hold").click();
      await expect(widget.alert).not.toBeEmpty();
      await expectFits(page, "entry with an error");

      await holdOne(widget);
      await expectFits(page, "held");
      for (const action of ["redeem", "extend", "release"] as const)
        await expect(widget.button(action)).toBeInViewport();
      await expect(widget.timer).toBeInViewport();

      await page.keyboard.press("Escape");
      await expect(widget.button("releaseConfirm")).toBeVisible();
      await expectFits(page, "confirm release");
      await widget.button("keepHold").click();

      await widget.button("redeem").click();
      await expect(widget.part("remaining-balance")).toBeVisible();
      await expectFits(page, "redeemed");
      await expect(widget.button("next")).toBeInViewport();
    });

    test("split tender's list fits, with the entry for the rest and once the sale is covered", async ({
      page,
      widget,
    }) => {
      await open(page, layout, { amount: "87.65", split: "1" });
      const first = await seedJtlVoucher({ amount: "50.00" });
      const second = await seedJtlVoucher({ amount: "50.00" });
      await widget.hold({ code: first.code }, "50.00");
      await expect(widget.part("tender-item")).toHaveCount(1);
      await expectFits(page, "split tender with the entry");
      await widget.hold({ code: second.code });
      await expect(widget.part("still-due")).toHaveText("€0.00");
      await expectFits(page, "split tender covered");
      for (const timer of await widget.root.getByRole("timer").all()) await expect(timer).toBeInViewport();
    });

    test("the issued voucher's code fits", async ({ page, widget }) => {
      await open(page, layout, { mode: "issue", amount: "20.00" });
      await widget.button("sell").click();
      await expect(widget.part("issued-code")).toBeVisible();
      await expectFits(page, "issued");
    });
  });
}

test("the layout follows the widget's width, not the window's", async ({ page, widget }) => {
  // The same 1280 px window: a narrow column stacks code and PIN, a wide widget sets them side by side.
  const column = layouts[1] as Layout;
  await open(page, column, { amount: "10.00" });
  await expect(widget.code).toBeVisible();
  const narrow = await measure(page);
  expect(narrow.pin?.top).toBeGreaterThanOrEqual(narrow.code?.bottom ?? Number.POSITIVE_INFINITY);

  await page.addStyleTag({ content: "main { max-width: none; }" });
  await expect.poll(async () => (await measure(page)).hostWidth).toBeGreaterThan(640);
  const wide = await measure(page);
  expect(wide.pin?.top).toBe(wide.code?.top);
  expect(wide.pin?.left).toBeGreaterThan(wide.code?.right ?? Number.POSITIVE_INFINITY);
  // And at the POS size the targets grow beyond the minimum.
  expect(Math.min(...wide.targets.map((t) => t.height))).toBeGreaterThanOrEqual(56);
});
