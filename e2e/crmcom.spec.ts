/**
 * CRM.COM through the widget: check with the secret number (the PIN), a hold of the voucher's full value
 * kept by the BFF (CRM.COM has no reservation), then `vouchers/use`. A partial amount is refused: the
 * widget does not offer one for a voucher worth more than the amount due, and the BFF answers
 * PARTIAL_NOT_SUPPORTED to a client that asks anyway. Vouchers are seeded and read through the
 * simulator's `/__sim/` routes at E2E_SIM_CRMCOM_URL.
 */
import { randomInt, randomUUID } from "node:crypto";
import { DEMO_API_KEY } from "../src/demo/demo-config.ts";
import { en } from "../src/widget/messages/en.ts";
import { checkoutUrl, expect, test } from "./support/fixtures.ts";

interface CrmSimVoucher {
  number: string;
  secret_number: string;
  life_cycle_state: string;
}

async function simCall(path: string, body?: unknown): Promise<CrmSimVoucher> {
  const init: RequestInit =
    body === undefined
      ? {}
      : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
  const response = await fetch(`${process.env.E2E_SIM_CRMCOM_URL}/__sim/${path}`, init);
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as CrmSimVoucher;
}

/** A fresh activated voucher with its own secret number, so every test owns its own money. */
const seedVoucher = (value: string) =>
  simCall("vouchers", { value, secret_number: String(randomInt(1_000_000, 10_000_000)) });
const upstreamState = async (number: string) => (await simCall(`vouchers/${number}`)).life_cycle_state;

const crmCheckout = (amount: string) => checkoutUrl({ account: "crmcom", amount, currency: "EUR" });

test.describe("CRM.COM vouchers", () => {
  test("check with the secret number → hold of the full value → redeem", async ({ page, widget }) => {
    const voucher = await seedVoucher("30.00");
    await page.goto(crmCheckout("42.50"));
    await widget.recordEvents();

    await widget.code.fill(voucher.number);
    await widget.pin.fill(voucher.secret_number);
    await widget.button("check").click();
    await expect(widget.part("balance")).toHaveText("€30.00");
    // Full value only: the amount is the whole balance, shown but not for typing.
    await expect(widget.amount).toHaveValue("30.00");
    await expect(widget.amount).not.toBeEditable();
    await expect(widget.part("amount-hint")).toHaveText(en.fullValueOnly("€30.00"));

    await widget.button("hold").click();
    await expect(widget.part("held-amount")).toHaveText("€30.00");
    await expect(widget.part("hold-note")).toHaveText(en.keptByService);
    await expect(widget.timer).toHaveText(/^(10:00|09:[0-5]\d)$/);
    // Nothing is reserved at CRM.COM: the hold is the BFF's.
    expect(await upstreamState(voucher.number)).toBe("ACTIVATED");

    await widget.button("redeem").click();
    await expect(widget.part("redeemed-amount")).toHaveText("€30.00");
    await expect(widget.part("remaining-balance")).toHaveText("€0.00");
    expect(await upstreamState(voucher.number)).toBe("USED");

    const events = await widget.events();
    expect(events.map((e) => e.type)).toEqual(["voucher-checked", "voucher-held", "voucher-redeemed"]);
    const serialized = JSON.stringify(events);
    expect(serialized).not.toContain(voucher.number);
    expect(serialized).not.toContain(voucher.secret_number);
  });

  test("a partial amount is refused", async ({ page, widget }) => {
    const voucher = await seedVoucher("50.00");
    await page.goto(crmCheckout("20.00"));
    await widget.code.fill(voucher.number);
    await widget.pin.fill(voucher.secret_number);
    await widget.button("check").click();
    await expect(widget.part("balance")).toHaveText("€50.00");
    // The widget offers no hold for part of the value...
    await expect(widget.part("amount-hint")).toHaveText(en.errors.FULL_VALUE_OVER_DUE);
    await expect(widget.button("hold")).toHaveCount(0);

    // ...and the BFF refuses a client that asks for one anyway.
    const bff = process.env.E2E_BFF_URL;
    const session = await fetch(`${bff}/api/v1/sessions`, {
      method: "POST",
      headers: { authorization: `Bearer ${DEMO_API_KEY}`, "content-type": "application/json" },
      body: JSON.stringify({ account: "crmcom", terminalId: "e2e-partial" }),
    });
    const { token } = (await session.json()) as { token: string };
    const hold = await fetch(`${bff}/api/v1/holds`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": "application/json",
        "idempotency-key": randomUUID(),
      },
      body: JSON.stringify({
        code: voucher.number,
        pin: voucher.secret_number,
        amount: { amount: "20.00", currency: "EUR" },
      }),
    });
    expect(hold.status).toBe(422);
    expect(await hold.json()).toMatchObject({ code: "PARTIAL_NOT_SUPPORTED" });
    expect(await upstreamState(voucher.number)).toBe("ACTIVATED");
  });

  test("a wrong secret number is refused and nothing is held", async ({ page, widget }) => {
    const voucher = await seedVoucher("20.00");
    await page.goto(crmCheckout("20.00"));
    await widget.code.fill(voucher.number);
    await widget.pin.fill(voucher.secret_number === "1234567" ? "7654321" : "1234567");
    await widget.button("check").click();
    await expect(widget.alert).toHaveText(en.errors.VOUCHER_INVALID);
    await expect(widget.part("balance")).toHaveCount(0);
    expect(await upstreamState(voucher.number)).toBe("ACTIVATED");
  });
});
