/**
 * Accessibility in every phase: axe-core (which reads open shadow roots) finds no WCAG 2.1 A/AA or
 * best-practice violation on the merchant's page with the widget in each state a cashier or shopper
 * meets; and, beyond what axe can tell, the fields are reachable by their labels, an error is tied to its
 * field, the live regions have the roles (and so the politeness) they should, and focus follows the flow.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { en as codesEn } from "../src/widget/codes/messages.ts";
import { en } from "../src/widget/messages/en.ts";
import { checkoutUrl, expect, test } from "./support/fixtures.ts";
import { seedCrmVoucher, seedMewsCode, seedSpaazaVoucher, seedTevalisVoucher } from "./support/seeds.ts";
import { seedJtlVoucher } from "./support/simulator.ts";
import type { VoucherWidgetPage } from "./support/voucher-widget.page.ts";

/** WCAG 2.1 A and AA, best practice, and WCAG 2.2 AA (its target-size rule checks the touch targets too). */
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/** Runs axe on the whole page and fails with a readable list of what it found. */
async function expectNoViolations(page: Page, phase: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const found = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(" ")} ${n.failureSummary}`).join("\n")}`,
  );
  expect(found, `axe violations in phase "${phase}"`).toEqual([]);
  // A scan that checked nothing would pass too: make sure it looked inside the widget's shadow root.
  const inside = [...results.passes, ...results.incomplete].some((r) =>
    r.nodes.some((n) => Array.isArray(n.target[0])),
  );
  expect(inside, `axe looked into the widget in phase "${phase}"`).toBe(true);
}

