/**
 * Page model of <voucher-widget>: finds everything by role and by the same English strings the widget
 * shows (src/widget/messages/en.ts), so a test reads like what a cashier sees.
 */
import type { Locator, Page } from "@playwright/test";
import { en } from "../../src/widget/messages/en.ts";

export class VoucherWidgetPage {
  readonly root: Locator;
  readonly code: Locator;
  readonly pin: Locator;
  readonly amount: Locator;
  readonly status: Locator;
  readonly alert: Locator;
  readonly timer: Locator;

  constructor(
    readonly page: Page,
    selector = "voucher-widget",
  ) {
    this.root = page.locator(selector).first();
    this.code = this.root.getByRole("textbox", { name: en.code });
    this.pin = this.root.getByLabel(en.pin, { exact: true });
    this.amount = this.root.getByRole("textbox", { name: new RegExp(`^${en.amount}`) });
    this.status = this.root.getByRole("status");
    this.alert = this.root.getByRole("alert");
    this.timer = this.root.getByRole("timer", { name: en.timeLeft });
  }

  button(name: keyof typeof en): Locator {
    return this.root.getByRole("button", { name: en[name] as string, exact: true });
  }

  part(name: string): Locator {
    return this.root.locator(`[part~="${name}"]`);
  }

  /** Types code, PIN (when given) and amount (when given) and presses Hold. */
  async hold(voucher: { code: string; pin?: string }, amount?: string): Promise<void> {
    await this.code.fill(voucher.code);
    if (voucher.pin !== undefined) await this.pin.fill(voucher.pin);
    if (amount !== undefined) await this.amount.fill(amount);
    await this.button("hold").click();
  }

  /** Collects the widget's events in the page so a test can read them later. */
  async recordEvents(): Promise<void> {
    await this.page.evaluate(() => {
      const w = window as unknown as { voucherEvents: { type: string; detail: unknown }[] };
      w.voucherEvents = [];
      for (const type of ["checked", "held", "expiring", "expired", "released", "redeemed", "issued", "error"]) {
        document.addEventListener(`voucher-${type}`, (event) => {
          w.voucherEvents.push({ type: event.type, detail: (event as CustomEvent).detail });
        });
      }
    });
  }

  async events(): Promise<{ type: string; detail: unknown }[]> {
    return this.page.evaluate(
      () => (window as unknown as { voucherEvents: { type: string; detail: unknown }[] }).voucherEvents,
    );
  }
}
