/**
 * The person's display preferences: with forced colours (Windows High Contrast) focus rings, the borders
 * of inputs and buttons, the busy (aria-disabled) state and the countdown's warning states stay visible in
 * system colours; with reduced motion the urgent countdown's pulse and every transition are gone.
 * Chromium's emulation switches the media queries (not the colours themselves), so the tests read the
 * computed styles those queries set.
 */
import type { Locator, Page } from "@playwright/test";
import { en } from "../src/widget/messages/en.ts";
import { checkoutUrl, expect, test } from "./support/fixtures.ts";
import { seedJtlVoucher } from "./support/simulator.ts";
import type { VoucherWidgetPage } from "./support/voucher-widget.page.ts";

const TRANSPARENT = "rgba(0, 0, 0, 0)";

const styleOf = (locator: Locator) =>
  locator.evaluate((el) => {
    const s = getComputedStyle(el);
    return {
      outline: `${s.outlineStyle} ${s.outlineWidth}`,
      outlineColor: s.outlineColor,
      border: `${s.borderTopStyle} ${s.borderTopWidth}`,
      borderColor: s.borderTopColor,
      color: s.color,
      background: s.backgroundColor,
      opacity: s.opacity,
      animation: s.animationName,
      transition: s.transitionDuration,
    };
  });

/** Holds a fresh voucher and lets the clock run into the countdown's last 30 seconds. */
async function holdToUrgent(page: Page, widget: VoucherWidgetPage): Promise<void> {
  await page.clock.install();
  const voucher = await seedJtlVoucher({ amount: "15.00" });
  await page.goto(checkoutUrl({ amount: "15.00" }));
  await widget.hold({ code: voucher.code });
  await expect(widget.timer).toBeVisible();
  await page.clock.runFor(29 * 60_000 + 35_000);
  await expect(widget.part("countdown")).toHaveAttribute("data-level", "urgent");
}

test.describe("forced colours", () => {
  test("focus rings and the borders of inputs and buttons stay", async ({ page, widget }) => {
    await page.emulateMedia({ forcedColors: "active" });
    await page.goto(checkoutUrl({ amount: "15.00" }));
    await expect(widget.code).toBeVisible();

    const input = await styleOf(widget.code);
    expect(input.border).toBe("solid 1px");
    expect(input.borderColor).not.toBe(TRANSPARENT);
    const button = await styleOf(widget.button("hold"));
    expect(button.border).toBe("solid 2px");
    expect(button.borderColor).not.toBe(TRANSPARENT);
    // The main action is shown inverted: its own colours, not the accent the system would drop.
    expect(button.background).toBe(button.borderColor);
    expect(button.color).not.toBe(button.background);

    await widget.code.focus();
    const focused = await styleOf(widget.code);
    expect(focused.outline).toBe("solid 3px");
    expect(focused.outlineColor).not.toBe(TRANSPARENT);
    // Tab on to the Hold button (past the PIN, the amount and whatever else the form shows).
    for (let i = 0; i < 6 && !(await widget.button("hold").evaluate((el) => el.matches(":focus"))); i++) {
      await page.keyboard.press("Tab");
    }
    await expect(widget.button("hold")).toBeFocused();
    expect((await styleOf(widget.button("hold"))).outline).toBe("solid 3px");

    // An error is not told by a red border alone.
    await widget.code.fill("");
    await widget.button("hold").click();
    await expect(widget.alert).toHaveText(en.errors.CODE_MISSING);
    expect((await styleOf(widget.code)).border).toBe("solid 3px");
  });

  test("a busy button looks busy, in system colours, not by a fade", async ({ page, widget }) => {
    await page.emulateMedia({ forcedColors: "active" });
    let answer: (() => void) | undefined;
    const held = new Promise<void>((resolve) => {
      answer = resolve;
    });
    await page.route("**/api/v1/holds", async (route) => {
      await held;
      await route.continue();
    });
    const voucher = await seedJtlVoucher({ amount: "15.00" });
    await page.goto(checkoutUrl({ amount: "15.00" }));
    const idle = await styleOf(widget.button("hold"));
    await widget.hold({ code: voucher.code });
    await expect(widget.button("hold")).toHaveAttribute("aria-disabled", "true");
    const busy = await styleOf(widget.button("hold"));
    expect(busy.opacity).toBe("1");
    expect(busy.border).toBe("dashed 2px");
    expect(busy.color).not.toBe(idle.color);
    expect(busy.background).not.toBe(idle.background);
    answer?.();
    await expect(widget.timer).toBeVisible();
  });

  test("the countdown's warning states stay visible and still", async ({ page, widget }) => {
    await holdToUrgent(page, widget);
    const countdown = widget.part("countdown");
    const normal = await styleOf(countdown);
    await page.emulateMedia({ forcedColors: "active" });
    const forced = await styleOf(countdown);
    expect(forced.background).not.toBe(TRANSPARENT);
    expect(forced.background).not.toBe(normal.background);
    expect(forced.color).not.toBe(forced.background);
    expect(forced.border).toBe("solid 3px");
    expect(forced.animation).toBe("none");
  });
});

test.describe("reduced motion", () => {
  test("the urgent countdown stops pulsing and nothing transitions", async ({ page, widget }) => {
    await holdToUrgent(page, widget);
    const countdown = widget.part("countdown");
    const moving = await styleOf(countdown);
    expect(moving.animation).toBe("voucher-pulse");
    expect((await styleOf(widget.button("redeem"))).transition).not.toBe("0s");

    await page.emulateMedia({ reducedMotion: "reduce" });
    const still = await styleOf(countdown);
    expect(still.animation).toBe("none");
    // Still told apart from the calm countdown: the urgent look stays, only the motion goes.
    expect(still.background).not.toBe(TRANSPARENT);
    expect(still.border).toBe(moving.border);
    for (const locator of [widget.button("redeem"), widget.button("extend"), widget.button("release")]) {
      expect((await styleOf(locator)).transition).toBe("0s");
    }
  });

  test("the entry form has no motion at all", async ({ page, widget }) => {
    await page.emulateMedia({ reducedMotion: "reduce" });
    await page.goto(checkoutUrl());
    await expect(widget.code).toBeVisible();
    const motion = await widget.root.evaluate((host) =>
      [...(host.shadowRoot as ShadowRoot).querySelectorAll("*")]
        .map((el) => getComputedStyle(el))
        .filter((s) => s.animationName !== "none" || s.transitionDuration.split(",").some((d) => d.trim() !== "0s"))
        .map((s) => `${s.animationName} ${s.transitionDuration}`),
    );
    expect(motion).toEqual([]);
  });
});
