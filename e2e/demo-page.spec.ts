import { expect, test } from "./support/fixtures.ts";
import { VoucherWidgetPage } from "./support/voucher-widget.page.ts";

test("the demo page redeems a demo voucher from the printed list", async ({ page }) => {
  await page.goto(`${process.env.E2E_BFF_URL}/`);
  const widget = new VoucherWidgetPage(page, "voucher-widget:not([mode=issue])");
  await expect(widget.code).toBeVisible();
  await widget.hold({ code: "DEMO-NOPI-N50E-UR01" }, "12.00");
  await expect(widget.part("balance")).toHaveText("€50.00");
  await widget.button("redeem").click();
  await expect(widget.part("remaining-balance")).toHaveText("€38.00");
});
