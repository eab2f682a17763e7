/**
 * Split tender (`<voucher-widget split>`): several vouchers on one sale, each with its own countdown and
 * remove button, the amount still due kept up to date, and one redeem for them all in which a failure
 * belongs to its voucher alone. Money is read back from the simulator, as the provider sees it.
 */

import { randomInt } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Page, Request } from "@playwright/test";
import { en } from "../src/widget/messages/en.ts";
import { pausePageClock } from "./support/clock.ts";
import { checkoutUrl, expect, test } from "./support/fixtures.ts";
import { jtlRemaining, seedJtlVoucher, setFaults } from "./support/simulator.ts";
import type { VoucherWidgetPage } from "./support/voucher-widget.page.ts";

const minutes = (n: number) => n * 60_000;

/** The list's rows, one per voucher on the sale. */
function items(widget: VoucherWidgetPage) {
  return widget.part("tender-item");
}

/**
 * A list item's button (`remove` or `retry`), found by its accessible name, which says which voucher; its
 * visible text is the short word alone.
 */
async function itemButton(widget: VoucherWidgetPage, verb: "remove" | "retry", masked: string) {
  const name = verb === "remove" ? en.tender.removeVoucher(masked) : en.tender.retryVoucher(masked);
  const button = widget.root.getByRole("button", { name, exact: true });
  await expect(button).toHaveAccessibleName(name);
  await expect(button).toHaveText(en.tender[verb]);
  return button;
}

async function tenderEvents(widget: VoucherWidgetPage) {
  return (await widget.events()).filter((e) => e.type === "voucher-tender");
}

/** A fresh activated CRM.COM voucher with its own secret number (the PIN), seeded in its simulator. */
async function seedCrmVoucher(value: string): Promise<{ number: string; secret_number: string }> {
  const response = await fetch(`${process.env.E2E_SIM_CRMCOM_URL}/__sim/vouchers`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ value, secret_number: String(randomInt(1_000_000, 10_000_000)) }),
  });
  if (!response.ok) throw new Error(`seeding failed: ${response.status}`);
  return (await response.json()) as { number: string; secret_number: string };
}

async function crmState(number: string): Promise<string> {
  const response = await fetch(`${process.env.E2E_SIM_CRMCOM_URL}/__sim/vouchers/${number}`);
  return ((await response.json()) as { life_cycle_state: string }).life_cycle_state;
}

/** axe-core finds nothing wrong with the page as it is now (the widget's shadow root included). */
async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function recordTender(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { voucherEvents: { type: string; detail: unknown }[] };
    document.addEventListener("voucher-tender", (event) => {
      w.voucherEvents.push({ type: event.type, detail: (event as CustomEvent).detail });
    });
  });
}

