/**
 * A redemption whose outcome the provider has not confirmed (its answer lost, and it cannot be asked
 * meanwhile): the BFF answers PROVIDER_UNAVAILABLE with `retryAfterSeconds`, and the widget says when to
 * try again, keeps Redeem disabled until then with the seconds counting down, and then retries under the
 * same idempotency key, which settles the one charge. The page's clock moves over the wait; the BFF's own
 * time needs no waiting here (a lookup that cannot reach the provider asks to come back in a few seconds).
 */
import type { Request } from "@playwright/test";
import { en } from "../src/widget/messages/en.ts";
import { pausePageClock } from "./support/clock.ts";
import { checkoutUrl, expect, test } from "./support/fixtures.ts";
import { jtlRemaining, seedJtlVoucher, setFaults } from "./support/simulator.ts";

test.afterEach(() => setFaults("JTL", {}));

test("a charge not confirmed yet: Redeem waits the seconds the BFF asked for, then the retry redeems once", async ({
  page,
  widget,
  consoleErrors,
}) => {
  await page.clock.install();
  const voucher = await seedJtlVoucher({ amount: "60.00" });
  await page.goto(checkoutUrl({ amount: "25.00" }));
  await widget.recordEvents();
  await widget.hold({ code: voucher.code });
  await expect(widget.timer).toBeVisible();
  // From here the page's time moves only when the test moves it.
  await pausePageClock(page);

  const redeems: Request[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().endsWith("/redeem")) redeems.push(request);
  });
  // The charge goes through but its answer is lost, and the provider cannot be asked what happened.
  await setFaults("JTL", {
    drop: { count: 1, pathPrefix: "/v1/reservations/" },
    error: { status: 503, count: 50, pathPrefix: "/v1/vouchers/" },
  });
  const answered = page.waitForResponse((r) => r.url().endsWith("/redeem"));
  await widget.button("redeem").click();
  const problem = (await (await answered).json()) as { code: string; retryAfterSeconds: number };
  expect(problem.code).toBe("PROVIDER_UNAVAILABLE");
  const wait = problem.retryAfterSeconds;
  expect(wait).toBeGreaterThan(1);
  await setFaults("JTL", {});

  // Said once, with the BFF's figure; Redeem stays focusable but disabled, the seconds beside it.
  await expect(widget.alert).toHaveText(en.unconfirmed(wait));
  const redeem = widget.button("redeem");
  const countdown = widget.root.getByRole("timer", { name: en.retryWait });
  await expect(redeem).toHaveAttribute("aria-disabled", "true");
  await expect(countdown).toHaveText(`${wait} s`);
  // Pressed anyway (forced: Playwright itself would wait for it to be enabled): nothing is sent.
  await redeem.click({ force: true });
  // Just past the next second (the countdown looks again a few ms after each).
  await page.clock.runFor(1100);
  await expect(countdown).toHaveText(`${wait - 1} s`);
  // The figure counts down; the message does not change (it is not read out every second).
  await expect(widget.alert).toHaveText(en.unconfirmed(wait));
  expect(redeems).toHaveLength(1);

  await page.clock.runFor((wait - 1) * 1000);
  await expect(countdown).toHaveCount(0);
  await expect(redeem).toHaveAttribute("aria-disabled", "false");
  await redeem.click();
  await expect(widget.part("remaining-balance")).toHaveText("€35.00");
  expect(await jtlRemaining(voucher.id)).toBe("35.00");
  expect(redeems).toHaveLength(2);
  const keys = await Promise.all(redeems.map((r) => r.headerValue("idempotency-key")));
  expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
  expect(keys[1]).toBe(keys[0]);
  const types = (await widget.events()).map((e) => e.type);
  expect(types).toEqual(["voucher-held", "voucher-error", "voucher-redeemed"]);
  // Chromium logs the BFF's 503 as a console error: that one is this test's doing, nothing else may be there.
  const expected = consoleErrors.findIndex((e) => /status of 503/.test(e));
  expect(expected).toBeGreaterThanOrEqual(0);
  consoleErrors.splice(expected, 1);
});
