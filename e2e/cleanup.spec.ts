/**
 * No timer, listener, observer or request of the widget survives removing it from the page (DESIGN §6.3).
 * The leak tracker (support/leak-tracker.ts) records what the widget's own code registers on the page and
 * undoes; each test first shows the tracker does see the widget's live registrations, then removes the
 * element and expects none left, and lets the fake clock run on to show that nothing wakes up.
 */
import type { Page } from "@playwright/test";
import { en as codesEn } from "../src/widget/codes/messages.ts";
import { en } from "../src/widget/messages/en.ts";
import { checkoutUrl, expect, test } from "./support/fixtures.ts";
import { leakReport, trackLeaks } from "./support/leak-tracker.ts";
import { seedSpaazaVoucher } from "./support/seeds.ts";
import { seedJtlVoucher } from "./support/simulator.ts";

const minutes = (n: number) => n * 60_000;

interface Removed {
  removed: Element;
  mutations: number;
  heard: string[];
}

/**
 * Removes the first `selector` element, keeping it in `window.removed`, and from then on counts changes
 * to its shadow tree and the events it fires (none may come from a removed widget).
 */
async function removeElement(page: Page, selector: string): Promise<void> {
  await page.evaluate((s) => {
    const w = window as unknown as Removed;
    const element = document.querySelector(s) as Element;
    w.removed = element;
    w.mutations = 0;
    w.heard = [];
    const count = (records: MutationRecord[]) => {
      w.mutations += records.length;
    };
    new MutationObserver(count).observe(element.shadowRoot as ShadowRoot, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
    for (const type of ["expiring", "expired", "released", "checked", "held", "error"]) {
      element.addEventListener(`voucher-${type}`, (event) => w.heard.push(event.type));
    }
    element.remove();
  }, selector);
}

const afterRemoval = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as Removed;
    return { mutations: w.mutations, heard: w.heard, connected: w.removed.isConnected };
  });

/** Puts the removed element back where widgets go. */
const putBack = (page: Page) =>
  page.evaluate(() => document.querySelector("main")?.append((window as unknown as Removed).removed));

