/**
 * Tevalis through the widget: a check-only account for redeeming (Tevalis documents no hold or redeem,
 * so the widget shows the balance and says it cannot redeem here), and issue mode selling a voucher with
 * `CreateVoucher`. Vouchers are seeded and read through the simulator's `/__sim/` routes at
 * E2E_SIM_TEVALIS_URL.
 */
import { randomBytes } from "node:crypto";
import { en } from "../src/widget/messages/en.ts";
import { checkoutUrl, expect, test } from "./support/fixtures.ts";

interface TevalisSimVoucher {
  SerialNumber: string;
  Value: string;
  Notes: string | null;
  siteId: number;
  active: boolean;
}

async function simCall(path: string, body?: unknown): Promise<TevalisSimVoucher> {
  const init: RequestInit =
    body === undefined
      ? {}
      : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
  const response = await fetch(`${process.env.E2E_SIM_TEVALIS_URL}/__sim/${path}`, init);
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as TevalisSimVoucher;
}

/** A fresh voucher of the demo company's site 1, so every test owns its own. */
const seedVoucher = (value: string, extra: Record<string, unknown> = {}) =>
  simCall("vouchers", { serial: `E2E${randomBytes(6).toString("hex").toUpperCase()}`, value, ...extra });

const tevalisCheckout = (params: Record<string, string>) =>
  checkoutUrl({ account: "tevalis", currency: "GBP", ...params });

test.describe("Tevalis vouchers", () => {
  test("check a serial: the balance is shown, and no hold is offered", async ({ page, widget }) => {
    const voucher = await seedVoucher("37.50");
    await page.goto(tevalisCheckout({ amount: "20.00" }));
    await widget.recordEvents();

    await expect(widget.button("check")).toBeVisible();
    await expect(widget.pin).toHaveCount(0);
    // Typed as a cashier might: lower case, in groups.
    const serial = voucher.SerialNumber;
    await widget.code.fill(`${serial.slice(0, 5).toLowerCase()} ${serial.slice(5, 10)}-${serial.slice(10)}`);
    await widget.button("check").click();

    await expect(widget.part("balance")).toHaveText("£37.50");
    await expect(widget.part("voucher-status")).toHaveText(en.statuses.active);
    await expect(widget.alert).toHaveText(en.stops.not_redeemable);
    await expect(widget.button("hold")).toHaveCount(0);

    const events = await widget.events();
    expect(events.map((e) => e.type)).toEqual(["voucher-checked"]);
    expect(events[0]?.detail).toMatchObject({ balance: { amount: "37.50", currency: "GBP" }, status: "active" });
    expect(JSON.stringify(events)).not.toContain(serial);
  });

  test("a spent voucher gets the same answer as an unknown serial", async ({ page, widget }) => {
    const spent = await seedVoucher("10.00", { state: "redeemed" });
    await page.goto(tevalisCheckout({ amount: "5.00" }));
    await widget.code.fill(spent.SerialNumber);
    await widget.button("check").click();
    await expect(widget.alert).toHaveText(en.codeInvalid);
    await expect(widget.part("balance")).toHaveCount(0);
  });

  test("issue mode sells a voucher and shows its code", async ({ page, widget }) => {
    await page.goto(tevalisCheckout({ mode: "issue", amount: "15.00" }));
    await widget.recordEvents();
    const value = widget.root.getByRole("textbox", { name: new RegExp(`^${en.issueAmount}`) });
    await value.fill("15.00");
    await widget.button("sell").click();

    const shown = widget.part("issued-code");
    await expect(shown).toHaveText(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);
    await expect(widget.part("issued-pin")).toHaveCount(0);
    const serial = (await shown.textContent())!.replaceAll("-", "");

    const stored = await simCall(`vouchers/${serial}`);
    expect(stored).toMatchObject({ Value: "15.00", siteId: 1, active: true });
    expect(stored.Notes).toMatch(/^Sold through voucher-widget \(ref iss_/);
    const events = await widget.events();
    expect(events.map((e) => e.type)).toEqual(["voucher-issued"]);
    expect(JSON.stringify(events[0]?.detail)).toContain(serial);

    // The voucher just sold checks like any other.
    await page.goto(tevalisCheckout({ amount: "15.00" }));
    await widget.code.fill(serial);
    await widget.button("check").click();
    await expect(widget.part("balance")).toHaveText("£15.00");
  });
});
