/**
 * Layouts: a phone (320 × 640), a checkout column (420 px wide in a wide window, so only the widget's own
 * width — its container query — can tell it is narrow) and a 1024 × 768 POS screen where the widget is
 * given the room. In each, nothing scrolls sideways or is cut off, inputs fill their row with text of at
 * least 16 px, and every button and input is a touch target of at least 44 × 44 px, in the entry, held
 * (countdown and its actions), confirm-release, redeemed and issued views.
 */
import type { Page } from "@playwright/test";
import { checkoutUrl, expect, test } from "./support/fixtures.ts";
import { seedJtlVoucher } from "./support/simulator.ts";
import type { VoucherWidgetPage } from "./support/voucher-widget.page.ts";

interface Layout {
  name: string;
  viewport: { width: number; height: number };
  /** Page CSS putting the widget where this layout has it. */
  css?: string;
  /** The widget's expected width. */
  width: number;
}

const layouts: Layout[] = [
  { name: "phone", viewport: { width: 320, height: 640 }, width: 304 },
  {
    name: "checkout column",
    viewport: { width: 1280, height: 800 },
    css: "main { max-width: 420px; margin: 0 auto; } voucher-widget { --voucher-max-width: none; }",
    width: 420,
  },
  {
    name: "POS screen",
    viewport: { width: 1024, height: 768 },
    css: "body { margin: 0; } main { padding: 16px; } voucher-widget { --voucher-max-width: none; }",
    width: 992,
  },
];

/** What the layout checks need, measured in the page. */
function measure(page: Page) {
  return page.evaluate(() => {
    const host = document.querySelector("voucher-widget") as HTMLElement;
    const root = host.shadowRoot as ShadowRoot;
    const base = root.querySelector("[part~=base]") as HTMLElement;
    const box = base.getBoundingClientRect();
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden";
    };
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.getAttribute("data-action") ? `[${el.getAttribute("data-action")}]` : ""}`;
    const cutOff = [...root.querySelectorAll("*")]
      .filter(visible)
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.left < box.left - 0.5 || r.right > box.right + 0.5 || el.scrollWidth > el.clientWidth + 1;
      })
      // An element may scroll inside itself only when it says so (none does today).
      .filter((el) => !["auto", "scroll"].includes(getComputedStyle(el).overflowX))
      .map(describe);
    const targets = [...root.querySelectorAll("button, input, select, textarea, a[href]")].filter(visible).map((el) => {
      const r = el.getBoundingClientRect();
      return { el: describe(el), width: Math.round(r.width), height: Math.round(r.height) };
    });
    const inputs = [...root.querySelectorAll("input")].filter(visible).map((el) => {
      const field = el.parentElement as HTMLElement;
      return {
        el: describe(el),
        fontSize: Number.parseFloat(getComputedStyle(el).fontSize),
        fillsRow: Math.abs(el.getBoundingClientRect().width - field.getBoundingClientRect().width) < 1,
      };
    });
    const rect = (selector: string) => {
      const el = root.querySelector(selector);
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
    };
    return {
      page: { scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth },
      base: { scrollWidth: base.scrollWidth, clientWidth: base.clientWidth },
      hostWidth: Math.round(host.getBoundingClientRect().width),
      cutOff,
      targets,
      inputs,
      code: rect("#code"),
      pin: rect("#pin"),
    };
  });
}

/** Everything that must hold in every view of every layout. */
async function expectFits(page: Page, view: string): Promise<Awaited<ReturnType<typeof measure>>> {
  const m = await measure(page);
  expect(m.page.scrollWidth, `${view}: the page scrolls sideways`).toBeLessThanOrEqual(m.page.clientWidth);
  expect(m.base.scrollWidth, `${view}: the widget scrolls sideways`).toBeLessThanOrEqual(m.base.clientWidth);
  expect(m.cutOff, `${view}: cut off or overflowing`).toEqual([]);
  expect(m.targets.length, `${view}: has controls`).toBeGreaterThan(0);
  const small = m.targets.filter((t) => t.width < 44 || t.height < 44);
  expect(small, `${view}: touch targets under 44 × 44 px`).toEqual([]);
  for (const input of m.inputs) {
    expect(input.fontSize, `${view}: ${input.el} font size (iOS zooms below 16 px)`).toBeGreaterThanOrEqual(16);
    expect(input.fillsRow, `${view}: ${input.el} fills its row`).toBe(true);
  }
  return m;
}

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