/** The element that has focus, seen through the shadow root: its id or data-action. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.id || active?.getAttribute("data-action") || active?.tagName.toLowerCase() || null;
  });

/** The input's error wiring: aria-invalid, and the text of what its aria-describedby points at. */
async function errorOf(widget: VoucherWidgetPage, label: string) {
  const input = widget.root.getByLabel(label, { exact: true });
  return input.evaluate((el) => {
    const root = el.getRootNode() as ShadowRoot;
    const ids = (el.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
    const described = ids.map((id) => root.getElementById(id));
    return {
      invalid: el.getAttribute("aria-invalid"),
      roles: described.map((d) => d?.getAttribute("role") ?? null),
      text: described.map((d) => d?.textContent?.trim() ?? "").join(" "),
    };
  });
}

test.describe("axe finds nothing, in every phase", () => {
  test("JTL: loading, entry, validation error, wrong PIN, held, confirm release, warning, redeemed", async ({
    page,
    widget,
  }) => {
    // Ten whole-page axe scans in one test: about 2–3 s each on a slow host, which overran 30 s in a CI run.
    test.slow();
    await page.clock.install();
    // Hold the capabilities back a moment, so the loading state can be looked at too.
    let go: (() => void) | undefined;
    const ready = new Promise<void>((resolve) => {
      go = resolve;
    });
    await page.route("**/api/v1/capabilities", async (route) => {
      await ready;
      await route.continue();
    });
    await page.goto(checkoutUrl({ amount: "15.00" }));
    await expect(widget.status).toHaveText(en.loading);
    await expectNoViolations(page, "loading");
    go?.();

    await expect(widget.code).toBeVisible();
    await expectNoViolations(page, "entering");

    await widget.button("hold").click();
    await expect(widget.alert).toHaveText(en.errors.CODE_MISSING);
    await expectNoViolations(page, "validation error");

    const voucher = await seedJtlVoucher({ amount: "15.00", pin: "4321" });
    await widget.hold({ code: voucher.code, pin: "0000" });
    await expect(widget.alert).toHaveText(en.errors.VOUCHER_INVALID);
    await expectNoViolations(page, "wrong PIN");

    await widget.hold({ code: voucher.code, pin: "4321" }, "10.00");
    await expect(widget.timer).toBeVisible();
    await expectNoViolations(page, "held");

    await page.keyboard.press("Escape");
    await expect(widget.root.getByRole("alertdialog")).toBeVisible();
    await expectNoViolations(page, "confirm release");
    await widget.button("keepHold").click();

    await page.clock.runFor(25 * 60_000 + 1_000);
    await expect(widget.part("countdown")).toHaveAttribute("data-level", "soon");
    await expectNoViolations(page, "countdown under 5 minutes");
    await page.clock.runFor(4 * 60_000);
    await expect(widget.part("countdown")).toHaveAttribute("data-level", "warning");
    await expectNoViolations(page, "countdown under a minute");
    await page.clock.runFor(30_000);
    await expect(widget.part("countdown")).toHaveAttribute("data-level", "urgent");
    await expectNoViolations(page, "urgent countdown");

    await widget.button("redeem").click();
    await expect(widget.part("redeemed-amount")).toHaveText("€10.00");
    await expectNoViolations(page, "redeemed");
  });

  test("JTL: expired and released", async ({ page, widget }) => {
    await page.clock.install();
    const first = await seedJtlVoucher({ amount: "15.00" });
    await page.goto(checkoutUrl({ amount: "15.00" }));
    await widget.hold({ code: first.code });
    await expect(widget.timer).toBeVisible();
    await page.clock.runFor(31 * 60_000);
    await expect(widget.alert).toHaveText(en.expired);
    await expectNoViolations(page, "expired");

    const second = await seedJtlVoucher({ amount: "15.00" });
    await widget.hold({ code: second.code });
    await widget.button("release").click();
    await expect(widget.status).toHaveText(en.released);
    await expectNoViolations(page, "released");
  });

  test("Spaaza and CRM.COM: balance checked (ready)", async ({ page, widget }) => {
    const spaaza = await seedSpaazaVoucher("50.00");
    await page.goto(checkoutUrl({ account: "spaaza", amount: "12.30" }));
    await widget.code.fill(spaaza.voucher_key);
    await widget.button("check").click();
    await expect(widget.part("balance")).toHaveText("€50.00");
    await expectNoViolations(page, "ready (spaaza)");

    const crm = await seedCrmVoucher("30.00");
    await page.goto(checkoutUrl({ account: "crmcom", amount: "40.00" }));
    await widget.code.fill(crm.number);
    await widget.pin.fill(crm.secret_number);
    await widget.button("check").click();
    await expect(widget.part("amount-hint")).toHaveText(en.fullValueOnly("€30.00"));
    await expectNoViolations(page, "ready, full value only (crmcom)");
  });

  test("Tevalis: check-only result; Mews: access code verdicts", async ({ page, widget }) => {
    const tevalis = await seedTevalisVoucher("37.50");
    await page.goto(checkoutUrl({ account: "tevalis", currency: "GBP", amount: "20.00" }));
    await widget.code.fill(tevalis.SerialNumber);
    await widget.button("check").click();
    await expect(widget.alert).toHaveText(en.stops.not_redeemable);
    await expectNoViolations(page, "check-only result (tevalis)");

    const code = await seedMewsCode();
    await page.goto(checkoutUrl({ account: "mews" }));
    await widget.code.fill(code.Value);
    await widget.button("checkCode").click();
    await expect(widget.part("verdict")).toHaveText(en.valid);
    await expectNoViolations(page, "access code valid (mews)");
    await widget.button("next").click();
    await widget.code.fill("NOSUCHCODE123");
    await widget.button("checkCode").click();
    await expect(widget.alert).toHaveText(en.access.unknown);
    await expectNoViolations(page, "access code not valid (mews)");
  });

  test("issue mode: the form, a validation error, the issued voucher", async ({ page, widget }) => {
    await page.goto(checkoutUrl({ mode: "issue", amount: "25.00" }));
    const value = widget.root.getByLabel(`${en.issueAmount} (EUR)`);
    await expect(value).toBeVisible();
    await expectNoViolations(page, "issue form");
    await value.fill("0");
    await widget.button("sell").click();
    await expect(widget.alert).toHaveText(en.errors.AMOUNT_INVALID);
    await expectNoViolations(page, "issue validation error");
    await value.fill("25.00");
    await widget.button("sell").click();
    await expect(widget.part("issued-code")).toBeVisible();
    await expectNoViolations(page, "issued voucher");
  });

  test("the access-code admin (<voucher-codes>): list, add error, delete confirmation", async ({ page }) => {
    const code = await seedMewsCode();
    await page.goto(`${process.env.E2E_MERCHANT_URL}/codes-admin?account=mews&locale=en-GB&page-size=5`);
    const admin = page.locator("voucher-codes");
    await expect(admin.getByRole("table")).toBeVisible();
    const add = admin.getByRole("button", { name: codesEn.add, exact: true });
    await expect(add).toBeVisible();
    await expectNoViolations(page, "codes admin");

    await add.click();
    await expect(admin.getByRole("alert")).toHaveText(codesEn.errors.CODE_MISSING);
    await expectNoViolations(page, "codes admin: add error");

    await admin.getByRole("button", { name: codesEn.deleteCode(code.Value), exact: true }).click();
    await expect(admin.getByRole("dialog", { name: codesEn.confirmTitle })).toBeVisible();
    await expectNoViolations(page, "codes admin: delete confirmation");
  });

  test("at phone width (320 px): entry and held", async ({ page, widget }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(checkoutUrl({ amount: "15.00" }));
    await expect(widget.code).toBeVisible();
    await expectNoViolations(page, "entry at 320 px");
    const voucher = await seedJtlVoucher({ amount: "15.00" });
    await widget.hold({ code: voucher.code });
    await expect(widget.timer).toBeVisible();
    await expectNoViolations(page, "held at 320 px");
  });
});

test("the scan sees into the widget's shadow root (a field without a label there is found)", async ({
  page,
  widget,
}) => {
  await page.goto(checkoutUrl());
  await expect(widget.code).toBeVisible();
  await widget.root.evaluate((host) => {
    host.shadowRoot?.querySelector("form")?.append(document.createElement("input"));
  });
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const label = results.violations.find((v) => v.id === "label");
  // Inside a shadow root axe names a node by its path of selectors: host, then the node in the shadow tree.
  expect(label?.nodes.map((n) => n.target)).toEqual([[["voucher-widget", "form > input"]]]);
});

test.describe("what axe cannot judge", () => {
  test("every field is found by its label", async ({ page, widget }) => {
    await page.goto(checkoutUrl({ amount: "15.00" }));
    for (const label of [en.code, en.pin, `${en.amount} (EUR)`]) {
      const input = widget.root.getByLabel(label, { exact: true });
      await expect(input, label).toHaveCount(1);
      await expect(input, label).toBeEditable();
    }
    await expect(widget.root.getByLabel(en.pin, { exact: true })).toHaveAttribute("type", "password");
    await expect(widget.root.getByRole("group", { name: en.title })).toBeVisible();

    await page.goto(checkoutUrl({ mode: "issue" }));
    for (const label of [`${en.issueAmount} (EUR)`, en.validUntil]) {
      await expect(widget.root.getByLabel(label, { exact: true }), label).toBeEditable();
    }
    await expect(widget.root.getByRole("group", { name: en.issueTitle })).toBeVisible();
  });

  test("an error is tied to its field and goes when the field is edited", async ({ page, widget }) => {
    await page.goto(checkoutUrl({ amount: "15.00" }));
    expect(await errorOf(widget, en.code)).toEqual({ invalid: "false", roles: [], text: "" });

    await widget.button("hold").click();
    await expect(widget.alert).toHaveText(en.errors.CODE_MISSING);
    expect(await errorOf(widget, en.code)).toEqual({
      invalid: "true",
      roles: ["alert"],
      text: en.errors.CODE_MISSING,
    });
    // Only the field the error is about is marked.
    expect((await errorOf(widget, en.pin)).invalid).toBe("false");
    await expect(widget.code).toHaveAccessibleDescription(en.errors.CODE_MISSING);

    await widget.code.fill("ABCD");
    await expect(widget.alert).toHaveText("");
    expect(await errorOf(widget, en.code)).toEqual({ invalid: "false", roles: [], text: "" });

    // A wrong PIN marks both (the answer does not say which one was wrong).
    const voucher = await seedJtlVoucher({ amount: "15.00", pin: "4321" });
    await widget.hold({ code: voucher.code, pin: "1111" });
    await expect(widget.alert).toHaveText(en.errors.VOUCHER_INVALID);
    expect(await errorOf(widget, en.code)).toMatchObject({ invalid: "true", text: en.errors.VOUCHER_INVALID });
    expect(await errorOf(widget, en.pin)).toMatchObject({ invalid: "true", text: en.errors.VOUCHER_INVALID });
  });

  test("live regions: one polite status, one assertive alert, a quiet timer", async ({ page, widget }) => {
    const voucher = await seedJtlVoucher({ amount: "15.00" });
    await page.goto(checkoutUrl({ amount: "15.00" }));
    await expect(widget.status).toHaveCount(1);
    await expect(widget.alert).toHaveCount(1);
    const regions = await widget.root.evaluate((host) => {
      const root = host.shadowRoot as ShadowRoot;
      return [...root.querySelectorAll("[role=status], [role=alert], [aria-live]")].map((el) => ({
        role: el.getAttribute("role"),
        live: el.getAttribute("aria-live"),
        hidden: getComputedStyle(el).display === "none" || getComputedStyle(el).visibility === "hidden",
      }));
    });
    // role=status is aria-live=polite and role=alert assertive by definition; nothing overrides that, and
    // neither is hidden (a hidden region announces nothing).
    expect(regions).toEqual([
      { role: "status", live: null, hidden: false },
      { role: "alert", live: null, hidden: false },
    ]);

    await widget.hold({ code: voucher.code });
    await expect(widget.status).toContainText(en.heldUntil("€15.00", "@").split("@")[0] ?? "");
    // The countdown changes every second: a timer (not live by default), so it is not read out each tick.
    await expect(widget.timer).toHaveCount(1);
    await expect(widget.timer).not.toHaveAttribute("aria-live", /polite|assertive/);
    // The alert dialog names itself by its question.
    await page.keyboard.press("Escape");
    await expect(widget.root.getByRole("alertdialog", { name: en.confirmRelease })).toBeVisible();
  });

  test("focus follows the flow", async ({ page, widget }) => {
    const voucher = await seedJtlVoucher({ amount: "15.00" });
    await page.goto(checkoutUrl({ amount: "15.00" }));
    await widget.button("hold").click();
    await expect(widget.alert).toHaveText(en.errors.CODE_MISSING);
    expect(await focused(page)).toBe("code");

    await widget.code.fill(voucher.code);
    await page.keyboard.press("Enter");
    // Enter advances through the form: code → PIN (JTL vouchers may have one) → amount → Hold.
    await expect.poll(() => focused(page)).toBe("pin");
    await page.keyboard.press("Enter");
    await expect.poll(() => focused(page)).toBe("amount");
    await page.keyboard.press("Enter");
    await expect(widget.timer).toBeVisible();
    await expect.poll(() => focused(page)).toBe("redeem");

    await page.keyboard.press("Escape");
    await expect.poll(() => focused(page)).toBe("release");
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("keep");
    await page.keyboard.press("Enter");
    await expect.poll(() => focused(page)).toBe("redeem");

    await page.keyboard.press("Escape");
    await expect.poll(() => focused(page)).toBe("release");
    await page.keyboard.press("Enter");
    await expect(widget.status).toHaveText(en.released);
    await expect.poll(() => focused(page)).toBe("code");
  });

  test("focus follows a check and a redeem", async ({ page, widget }) => {
    const spaaza = await seedSpaazaVoucher("50.00");
    await page.goto(checkoutUrl({ account: "spaaza", amount: "12.30" }));
    await widget.code.fill(spaaza.voucher_key);
    await page.keyboard.press("Enter");
    await expect(widget.part("balance")).toHaveText("€50.00");
    await expect.poll(() => focused(page)).toBe("amount");
    await page.keyboard.press("Enter");
    await expect(widget.timer).toBeVisible();
    await expect.poll(() => focused(page)).toBe("redeem");
    await page.keyboard.press("Enter");
    await expect(widget.part("redeemed-amount")).toHaveText("€12.30");
    await expect.poll(() => focused(page)).toBe("next");
    await page.keyboard.press("Enter");
    await expect.poll(() => focused(page)).toBe("code");
  });
});
