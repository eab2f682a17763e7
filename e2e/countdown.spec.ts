/**
 * The hold's countdown in Chromium with a fake clock (`page.clock`): the three warning marks (5 minutes,
 * 1 minute, 30 seconds) each change how the countdown looks and are announced once in the status region
 * (and fire `voucher-expiring`), extend is offered only where the account can extend, and expiry goes
 * back to entry with the reason in the alert region. `runFor` fires every timer in between, so the widget
 * ticks as it would in real time.
 */
import type { Locator, Page } from "@playwright/test";
import { en } from "../src/widget/messages/en.ts";
import { checkoutUrl, expect, test } from "./support/fixtures.ts";
import { liveLog, recordLiveRegions } from "./support/live-regions.ts";
import { seedJtlVoucher } from "./support/simulator.ts";

const minutes = (n: number) => n * 60_000;

/** The `secondsLeft` of every `voucher-expiring` recorded so far. */
function expiringSeconds(events: { type: string; detail: unknown }[]): number[] {
  return events
    .filter((e) => e.type === "voucher-expiring")
    .map((e) => (e.detail as { secondsLeft: number }).secondsLeft);
}

/** How often each text appears in a list. */
const count = (texts: string[], text: string) => texts.filter((t) => t === text).length;

/** The countdown's computed look: what tells its states apart besides the figure. */
function look(countdown: Locator) {
  return countdown.evaluate((el) => {
    const s = getComputedStyle(el);
    return {
      color: s.color,
      fontWeight: s.fontWeight,
      border: `${s.borderTopStyle} ${s.borderTopColor}`,
      background: s.backgroundColor,
      animation: s.animationName,
    };
  });
}

/** Makes the BFF's answer to the next hold expire `seconds` after the server's now (a short hold). */
async function shortenHolds(page: Page, seconds: number): Promise<void> {
  await page.route("**/api/v1/holds", async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    const serverNow = Date.parse(body.hold.serverTime);
    body.hold.expiresAt = new Date(serverNow + seconds * 1000).toISOString();
    await route.fulfill({ response, json: body });
  });
}

