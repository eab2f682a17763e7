import { en } from "../src/widget/messages/en.ts";
import { checkoutUrl, expect, test } from "./support/fixtures.ts";
import { jtlRemaining, seedJtlVoucher } from "./support/simulator.ts";

test.describe("redeeming a JTL voucher from a plain page on another origin", () => {
  test("hold then redeem: the voucher's balance is lower afterwards", async ({ page, widget }) => {
    const voucher = await seedJtlVoucher({ amount: "60.00", pin: "4711" });
    await page.goto(checkoutUrl({ amount: "25.00" }));
    await widget.recordEvents();
    await expect(widget.amount).toHaveValue("25.00");

    // Typed as a cashier might: lower case, with spaces and dashes.
    const typed = `${voucher.code.slice(0, 4).toLowerCase()} ${voucher.code.slice(4, 8)}-${voucher.code.slice(8)}`;
    await widget.hold({ code: typed, pin: "4711" });

    await expect(widget.part("held-amount")).toHaveText("€25.00");
    await expect(widget.part("balance")).toHaveText("€60.00");
    await expect(widget.part("masked-code")).toContainText(voucher.code.slice(-4));
    await expect(widget.timer).toHaveText(/^(30:00|29:[0-5]\d)$/);

    await widget.button("redeem").click();
    await expect(widget.part("redeemed-amount")).toHaveText("€25.00");
    await expect(widget.part("remaining-balance")).toHaveText("€35.00");
    await expect(widget.status).toContainText("Redeemed €25.00");
    expect(await jtlRemaining(voucher.id)).toBe("35.00");

    const events = await widget.events();
    expect(events.map((e) => e.type)).toEqual(["voucher-held", "voucher-redeemed"]);
    const serialized = JSON.stringify(events);
    expect(serialized).not.toContain(voucher.code);
    expect(serialized).not.toContain("4711");
  });

  test("a wrong PIN is refused and nothing is held", async ({ page, widget }) => {
    const voucher = await seedJtlVoucher({ amount: "20.00", pin: "1111" });
    await page.goto(checkoutUrl({ amount: "5.00" }));
    await widget.hold({ code: voucher.code, pin: "2222" });
    await expect(widget.alert).toHaveText(en.errors.VOUCHER_INVALID);
    await expect(widget.button("hold")).toBeVisible();
    await expect(widget.code).toHaveAttribute("aria-invalid", "true");
    expect(await jtlRemaining(voucher.id)).toBe("20.00");
  });

  test("an amount above the balance is refused", async ({ page, widget }) => {
    const voucher = await seedJtlVoucher({ amount: "10.00" });
    await page.goto(checkoutUrl({ amount: "12.00" }));
    await widget.hold({ code: voucher.code });
    await expect(widget.alert).toHaveText(en.errors.INSUFFICIENT_BALANCE);
    await expect(widget.button("hold")).toBeVisible();
  });

  test("release gives the voucher back and it can be held again", async ({ page, widget }) => {
    const voucher = await seedJtlVoucher({ amount: "30.00" });
    await page.goto(checkoutUrl({ amount: "10.00" }));
    await widget.recordEvents();
    await widget.hold({ code: voucher.code });
    await expect(widget.timer).toBeVisible();
    await widget.button("release").click();
    await expect(widget.status).toHaveText(en.released);
    await expect(widget.button("hold")).toBeVisible();
    expect((await widget.events()).map((e) => e.type)).toEqual(["voucher-held", "voucher-released"]);

    await widget.hold({ code: voucher.code });
    await expect(widget.timer).toBeVisible();
    await widget.button("redeem").click();
    await expect(widget.part("remaining-balance")).toHaveText("€20.00");
    expect(await jtlRemaining(voucher.id)).toBe("20.00");
  });
});
