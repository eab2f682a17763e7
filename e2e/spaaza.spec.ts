/**
 * Spaaza through the widget: a check-first account (no PIN), Spaaza's own lock as the hold (5 minutes by
 * default), partial redemption leaving the rest on a regenerated voucher. Vouchers are seeded through the
 * simulator's `/__sim/` routes at E2E_SIM_SPAAZA_URL.
 */
import { en } from "../src/widget/messages/en.ts";
import { checkoutUrl, expect, test } from "./support/fixtures.ts";
import { setFaults } from "./support/simulator.ts";

interface SpaazaSimVoucher {
  voucher_key: string;
  voucher_id: number;
  voucher_status: string;
  voucher_locked: boolean;
  regenerated_voucher_key: string | null;
  remaining_amount: string;
}

async function simCall(path: string, body?: unknown): Promise<SpaazaSimVoucher> {
  const init: RequestInit =
    body === undefined
      ? {}
      : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
  const response = await fetch(`${process.env.E2E_SIM_SPAAZA_URL}/__sim/${path}`, init);
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as SpaazaSimVoucher;
}

/** A fresh voucher in the demo chain, so every test owns its own money (currency id 2 = EUR). */
const seedVoucher = (amount: string, extra: Record<string, unknown> = {}) =>
  simCall("vouchers", { amount, currency_id: 2, ...extra });
/** The voucher as Spaaza itself sees it. */
const upstream = (key: string) => simCall(`vouchers/${key}`);

const spaazaCheckout = (amount: string) => checkoutUrl({ account: "spaaza", amount, currency: "EUR" });

test.describe("redeeming a Spaaza voucher", () => {
  test("check balance → hold → countdown → partial redeem, the rest shown", async ({ page, widget }) => {
    await page.clock.install();
    const voucher = await seedVoucher("50.00");
    await page.goto(spaazaCheckout("12.30"));
    await widget.recordEvents();

    await expect(widget.button("check")).toBeVisible();
    await expect(widget.pin).toHaveCount(0);
    await expect(widget.amount).toHaveCount(0);
    // A scanner may send the key in upper case; the BFF hands Spaaza its lower-case hex.
    await widget.code.fill(voucher.voucher_key.toUpperCase());
    await widget.button("check").click();
    await expect(widget.part("balance")).toHaveText("€50.00");
    await expect(widget.amount).toHaveValue("12.30");

    await widget.button("hold").click();
    await expect(widget.part("held-amount")).toHaveText("€12.30");
    await expect(widget.part("masked-code")).toContainText(voucher.voucher_key.slice(-4).toUpperCase());
    await expect(widget.timer).toHaveText(/^(05:00|04:[0-5]\d)$/);
    expect((await upstream(voucher.voucher_key)).voucher_locked).toBe(true);

    await page.clock.fastForward(2 * 60_000);
    await expect(widget.timer).toHaveText(/^(03:00|02:[0-5]\d)$/);

    await widget.button("redeem").click();
    await expect(widget.part("redeemed-amount")).toHaveText("€12.30");
    await expect(widget.part("remaining-balance")).toHaveText("€37.70");
    await expect(widget.status).toContainText("Redeemed €12.30");

    const after = await upstream(voucher.voucher_key);
    expect(after).toMatchObject({ voucher_status: "redeemed", remaining_amount: "37.70" });
    expect(after.regenerated_voucher_key).toMatch(/^[0-9a-f]{64}$/);

    const events = await widget.events();
    // A 5-minute lock starts inside the widget's first warning mark (300 s), so it warns on the way.
    const types = events.map((e) => e.type);
    expect(types.filter((t) => t !== "voucher-expiring")).toEqual([
      "voucher-checked",
      "voucher-held",
      "voucher-redeemed",
    ]);
    expect(JSON.stringify(events).toLowerCase()).not.toContain(voucher.voucher_key);
  });

  test("extend locks again and release unlocks the voucher at Spaaza", async ({ page, widget }) => {
    const voucher = await seedVoucher("20.00", { status: "generated" });
    await page.goto(spaazaCheckout("5.00"));
    await widget.code.fill(voucher.voucher_key);
    await widget.button("check").click();
    await expect(widget.part("balance")).toHaveText("€20.00");
    await widget.button("hold").click();
    await expect(widget.timer).toBeVisible();

    // Spaaza is slow to lock again: while the extend runs, Release says it is busy (a press then would be
    // ignored), and frees itself once the lock is renewed.
    await setFaults("SPAAZA", { latencyMs: 500, pathPrefix: "/lock-voucher" });
    try {
      await widget.button("extend").click();
      await expect(widget.button("release")).toHaveAttribute("aria-disabled", "true");
      await expect(widget.button("release")).toHaveAttribute("aria-disabled", "false");
    } finally {
      await setFaults("SPAAZA", {});
    }
    await expect(widget.timer).toHaveText(/^(05:00|04:[0-5]\d)$/);
    await widget.button("release").click();
    await expect(widget.status).toHaveText(en.released);
    expect((await upstream(voucher.voucher_key)).voucher_locked).toBe(false);
  });

  test("a voucher in another currency is refused at the check", async ({ page, widget }) => {
    const voucher = await seedVoucher("40.00", { currency_id: 3 });
    await page.goto(spaazaCheckout("10.00"));
    await widget.code.fill(voucher.voucher_key);
    await widget.button("check").click();
    await expect(widget.alert).toHaveText(en.errors.CURRENCY_MISMATCH);
    expect((await upstream(voucher.voucher_key)).voucher_locked).toBe(false);
  });
});
