/**
 * Layout checks shared by the specs: the layouts the widgets are measured in, what is measured in the page
 * (inside the element's shadow root) and what must hold in every view.
 */
import type { Page } from "@playwright/test";
import { expect } from "./fixtures.ts";

export interface Layout {
  name: string;
  viewport: { width: number; height: number };
  /** Page CSS putting the widget where this layout has it. */
  css?: string;
  /** The widget's expected width. */
  width: number;
}

export const layouts: Layout[] = [
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
export function measure(page: Page, tag = "voucher-widget") {
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
export async function expectFits(page: Page, view: string, tag?: string): Promise<Awaited<ReturnType<typeof measure>>> {
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