test.describe("removing the widget from the page", () => {
  test("with a hold counting down: no timer or listener is left, and nothing wakes up later", async ({
    page,
    widget,
  }) => {
    await page.clock.install();
    await trackLeaks(page);
    const voucher = await seedJtlVoucher({ amount: "15.00" });
    await page.goto(checkoutUrl({ amount: "15.00" }));
    await widget.hold({ code: voucher.code });
    await expect(widget.timer).toHaveText(/^(30:00|29:[0-5]\d)$/);

    // The tracker sees what the running countdown keeps: its next tick and its visibility listener.
    const before = await leakReport(page);
    expect(before.live.map((l) => l.kind)).toContain("timeout");
    expect(before.live.map((l) => l.what)).toContain("document:visibilitychange");

    await removeElement(page, "voucher-widget");
    const after = await leakReport(page, "removed");
    expect(after.leaks, JSON.stringify(after.leaks, null, 1)).toEqual([]);

    // Past the hold's expiry: a removed widget neither renders nor fires anything (and logs no error).
    await page.clock.runFor(minutes(31));
    expect(await afterRemoval(page)).toEqual({ mutations: 0, heard: [], connected: false });
    expect((await leakReport(page, "removed")).leaks).toEqual([]);

    // Put back, it carries on from the clock: the hold ran out meanwhile, and it says so.
    await putBack(page);
    await expect(widget.alert).toHaveText(en.expired);
    await expect(widget.button("hold")).toBeVisible();
    expect((await afterRemoval(page)).heard).toEqual(["voucher-expired"]);
    // And removed again, it is just as clean.
    await removeElement(page, "voucher-widget");
    expect((await leakReport(page, "removed")).leaks).toEqual([]);
  });

  test("while a check is on its way: the request is cancelled and the entry is usable when put back", async ({
    page,
    widget,
  }) => {
    await page.clock.install();
    await trackLeaks(page);
    let answer: (() => void) | undefined;
    const held = new Promise<void>((resolve) => {
      answer = resolve;
    });
    await page.route("**/api/v1/vouchers/check", async (route) => {
      // Keep the answer back until the element is gone.
      await held;
      await route.continue().catch(() => undefined);
    });
    const voucher = await seedSpaazaVoucher("20.00");
    await page.goto(checkoutUrl({ account: "spaaza", amount: "10.00" }));
    await widget.code.fill(voucher.voucher_key);
    await widget.button("check").click();
    await expect(widget.status).toHaveText(en.checking);
    expect((await leakReport(page)).live.map((l) => l.kind)).toContain("fetch");

    await removeElement(page, "voucher-widget");
    answer?.();
    await expect.poll(async () => (await leakReport(page, "removed")).leaks).toEqual([]);
    await page.clock.runFor(minutes(1));
    expect((await afterRemoval(page)).heard).toEqual([]);

    await page.unroute("**/api/v1/vouchers/check");
    await putBack(page);
    await expect(widget.button("check")).toBeVisible();
    await widget.button("check").click();
    await expect(widget.part("balance")).toHaveText("€20.00");
  });

  test("while loading the account waits to retry: the retry timer goes with it", async ({ page, widget }) => {
    await page.clock.install();
    await trackLeaks(page);
    let asked = 0;
    await page.route("**/api/v1/capabilities", async (route) => {
      asked++;
      await route.fulfill({
        status: 429,
        headers: { "content-type": "application/problem+json", "retry-after": "30" },
        json: {
          type: "about:blank",
          title: "Too many requests",
          status: 429,
          code: "RATE_LIMITED",
          retryable: true,
          retryAfterSeconds: 30,
        },
      });
    });
    await page.goto(checkoutUrl());
    await expect.poll(() => asked).toBe(1);
    await expect
      .poll(async () => (await leakReport(page)).live.filter((l) => l.kind === "timeout").map((l) => l.what))
      .toContain("30000 ms");

    await removeElement(page, "voucher-widget");
    expect((await leakReport(page, "removed")).leaks).toEqual([]);
    await page.clock.runFor(minutes(2));
    expect(asked).toBe(1);
    await expect(widget.root).toHaveCount(0);
  });

  test("after selling a voucher (issue mode): nothing is left", async ({ page, widget }) => {
    await trackLeaks(page);
    await page.goto(checkoutUrl({ mode: "issue", amount: "20.00" }));
    await widget.button("sell").click();
    await expect(widget.part("issued-code")).toBeVisible();
    await removeElement(page, "voucher-widget");
    await expect.poll(async () => (await leakReport(page, "removed")).leaks).toEqual([]);
  });

  test("the access-code admin (<voucher-codes>, query-core): no listener, retry or gc timer is left", async ({
    page,
  }) => {
    await page.clock.install();
    await trackLeaks(page);
    await page.goto(`${process.env.E2E_MERCHANT_URL}/codes-admin?account=mews&locale=en-GB&page-size=5`);
    const admin = page.locator("voucher-codes");
    await expect(admin.getByRole("button", { name: codesEn.add, exact: true })).toBeVisible();
    await expect(admin.getByRole("table")).toBeVisible();
    // query-core keeps window listeners (focus, online) while mounted: the tracker sees them.
    const before = await leakReport(page);
    expect(before.live.filter((l) => l.kind === "listener").length).toBeGreaterThan(0);

    await removeElement(page, "voucher-codes");
    await expect.poll(async () => (await leakReport(page, "removed")).leaks).toEqual([]);
    // Past query-core's default gc time (5 minutes) and any refetch: nothing runs.
    await page.clock.runFor(minutes(10));
    expect(await afterRemoval(page)).toMatchObject({ mutations: 0, connected: false });
    expect((await leakReport(page, "removed")).leaks).toEqual([]);
  });
});