test.describe("the hold's countdown", () => {
  test("warns at 5 minutes, 1 minute and 30 seconds, each once and each visibly; expiry returns to entry", async ({
    page,
    widget,
  }) => {
    await page.clock.install();
    const voucher = await seedJtlVoucher({ amount: "15.00" });
    await page.goto(checkoutUrl({ amount: "15.00" }));
    await widget.recordEvents();
    await recordLiveRegions(page);
    await widget.hold({ code: voucher.code });
    await expect(widget.timer).toHaveText(/^(30:00|29:[0-5]\d)$/);
    const countdown = widget.part("countdown");
    await expect(countdown).not.toHaveAttribute("data-level");
    const calm = await look(countdown);
    expect(calm.animation).toBe("none");

    await page.clock.runFor(minutes(24));
    await expect(widget.timer).toHaveText(/^(06:00|05:[0-5]\d)$/);
    await expect(countdown).not.toHaveAttribute("data-level");

    await page.clock.runFor(minutes(1) + 1_000);
    await expect(widget.status).toHaveText(en.expiring(300));
    await expect(countdown).toHaveAttribute("data-level", "soon");
    await expect(widget.part("countdown-soon")).toHaveCount(1);
    const soon = await look(countdown);
    expect(soon.fontWeight).toBe("700");
    expect(soon.color).not.toBe(calm.color);

    await page.clock.runFor(minutes(4));
    await expect(widget.status).toHaveText(en.expiring(60));
    await expect(countdown).toHaveAttribute("data-level", "warning");
    await expect(widget.part("countdown-warning")).toHaveCount(1);
    const warning = await look(countdown);
    // From one minute on the countdown is framed.
    expect(warning.border).not.toBe(soon.border);
    expect(warning.border).toMatch(/^solid rgb\(/);

    await page.clock.runFor(30_000);
    await expect(widget.status).toHaveText(en.expiring(30));
    await expect(countdown).toHaveAttribute("data-level", "urgent");
    await expect(widget.part("countdown-urgent")).toHaveCount(1);
    const urgent = await look(countdown);
    expect(urgent.color).not.toBe(warning.color);
    expect(urgent.background).not.toBe(warning.background);
    expect(urgent.animation).toBe("voucher-pulse");

    await page.clock.runFor(31_000);
    await expect(widget.alert).toHaveText(en.expired);
    await expect(widget.timer).toHaveCount(0);
    await expect(widget.button("hold")).toBeVisible();
    // Focus was on the widget (Hold was pressed), so it comes back to the code for the next try.
    await expect(widget.code).toBeFocused();

    const events = await widget.events();
    expect(events[0]?.type).toBe("voucher-held");
    expect(events.at(-1)?.type).toBe("voucher-expired");
    expect(expiringSeconds(events)).toEqual([300, 60, 30]);
    const log = await liveLog(page);
    for (const s of [300, 60, 30]) expect(count(log.status, en.expiring(s)), en.expiring(s)).toBe(1);
    expect(log.status.filter((t) => t.includes("left on the hold"))).toHaveLength(3);
    expect(count(log.alert, en.expired)).toBe(1);
  });

  test("a short hold announces only the mark it starts under, then the ones still ahead", async ({ page, widget }) => {
    await page.clock.install();
    await shortenHolds(page, 45);
    const voucher = await seedJtlVoucher({ amount: "15.00" });
    await page.goto(checkoutUrl({ amount: "15.00" }));
    await widget.recordEvents();
    await recordLiveRegions(page);
    await widget.hold({ code: voucher.code });
    await expect(widget.timer).toHaveText(/^00:4[0-5]$/);
    // Already under a minute: shown as such, and said once, with the real figure.
    await expect(widget.part("countdown")).toHaveAttribute("data-level", "warning");
    await expect(widget.status).toHaveText(/^4\d seconds left on the hold\.$/);

    await page.clock.runFor(16_000);
    await expect(widget.status).toHaveText(en.expiring(30));
    await expect(widget.part("countdown")).toHaveAttribute("data-level", "urgent");
    await page.clock.runFor(31_000);
    await expect(widget.alert).toHaveText(en.expired);

    const seconds = expiringSeconds(await widget.events());
    expect(seconds).toHaveLength(2);
    expect(seconds[0]).toBeGreaterThan(30);
    expect(seconds[0]).toBeLessThanOrEqual(45);
    expect(seconds[1]).toBe(30);
    const log = await liveLog(page);
    // The 5-minute mark had passed before the hold began: not news, never said.
    expect(log.status).not.toContain(en.expiring(300));
    expect(log.status.filter((t) => t.includes("left on the hold"))).toHaveLength(2);
  });

  test("extend renews the hold and re-arms the warnings", async ({ page, widget }) => {
    await page.clock.install();
    const voucher = await seedJtlVoucher({ amount: "15.00", pin: "9090" });
    await page.goto(checkoutUrl({ amount: "5.00" }));
    await widget.recordEvents();
    await widget.hold({ code: voucher.code, pin: "9090" });
    await expect(widget.timer).toHaveText(/^(30:00|29:[0-5]\d)$/);
    await page.clock.runFor(minutes(29) + 5_000);
    await expect(widget.part("countdown")).toHaveAttribute("data-level", "warning");

    // The browser's clock ran ahead of the server's, so after the extension the server's new expiry is
    // again 30 minutes after the server's now: the corrected countdown shows the full 30 minutes.
    await widget.button("extend").click();
    await expect(widget.timer).toHaveText(/^(30:00|29:[0-5]\d)$/);
    await expect(widget.part("countdown")).not.toHaveAttribute("data-level");
    await page.clock.runFor(minutes(25) + 1_000);
    await expect(widget.part("countdown")).toHaveAttribute("data-level", "soon");
    expect(expiringSeconds(await widget.events())).toEqual([300, 60, 300]);

    await widget.button("redeem").click();
    await expect(widget.part("redeemed-amount")).toHaveText("€5.00");
  });

  test("extend is offered only where the account can extend", async ({ page, widget }) => {
    // The same account, told by its capabilities that holds cannot be extended.
    await page.route("**/api/v1/capabilities", async (route) => {
      const response = await route.fetch();
      const body = await response.json();
      body.capabilities.extend = false;
      await route.fulfill({ response, json: body });
    });
    const voucher = await seedJtlVoucher({ amount: "15.00" });
    await page.goto(checkoutUrl({ amount: "5.00" }));
    await widget.hold({ code: voucher.code });
    await expect(widget.timer).toBeVisible();
    await expect(widget.button("redeem")).toBeVisible();
    await expect(widget.button("release")).toBeVisible();
    await expect(widget.button("extend")).toHaveCount(0);
  });

  test("a terminal whose clock is 10 minutes off still shows the right time left", async ({ page, widget }) => {
    await page.clock.install({ time: new Date(Date.now() - minutes(10)) });
    const voucher = await seedJtlVoucher({ amount: "15.00" });
    await page.goto(checkoutUrl({ amount: "5.00" }));
    await widget.hold({ code: voucher.code });
    // Uncorrected, a 10-minute-slow clock would show 40:00.
    await expect(widget.timer).toHaveText(/^(30:00|29:[0-5]\d)$/);
  });

  test("a terminal whose clock is 10 minutes fast still shows the right time left", async ({ page, widget }) => {
    await page.clock.install({ time: new Date(Date.now() + minutes(10)) });
    const voucher = await seedJtlVoucher({ amount: "15.00" });
    await page.goto(checkoutUrl({ amount: "5.00" }));
    await widget.hold({ code: voucher.code });
    await expect(widget.timer).toHaveText(/^(30:00|29:[0-5]\d)$/);
  });
});
