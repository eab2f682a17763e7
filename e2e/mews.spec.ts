/**
 * Mews end to end: access codes checked through `<voucher-widget>` on the merchant's checkout page, and the
 * back office's `<voucher-codes>` (list, page, add, delete) on a page of its own, both against the real
 * BFF and the Mews simulator (seeded through its `/__sim/` routes).
 */

import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { en } from "../src/widget/codes/messages.ts";
import { en as widgetEn } from "../src/widget/messages/en.ts";
import { checkoutUrl, expect, test } from "./support/fixtures.ts";
import { expectFits, type Layout, layouts } from "./support/layout.ts";

const VOUCHERS = { corporate: "f0a1b2c3-d4e5-4f60-8a7b-1c2d3e4f5a01", friends: "f0a1b2c3-d4e5-4f60-8a7b-1c2d3e4f5a02" };

/** Seeds an access code in the Mews simulator (newest of all once created). */
async function seedCode(value: string, voucher: keyof typeof VOUCHERS = "corporate") {
  const response = await fetch(`${process.env.E2E_SIM_MEWS_URL}/__sim/voucher-codes`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ value, voucherId: VOUCHERS[voucher] }),
  });
  if (!response.ok) throw new Error(`seeding failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as { Id: string; Value: string };
}

async function simCode(id: string): Promise<{ ActivityState: string; Value: string }> {
  const response = await fetch(`${process.env.E2E_SIM_MEWS_URL}/__sim/voucher-codes/${id}`);
  return response.json();
}

/** Unique per run and test, in the canonical form the BFF stores (upper case letters and digits). */
const unique = (prefix: string) =>
  `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`.toUpperCase();

/** Page model of `<voucher-codes>`, by role and by the element's own English words. */
class VoucherCodesPage {
  readonly root: Locator;
  readonly region: Locator;
  readonly voucher: Locator;
  readonly code: Locator;
  readonly validFrom: Locator;
  readonly validUntil: Locator;
  readonly table: Locator;
  readonly status: Locator;
  readonly alert: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator("voucher-codes");
    this.region = this.root.getByRole("region", { name: en.title });
    this.voucher = this.root.getByRole("combobox", { name: en.voucher });
    this.code = this.root.getByRole("textbox", { name: en.code, exact: true });
    this.validFrom = this.root.getByLabel(en.validFrom);
    this.validUntil = this.root.getByLabel(en.validUntil);
    this.table = this.root.getByRole("table", { name: en.table });
    this.status = this.root.getByRole("status");
    this.alert = this.root.getByRole("alert");
    this.dialog = this.root.getByRole("dialog", { name: en.confirmTitle });
  }

  button(name: string): Locator {
    return this.root.getByRole("button", { name, exact: true });
  }

  /** The table's rows as `[code, voucher, state]`. */
  async rows(): Promise<string[][]> {
    const rows = this.table.locator("tbody tr");
    return rows.evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = [...tr.children].map((c) => c.textContent?.trim() ?? "");
        return [cells[0] ?? "", cells[1] ?? "", cells[4] ?? ""];
      }),
    );
  }

  row(value: string): Locator {
    return this.table.getByRole("row").filter({ has: this.page.getByRole("rowheader", { name: value, exact: true }) });
  }
}

function adminUrl(params: Record<string, string> = {}): string {
  const query = new URLSearchParams({ account: "mews", locale: "en-GB", "page-size": "10", ...params });
  return `${process.env.E2E_MERCHANT_URL}/codes-admin?${query}`;
}

test.describe("checking Mews access codes in the widget", () => {
  test("a valid code is valid, with voucher-checked of kind access", async ({ page, widget }) => {
    await page.goto(checkoutUrl({ account: "mews" }));
    await widget.recordEvents();
    await widget.code.fill("mewsvalid-0000001");
    await widget.button("checkCode").click();
    await expect(widget.part("verdict")).toHaveText(widgetEn.valid);
    await expect(widget.status).toHaveText(widgetEn.validStatus(null));
    const events = await widget.events();
    expect(events).toEqual([
      { type: "voucher-checked", detail: expect.objectContaining({ kind: "access", status: "active" }) },
    ]);
    expect(JSON.stringify(events)).not.toContain("MEWSVALID0000001");
  });

  test("an expired code says why it is not valid", async ({ page, widget }) => {
    await page.goto(checkoutUrl({ account: "mews" }));
    await widget.recordEvents();
    await widget.code.fill("MEWSEXPIRED00001");
    await widget.button("checkCode").click();
    await expect(widget.part("verdict")).toHaveText(widgetEn.notValid);
    await expect(widget.alert).toHaveText(widgetEn.access.expired);
    const events = await widget.events();
    expect(events[0]).toEqual({
      type: "voucher-checked",
      detail: expect.objectContaining({ kind: "access", status: "expired" }),
    });
  });

  test("an unknown code is not known", async ({ page, widget }) => {
    await page.goto(checkoutUrl({ account: "mews" }));
    await widget.code.fill("NOSUCHCODE000042");
    await widget.button("checkCode").click();
    await expect(widget.alert).toHaveText(widgetEn.access.unknown);
  });
});

/** Where `<voucher-codes>` is measured: a phone, and a wide window where it takes its full width (56rem). */
const codesLayouts: Layout[] = [
  layouts[0] as Layout,
  { name: "wide window", viewport: { width: 1280, height: 800 }, width: 896 },
];

test.describe("the access-code admin", () => {
  // The tests add codes to one simulator and read the newest: one at a time keeps "newest" theirs.
  test.describe.configure({ mode: "serial" });

  // Layout: on a phone and in a wide window, where it takes its full width (56rem). Here, in this serial
  // group, because the page shows the newest codes, which must be the ones these tests seed.
  for (const layout of codesLayouts) {
    test(`${layout.name} (${layout.viewport.width} × ${layout.viewport.height}): the form, the codes, the pager, an error and the delete confirmation fit`, async ({
      page,
    }) => {
      // A long code (the form takes up to 160 characters) must wrap rather than widen the list.
      const long = `LAYOUT${Date.now().toString(36).toUpperCase()}${"LONG".repeat(12)}`;
      for (const value of [`${long.slice(0, 12)}A`, long]) await seedCode(value);
      await page.setViewportSize(layout.viewport);
      const query = new URLSearchParams({ account: "mews", locale: "en-GB", "page-size": "2" });
      await page.goto(`${process.env.E2E_MERCHANT_URL}/codes-admin?${query}`);
      const admin = page.locator("voucher-codes");
      await expect(admin.getByRole("rowheader", { name: long })).toBeVisible();
      await expect(admin.getByRole("button", { name: en.next })).toBeVisible();
      const list = await expectFits(page, "codes", "voucher-codes");
      expect(list.hostWidth).toBe(layout.width);
      // Laid out as cards or not, the list is still a table to assistive technology.
      const table = admin.getByRole("table", { name: en.table });
      await expect(table.getByRole("columnheader")).toHaveCount(6);
      await expect(table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: long }) })).toHaveCount(1);
      await expect(table.getByRole("cell", { name: en.states.active }).first()).toBeAttached();
      const { violations } = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21aa", "best-practice"])
        .analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

      await admin.getByRole("button", { name: en.add, exact: true }).click();
      await expect(admin.getByRole("alert")).toHaveText(en.errors.CODE_MISSING);
      await expectFits(page, "codes with an error", "voucher-codes");

      await admin.getByRole("button", { name: en.deleteCode(long) }).click();
      await expect(admin.getByRole("dialog", { name: en.confirmTitle })).toBeVisible();
      await expectFits(page, "delete confirmation", "voucher-codes");
    });
  }

  test("lists codes newest first and pages over the cursor", async ({ page }) => {
    const [a, b, c] = [await seedCode(unique("PA")), await seedCode(unique("PB")), await seedCode(unique("PC"))];
    const admin = new VoucherCodesPage(page);
    await page.goto(adminUrl({ "page-size": "2" }));
    await expect(admin.region).toBeVisible();
    await expect(admin.table).toBeVisible();
    expect(await admin.rows()).toEqual([
      [c.Value, "Corporate partner rate", en.states.active],
      [b.Value, "Corporate partner rate", en.states.active],
    ]);
    await admin.button(en.next).click();
    await expect(admin.row(a.Value)).toBeVisible();
    await expect(admin.root.locator('[part~="page"]')).toHaveText(en.page(2));
    await expect(admin.status).toHaveText(en.page(2));
    await admin.button(en.previous).click();
    await expect(admin.row(c.Value)).toBeVisible();
    await expect(admin.button(en.previous)).toHaveAttribute("aria-disabled", "true");
  });

  test("adds a code with a validity; it comes first and the widget finds it", async ({ page, widget }) => {
    const admin = new VoucherCodesPage(page);
    await page.goto(adminUrl());
    const value = unique("ADD");
    await admin.voucher.selectOption({ label: "Friends and family" });
    // Typed as an admin might: lower case with dashes; stored canonical.
    await admin.code.fill(`${value.slice(0, 4).toLowerCase()}-${value.slice(4)}`);
    await admin.validUntil.fill("2099-12-31");
    await admin.button(en.add).click();
    await expect(admin.status).toHaveText(en.added(value));
    await expect(admin.code).toHaveValue("");
    await expect(admin.code).toBeFocused();
    const [first] = await admin.rows();
    expect(first).toEqual([value, "Friends and family", en.states.active]);
    await expect(admin.row(value)).toContainText("2099");

    await page.goto(checkoutUrl({ account: "mews" }));
    await widget.code.fill(value);
    await widget.button("checkCode").click();
    await expect(widget.part("verdict")).toHaveText(widgetEn.valid);
  });

  test("deletes a code only after confirmation", async ({ page }) => {
    const seeded = await seedCode(unique("DEL"), "friends");
    const admin = new VoucherCodesPage(page);
    await page.goto(adminUrl());
    const remove = admin.button(en.deleteCode(seeded.Value));
    await remove.click();
    await expect(admin.dialog).toBeVisible();
    await expect(admin.dialog).toContainText(en.confirmText(seeded.Value));
    await admin.dialog.getByRole("button", { name: en.cancel }).click();
    await expect(admin.dialog).toBeHidden();
    await expect(remove).toBeFocused();
    expect((await simCode(seeded.Id)).ActivityState).toBe("Active");

    // Escape closes it too, like Cancel.
    await remove.press("Enter");
    await expect(admin.dialog).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(admin.dialog).toBeHidden();

    await remove.click();
    await admin.dialog.getByRole("button", { name: en.delete, exact: true }).click();
    await expect(admin.status).toHaveText(en.deleted(seeded.Value));
    await expect(admin.row(seeded.Value)).toContainText(en.states.deleted);
    await expect(remove).toHaveCount(0);
    expect((await simCode(seeded.Id)).ActivityState).toBe("Deleted");
  });

  test("works by keyboard alone, with errors in the alert region", async ({ page }) => {
    const taken = await seedCode(unique("KEY"));
    const admin = new VoucherCodesPage(page);
    await page.goto(adminUrl());
    await expect(admin.voucher).toBeVisible();
    await admin.code.focus();
    await page.keyboard.press("Enter");
    await expect(admin.alert).toHaveText(en.errors.CODE_MISSING);
    await expect(admin.code).toHaveAttribute("aria-invalid", "true");
    await page.keyboard.type("not/allowed");
    await expect(admin.code).toHaveAttribute("aria-invalid", "false");
    await page.keyboard.press("Enter");
    await expect(admin.alert).toHaveText(en.errors.CODE_FORMAT);
    await admin.code.fill(taken.Value.toLowerCase());
    await admin.code.press("Enter");
    await expect(admin.alert).toHaveText(en.errors.INVALID_REQUEST);
    // Tab from the code field reaches the dates and the Add button.
    await admin.code.press("Tab");
    await expect(admin.validFrom).toBeFocused();
  });

  test("speaks German when asked", async ({ page }) => {
    await page.goto(adminUrl({ locale: "de-DE" }));
    await expect(page.locator("voucher-codes").getByRole("button", { name: "Code hinzufügen" })).toBeVisible();
    await expect(page.locator("voucher-codes").getByRole("region", { name: "Zugangscodes" })).toBeVisible();
  });
});
