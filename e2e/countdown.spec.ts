import { en } from "../src/widget/messages/en.ts";
import { checkoutUrl, expect, test } from "./support/fixtures.ts";
import { seedJtlVoucher } from "./support/simulator.ts";

const minutes = (n: number) => n * 60_000;

test.describe("the hold's countdown", () => {
  test("counts down with the clock, warns, and on expiry returns to entry", async ({ page, widget }) => {
    await page.clock.install();
    const voucher = await seedJtlVoucher({ amount: "15.00" });
    await page.goto(checkoutUrl({ amount: "15.00" }));
    await widget.recordEvents();
    await widget.hold({ code: voucher.code });
    await expect(widget.timer).toHaveText(/^(30:00|29:[0-5]\d)$/);

    await page.clock.fastForward(minutes(10));
    await expect(widget.timer).toHaveText(/^(20:00|19:[0-5]\d)$/);

    await page.clock.fastForward(minutes(19) + 20_000);
    await expect(widget.timer).toHaveText(/^00:[0-4]\d$/);
    await expect(widget.part("countdown")).toHaveClass(/warning/);

    await page.clock.fastForward(minutes(1));
    await expect(widget.alert).toHaveText(en.expired);
    await expect(widget.button("hold")).toBeVisible();
    const types = (await widget.events()).map((e) => e.type);
    expect(types[0]).toBe("voucher-held");
    expect(types).toContain("voucher-expiring");
    expect(types.at(-1)).toBe("voucher-expired");
  });

  test("extend renews the hold", async ({ page, widget }) => {
    await page.clock.install();
    const voucher = await seedJtlVoucher({ amount: "15.00", pin: "9090" });
    await page.goto(checkoutUrl({ amount: "5.00" }));
    await widget.hold({ code: voucher.code, pin: "9090" });
    await expect(widget.timer).toHaveText(/^(30:00|29:[0-5]\d)$/);
    await page.clock.fastForward(minutes(12));
    await expect(widget.timer).toHaveText(/^(18:00|17:[0-5]\d)$/);

    // The browser's clock ran ahead of the server's, so after the extension the server's new expiry is
    // again 30 minutes after the server's now: the corrected countdown shows the full 30 minutes.
    await widget.button("extend").click();
    await expect(widget.timer).toHaveText(/^(30:00|29:[0-5]\d)$/);
    await widget.button("redeem").click();
    await expect(widget.part("redeemed-amount")).toHaveText("€5.00");
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