test.describe("split tender", () => {
  test.afterEach(() => setFaults("JTL", {}));

  test("two vouchers pay one sale: the rest due follows each hold, one redeem takes both", async ({ page, widget }) => {
    const first = await seedJtlVoucher({ amount: "20.00" });
    const second = await seedJtlVoucher({ amount: "30.00", pin: "4321" });
    await page.goto(checkoutUrl({ amount: "42.50", split: "1" }));
    await widget.recordEvents();
    await recordTender(page);

    // The first voucher is worth less than the sale: the cashier holds what it has.
    await widget.hold({ code: first.code }, "20.00");
    await expect(items(widget)).toHaveCount(1);
    await expect(widget.part("covered")).toHaveText("€20.00");
    await expect(widget.part("still-due")).toHaveText("€22.50");
    // The entry is ready for the next voucher, its amount the rest due, focus on the code.
    await expect(widget.code).toHaveValue("");
    await expect(widget.code).toBeFocused();
    await expect(widget.amount).toHaveValue("22.50");
    await expect(widget.status).toHaveText(en.tender.summary("€20.00", "€22.50"));

    await widget.hold({ code: second.code, pin: "4321" });
    await expect(items(widget)).toHaveCount(2);
    await expect(widget.part("still-due")).toHaveText("€0.00");
    // Nothing left to pay: no entry form, and focus waits on the one button that finishes the sale.
    await expect(widget.code).toHaveCount(0);
    const redeemAll = widget.root.getByRole("button", { name: en.tender.redeemAll(2) });
    await expect(redeemAll).toBeFocused();
    await expect(widget.root.getByRole("timer")).toHaveCount(2);
    await expectAccessible(page);

    await page.keyboard.press("Enter");
    await expect(widget.root.getByRole("button", { name: en.tender.nextSale })).toBeVisible();
    await expect(items(widget).and(widget.root.locator("[data-state=redeemed]"))).toHaveCount(2);
    await expect(widget.status).toHaveText(en.tender.complete(2, "€42.50"));
    expect(await jtlRemaining(first.id)).toBe("0.00");
    expect(await jtlRemaining(second.id)).toBe("7.50");

    const events = await widget.events();
    expect(events.filter((e) => e.type === "voucher-held")).toHaveLength(2);
    expect(events.filter((e) => e.type === "voucher-redeemed")).toHaveLength(2);
    const last = (await tenderEvents(widget)).at(-1)?.detail as { complete: boolean; remainingDue: unknown };
    expect(last).toMatchObject({ complete: true, remainingDue: { amount: "0.00", currency: "EUR" } });
    // Events carry masked codes only.
    expect(JSON.stringify(events)).not.toContain(first.code);
    expect(JSON.stringify(events)).not.toContain(second.code);

    // Next sale: an empty list and a fresh entry for the whole amount.
    await widget.root.getByRole("button", { name: en.tender.nextSale }).click();
    await expect(items(widget)).toHaveCount(0);
    await expect(widget.amount).toHaveValue("42.50");
  });

  test("remove releases one voucher: it leaves the list, the rest due grows back, its balance is untouched", async ({
    page,
    widget,
  }) => {
    const first = await seedJtlVoucher({ amount: "10.00" });
    const second = await seedJtlVoucher({ amount: "10.00" });
    await page.goto(checkoutUrl({ amount: "30.00", split: "1" }));
    await widget.recordEvents();
    await widget.hold({ code: first.code }, "10.00");
    await widget.hold({ code: second.code }, "10.00");
    await expect(widget.part("still-due")).toHaveText("€10.00");

    // Each row's button says "Remove" and is named after its own voucher.
    const [masked = "", other = ""] = await items(widget).locator("[part~=masked-code]").allTextContents();
    expect(masked).not.toBe(other);
    await itemButton(widget, "remove", other);
    await (await itemButton(widget, "remove", masked)).click();
    await expect(items(widget)).toHaveCount(1);
    await expect(widget.part("still-due")).toHaveText("€20.00");
    await expect(widget.amount).toHaveValue("20.00");
    expect((await widget.events()).filter((e) => e.type === "voucher-released")).toHaveLength(1);

    // The released voucher can be held again at once (no hold is left on it), here by the same sale.
    await widget.hold({ code: first.code }, "10.00");
    await expect(items(widget)).toHaveCount(2);
    await widget.root.getByRole("button", { name: en.tender.redeemAll(2) }).click();
    await expect(widget.root.locator("[data-state=redeemed]")).toHaveCount(2);
    expect(await jtlRemaining(first.id)).toBe("0.00");
    expect(await jtlRemaining(second.id)).toBe("0.00");
  });

  test("one voucher fails to redeem: the other is redeemed once; the failed one's Retry waits the seconds asked for, then redeems it once", async ({
    page,
    widget,
  }) => {
    await page.clock.install();
    const first = await seedJtlVoucher({ amount: "25.00" });
    const second = await seedJtlVoucher({ amount: "25.00" });
    await page.goto(checkoutUrl({ amount: "40.00", split: "1" }));
    await widget.recordEvents();
    await widget.hold({ code: first.code }, "20.00");
    await widget.hold({ code: second.code });
    await expect(widget.part("still-due")).toHaveText("€0.00");
    // From here the page's time moves only when the test moves it.
    await pausePageClock(page);
    const redeems: Request[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST" && request.url().endsWith("/redeem")) redeems.push(request);
    });

    // The provider refuses the next charge it gets, before doing anything (429, come back in 20 s): one of
    // the two fails. (A 5xx would leave the outcome unknown for the BFF's settle grace instead.)
    const wait = 20;
    await setFaults("JTL", { rateLimit: { count: 1, retryAfterSeconds: wait, pathPrefix: "/v1/reservations/" } });
    await widget.root.getByRole("button", { name: en.tender.redeemAll(2) }).click();

    const failed = widget.root.locator("[part~=tender-item][data-state=failed]");
    await expect(failed).toHaveCount(1);
    await expect(widget.root.locator("[part~=tender-item][data-state=redeemed]")).toHaveCount(1);
    const masked = (await failed.locator("[part~=masked-code]").textContent()) ?? "";
    const failedHold = (await failed.getAttribute("data-hold")) ?? "";
    // The cashier sees which one failed, and why, and focus is on its retry button.
    await expect(widget.alert).toContainText(masked);
    const retry = await itemButton(widget, "retry", masked);
    // Only the failed one offers a retry.
    await expect(widget.part("retry-button")).toHaveCount(1);
    await expect(retry).toBeFocused();
    // It waits as long as the provider asked: disabled (yet focusable), its own countdown beside it, and
    // the list's redeem button (which would retry it too) waits with it.
    const countdown = widget.root.getByRole("timer", { name: en.tender.retryWaitOn(masked) });
    await expect(retry).toHaveAttribute("aria-disabled", "true");
    await expect(countdown).toHaveText(`${wait} s`);
    await expect(widget.root.getByRole("button", { name: en.tender.redeemAll(1) })).toHaveAttribute(
      "aria-disabled",
      "true",
    );
    const charged = [await jtlRemaining(first.id), await jtlRemaining(second.id)].sort();
    // Exactly one voucher was charged: 25 − 20 = 5.00 or 25 − 20 = 5.00; the other untouched at 25.00.
    expect(charged).toEqual(["25.00", "5.00"]);

    // Enter on the focused Retry, and a click (forced: Playwright would wait for it), send nothing meanwhile.
    await page.keyboard.press("Enter");
    await retry.click({ force: true });
    // Just past the next second (the countdown looks again a few ms after each).
    await page.clock.runFor(1100);
    await expect(countdown).toHaveText(`${wait - 1} s`);
    expect(redeems).toHaveLength(2);
    // axe needs the page's timers: time flows again while it looks (a second or two of the wait).
    await page.clock.resume();
    await expectAccessible(page);

    await page.clock.runFor(wait * 1000);
    await expect(countdown).toHaveCount(0);
    await expect(retry).toHaveAttribute("aria-disabled", "false");
    await expect(retry).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(widget.root.locator("[part~=tender-item][data-state=redeemed]")).toHaveCount(2);
    await expect(widget.root.getByRole("button", { name: en.tender.nextSale })).toBeFocused();
    // Each charged once: neither the retry nor the first, successful redeem charged anything twice.
    expect(await jtlRemaining(first.id)).toBe("5.00");
    expect(await jtlRemaining(second.id)).toBe("5.00");
    // Three redeems in all: one per voucher, and the retry, under the failed one's idempotency key.
    expect(redeems).toHaveLength(3);
    const ofFailed = redeems.filter((r) => r.url().includes(`/holds/${failedHold}/redeem`));
    expect(ofFailed).toHaveLength(2);
    const keys = await Promise.all(ofFailed.map((r) => r.headerValue("idempotency-key")));
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    const redeemed = (await widget.events()).filter((e) => e.type === "voucher-redeemed");
    expect(redeemed).toHaveLength(2);
    expect((await widget.events()).filter((e) => e.type === "voucher-error")).toHaveLength(1);
  });

  test("each voucher has its own countdown; vouchers whose hold runs out leave the sale with a notice", async ({
    page,
    widget,
  }) => {
    await page.clock.install();
    const first = await seedJtlVoucher({ amount: "10.00" });
    const second = await seedJtlVoucher({ amount: "10.00" });
    await page.goto(checkoutUrl({ amount: "50.00", split: "1" }));
    await widget.recordEvents();
    await widget.hold({ code: first.code }, "10.00");
    await widget.hold({ code: second.code }, "10.00");
    await expect(items(widget)).toHaveCount(2);
    await expect(widget.part("still-due")).toHaveText("€30.00");

    // One timer per voucher, each named after its voucher's masked code.
    const codes = await items(widget).locator("[part~=masked-code]").allTextContents();
    for (const code of codes) {
      await expect(widget.root.getByRole("timer", { name: en.tender.timeLeftOn(code) })).toHaveText(
        /^(30:00|29:[0-5]\d)$/,
      );
    }
    // Step over each mark (jumping over several at once announces only the nearest, as after a sleeping tab).
    await page.clock.fastForward(minutes(25) + 10_000);
    await expect(widget.root.locator("[data-level=soon]")).toHaveCount(2);
    await page.clock.fastForward(minutes(4));
    await expect(widget.root.locator("[data-level=warning]")).toHaveCount(2);
    await page.clock.fastForward(30_000);
    for (const code of codes) {
      const timer = widget.root.getByRole("timer", { name: en.tender.timeLeftOn(code) });
      await expect(timer).toHaveText(/^00:[0-2]\d$/);
      await expect(timer).toHaveAttribute("data-level", "urgent");
    }
    const expiring = (await widget.events()).filter((e) => e.type === "voucher-expiring");
    // 5 minutes, 1 minute and 30 seconds, for each of the two.
    expect(expiring).toHaveLength(6);

    await page.clock.fastForward(30_000);
    await expect(items(widget)).toHaveCount(0);
    await expect(widget.alert).toHaveText(/ran out/);
    await expect(widget.amount).toHaveValue("50.00");
    expect((await widget.events()).filter((e) => e.type === "voucher-expired")).toHaveLength(2);
    expect(await jtlRemaining(first.id)).toBe("10.00");
  });

  test("check-first, full-value-only vouchers (CRM.COM): each is checked and held whole, never past what is still due", async ({
    page,
    widget,
  }) => {
    const big = await seedCrmVoucher("30.00");
    const small = await seedCrmVoucher("10.00");
    const tooBig = await seedCrmVoucher("20.00");
    await page.goto(checkoutUrl({ account: "crmcom", amount: "42.50", currency: "EUR", split: "1" }));

    for (const voucher of [big, small]) {
      await widget.code.fill(voucher.number);
      await widget.pin.fill(voucher.secret_number);
      await widget.button("check").click();
      await widget.button("hold").click();
      await expect(widget.code).toHaveValue("");
    }
    await expect(items(widget)).toHaveCount(2);
    await expect(widget.part("still-due")).toHaveText("€2.50");

    // A voucher worth more than what is still due can only be used whole: no hold is offered for it.
    await widget.code.fill(tooBig.number);
    await widget.pin.fill(tooBig.secret_number);
    await widget.button("check").click();
    await expect(widget.part("amount-hint")).toHaveText(en.errors.FULL_VALUE_OVER_DUE);
    await expect(widget.button("hold")).toHaveCount(0);

    await widget.root.getByRole("button", { name: en.tender.redeemAll(2) }).click();
    await expect(widget.root.locator("[data-state=redeemed]")).toHaveCount(2);
    expect(await crmState(big.number)).toBe("USED");
    expect(await crmState(small.number)).toBe("USED");
    expect(await crmState(tooBig.number)).toBe("ACTIVATED");
  });
});
