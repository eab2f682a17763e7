/**
 * Layouts: a phone (320 × 640), a checkout column (420 px wide in a wide window, so only the widget's own
 * width — its container query — can tell it is narrow) and a 1024 × 768 POS screen where the widget is
 * given the room. In each, nothing scrolls sideways or is cut off, inputs fill their row with text of at
 * least 16 px, and every button and input is a touch target of at least 44 × 44 px, in the entry, held
 * (countdown and its actions), confirm-release, redeemed and issued views. The back office's
 * `<voucher-codes>` is held to the same on a phone and in a wide window: its form, its list of codes
 * (long ones too), its pager, an error and the delete confirmation.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { en as codesEn } from "../src/widget/codes/messages.ts";
import { checkoutUrl, expect, test } from "./support/fixtures.ts";
import { seedMewsCode } from "./support/seeds.ts";
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

/** What the layout checks need, measured in the page, of the first `tag` element (its `base` part). */
function measure(page: Page, tag = "voucher-widget") {
  return page.evaluate((tag) => {
    const host = document.querySelector(tag) as HTMLElement;
    const root = host.shadowRoot as ShadowRoot;
    const base = root.querySelector("[part~=base]") as HTMLElement;
    const box = base.getBoundingClientRect();
    // A modal dialog sits in the top layer, over the page: it has to fit the window rather than the element.
    const window = { left: 0, right: document.documentElement.clientWidth };
    // Text for screen readers only (visually hidden: clipped down to a 1 × 1 px box) is not on screen.
    const clippedAway = (el: Element) => {
      for (let e: Element | null = el; e; e = e.parentElement) {
        const r = e.getBoundingClientRect();
        if (r.width <= 1 && r.height <= 1 && getComputedStyle(e).clipPath !== "none") return true;
      }
      return false;
    };
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden" && !clippedAway(el);
    };
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.getAttribute("data-action") ? `[${el.getAttribute("data-action")}]` : ""}`;
    const overflowing = [...root.querySelectorAll("*")].filter(visible).filter((el) => {
      const r = el.getBoundingClientRect();
      const within = el.closest("dialog[open]") ? window : box;
      return r.left < within.left - 0.5 || r.right > within.right + 0.5 || el.scrollWidth > el.clientWidth + 1;
    });
    const scrolls = (el: Element) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX);
    // An element may be wider than its content box only where it scrolls inside itself, and then it must
    // not need to (a table wider than the phone is still sideways scrolling).
    const cutOff = overflowing.filter((el) => !scrolls(el)).map(describe);
    const scrolling = overflowing.filter((el) => scrolls(el) && el.scrollWidth > el.clientWidth + 1).map(describe);
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
      scrolling,
      targets,
      inputs,
      code: rect("#code"),
      pin: rect("#pin"),
    };
  }, tag);
}

/** Everything that must hold in every view of every layout. */
async function expectFits(page: Page, view: string, tag?: string): Promise<Awaited<ReturnType<typeof measure>>> {
  const m = await measure(page, tag);
  expect(m.page.scrollWidth, `${view}: the page scrolls sideways`).toBeLessThanOrEqual(m.page.clientWidth);
  expect(m.base.scrollWidth, `${view}: the widget scrolls sideways`).toBeLessThanOrEqual(m.base.clientWidth);
  expect(m.cutOff, `${view}: cut off or overflowing`).toEqual([]);
  expect(m.scrolling, `${view}: scrolls sideways inside`).toEqual([]);
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

/** `<voucher-codes>` in the back office: on a phone, and in a wide window, where it takes its full width (56rem). */
const codesLayouts: Layout[] = [
  layouts[0] as Layout,
  { name: "wide window", viewport: { width: 1280, height: 800 }, width: 896 },
];

test.describe("<voucher-codes>", () => {
  // Serial: the page shows the newest codes, which must be the ones seeded here.
  test.describe.configure({ mode: "serial" });

  for (const layout of codesLayouts) {
    test(`${layout.name} (${layout.viewport.width} × ${layout.viewport.height}): the form, the codes, the pager, an error and the delete confirmation fit`, async ({
      page,
    }) => {
      // A long code (the form takes up to 160 characters) must wrap rather than widen the list.
      const long = `LAYOUT${Date.now().toString(36).toUpperCase()}${"LONG".repeat(12)}`;
      for (const value of [`${long.slice(0, 12)}A`, long]) await seedMewsCode(value);
      await page.setViewportSize(layout.viewport);
      const query = new URLSearchParams({ account: "mews", locale: "en-GB", "page-size": "2" });
      await page.goto(`${process.env.E2E_MERCHANT_URL}/codes-admin?${query}`);
      const admin = page.locator("voucher-codes");
      await expect(admin.getByRole("rowheader", { name: long })).toBeVisible();
      await expect(admin.getByRole("button", { name: codesEn.next })).toBeVisible();
      const list = await expectFits(page, "codes", "voucher-codes");
      expect(list.hostWidth).toBe(layout.width);
      // Laid out as cards or not, the list is still a table to assistive technology.
      const table = admin.getByRole("table", { name: codesEn.table });
      await expect(table.getByRole("columnheader")).toHaveCount(6);
      await expect(table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: long }) })).toHaveCount(1);
      await expect(table.getByRole("cell", { name: codesEn.states.active }).first()).toBeAttached();
      const { violations } = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21aa", "best-practice"])
        .analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

      await admin.getByRole("button", { name: codesEn.add, exact: true }).click();
      await expect(admin.getByRole("alert")).toHaveText(codesEn.errors.CODE_MISSING);
      await expectFits(page, "codes with an error", "voucher-codes");

      await admin.getByRole("button", { name: codesEn.deleteCode(long) }).click();
      await expect(admin.getByRole("dialog", { name: codesEn.confirmTitle })).toBeVisible();
      await expectFits(page, "delete confirmation", "voucher-codes");
    });
  }
});
