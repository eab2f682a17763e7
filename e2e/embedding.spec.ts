/**
 * Embedding (issue 5): the BFF's embedding demos (public/embed/) each take a JTL voucher from hold to
 * redeem: inside another component's shadow root, as a required form field, under a strict
 * Content-Security-Policy, and loaded as the IIFE build with a classic script. Also: the manifest is served
 * beside the bundle, and the demo page links every embedding demo.
 */
import type { Page } from "@playwright/test";
import { STRICT_CSP } from "../src/server/routes/static-routes.ts";
import { en } from "../src/widget/messages/en.ts";
import { expect, test } from "./support/fixtures.ts";
import { seedJtlVoucher } from "./support/simulator.ts";
import { VoucherWidgetPage } from "./support/voucher-widget.page.ts";

const bff = () => process.env.E2E_BFF_URL as string;
const minutes = (n: number) => n * 60_000;

test.use({ locale: "en-GB" });

/** Holds `voucher` in `widget` (the due amount) and redeems it; returns the hold id the page saw. */
async function holdAndRedeem(widget: VoucherWidgetPage, voucher: { code: string }, due: string): Promise<string> {
  await widget.hold({ code: voucher.code });
  await expect(widget.part("held-amount")).toHaveText(`€${due}`);
  const holdId = await heldId(widget.page);
  await widget.button("redeem").click();
  await expect(widget.part("redeemed-amount")).toHaveText(`€${due}`);
  return holdId;
}

/** The hold id of the last `voucher-held` event that reached the document. */
async function heldId(page: Page): Promise<string> {
  const events = (await page.evaluate(() => (window as unknown as { held: string[] }).held)) ?? [];
  expect(events.length, "a voucher-held event reached the document").toBeGreaterThan(0);
  return events.at(-1) as string;
}

/** Records the hold id of every `voucher-held` event reaching the document (composed events only can). */
async function recordHolds(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { held: string[] };
    w.held = [];
    document.addEventListener("voucher-held", (event) => {
      w.held.push((event as CustomEvent<{ holdId: string }>).detail.holdId);
    });
  });
}

test("inside another component's shadow root", async ({ page }) => {
  const voucher = await seedJtlVoucher({ amount: "40.00" });
  await recordHolds(page);
  await page.goto(`${bff()}/embed/shadow-root.html`);
  // Not in the document's own tree: only in <checkout-panel>'s shadow root.
  const placement = await page.evaluate(() => ({
    inDocument: document.querySelector("voucher-widget") !== null,
    inShadow: document.querySelector("checkout-panel")?.shadowRoot?.querySelector("voucher-widget") !== null,
  }));
  expect(placement).toEqual({ inDocument: false, inShadow: true });

  const widget = new VoucherWidgetPage(page, "checkout-panel >> voucher-widget");
  await expect(widget.code).toBeVisible();
  await holdAndRedeem(widget, voucher, "24.00");
  // The panel heard the event inside its shadow root; the page heard it too (composed).
  await expect(page.locator("checkout-panel .paid")).toHaveText("Paid 24.00 EUR by voucher.");
  await expect(page.locator("#event-log")).toContainText("voucher-redeemed");
  // The panel's ::part() rule reached the widget it contains.
  await widget.button("next").waitFor();
  expect(await widget.button("next").evaluate((b) => getComputedStyle(b).fontWeight)).toBe("700");
});

test.describe("in a form", () => {
  const formUrl = () => `${bff()}/embed/form.html`;

  test("required: no submission until a voucher is held; then the hold id is submitted; reset starts over", async ({
    page,
  }) => {
    const voucher = await seedJtlVoucher({ amount: "100.00" });
    await recordHolds(page);
    await page.goto(formUrl());
    const widget = new VoucherWidgetPage(page, "#form-widget");
    const submitted = page.locator("#submitted");
    const placeOrder = page.getByRole("button", { name: "Place order" });
    await expect(widget.code).toBeVisible();

    const validity = () =>
      page.evaluate(() => {
        const el = document.querySelector("voucher-widget") as HTMLElement & {
          validity: ValidityState;
          validationMessage: string;
          value: string;
        };
        const form = el.closest("form") as HTMLFormElement;
        return {
          valueMissing: el.validity.valueMissing,
          message: el.validationMessage,
          formValid: form.checkValidity(),
          value: el.value,
        };
      });

    expect(await validity()).toEqual({ valueMissing: true, message: en.valueMissing, formValid: false, value: "" });
    await placeOrder.click();
    await expect(submitted).toHaveText("Nothing submitted yet.");
    // The browser points at the widget's code field (the validity anchor).
    await expect(widget.code).toBeFocused();

    // Held, then released: valid only while the hold lasts.
    await widget.hold({ code: voucher.code });
    await expect(widget.timer).toBeVisible();
    const first = await heldId(page);
    expect(await validity()).toEqual({ valueMissing: false, message: "", formValid: true, value: first });
    await widget.button("release").click();
    await expect(widget.button("hold")).toBeVisible();
    expect((await validity()).valueMissing).toBe(true);
    await placeOrder.click();
    await expect(submitted).toHaveText("Nothing submitted yet.");

    // Held again: the form submits the new hold id under the widget's name; still so once redeemed.
    await widget.hold({ code: voucher.code });
    await expect(widget.timer).toBeVisible();
    const second = await heldId(page);
    expect(second).not.toBe(first);
    await placeOrder.click();
    await expect(submitted).toHaveText(`voucher=${second}`);
    await widget.button("redeem").click();
    await expect(widget.part("redeemed-amount")).toHaveText("€30.00");
    expect(await validity()).toEqual({ valueMissing: false, message: "", formValid: true, value: second });

    // Form reset resets the widget: empty again, and required again.
    await page.getByRole("button", { name: "Start over" }).click();
    await expect(widget.code).toHaveValue("");
    await expect(widget.button("hold")).toBeVisible();
    expect(await validity()).toEqual({ valueMissing: true, message: en.valueMissing, formValid: false, value: "" });
  });

  test("the hold running out makes the field required again", async ({ page }) => {
    await page.clock.install();
    const voucher = await seedJtlVoucher({ amount: "50.00" });
    await page.goto(formUrl());
    const widget = new VoucherWidgetPage(page, "#form-widget");
    await widget.hold({ code: voucher.code });
    await expect(widget.timer).toBeVisible();
    const valueMissing = () =>
      page.evaluate(
        () =>
          (document.querySelector("voucher-widget") as HTMLElement & { validity: ValidityState }).validity.valueMissing,
      );
    expect(await valueMissing()).toBe(false);
    await page.clock.fastForward(minutes(31));
    await expect(widget.alert).toHaveText(en.expired);
    expect(await valueMissing()).toBe(true);
  });

  test("the validation message follows the widget's language", async ({ page }) => {
    await page.goto(formUrl());
    const widget = new VoucherWidgetPage(page, "#form-widget");
    await expect(widget.code).toBeVisible();
    await page.evaluate(() => document.querySelector("voucher-widget")?.setAttribute("locale", "de-DE"));
    const { de } = await import("../src/widget/messages/de.ts");
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            (document.querySelector("voucher-widget") as HTMLElement & { validationMessage: string }).validationMessage,
        ),
      )
      .toBe(de.valueMissing);
  });
});

test("under a strict Content-Security-Policy, without a single violation", async ({ page, consoleErrors }) => {
  const voucher = await seedJtlVoucher({ amount: "35.00" });
  await recordHolds(page);
  await page.addInitScript(() => {
    const w = window as unknown as { violations: string[] };
    w.violations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      w.violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  const response = await page.goto(`${bff()}/embed/csp.html`);
  const policy = response?.headers()["content-security-policy"];
  expect(policy).toBe(STRICT_CSP);
  expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);

  const widget = new VoucherWidgetPage(page, "#csp-widget");
  await expect(widget.code).toBeVisible();
  // The widget's own styles applied (constructed stylesheets, not inline <style>).
  expect(await widget.root.evaluate((el) => getComputedStyle(el).display)).toBe("block");
  await holdAndRedeem(widget, voucher, "20.00");
  await expect(page.locator("#event-log")).toContainText("voucher-redeemed");
  await expect(page.locator("#policy")).toHaveText(STRICT_CSP);

  expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
  expect(consoleErrors).toEqual([]);

  // The policy is live: an inline script is refused and reported (so "no violations" means something).
  await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.ranInline = true";
    document.body.append(script);
  });
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { violations: string[] }).violations.length))
    .toBe(1);
  expect(await page.evaluate(() => (window as unknown as { ranInline?: boolean }).ranInline)).toBeUndefined();
  // That refusal is the one console error this test expects.
  expect(consoleErrors).toEqual([
    expect.stringMatching(/inline script violates the following Content Security Policy directive/),
  ]);
  consoleErrors.length = 0;
});

test("the IIFE build with a classic script", async ({ page }) => {
  const voucher = await seedJtlVoucher({ amount: "20.00" });
  const moduleBundle: string[] = [];
  page.on("request", (request) => {
    if (request.url().endsWith("/widget/voucher-widget.js")) moduleBundle.push(request.url());
  });
  await recordHolds(page);
  await page.goto(`${bff()}/embed/iife.html`);
  const loaded = await page.evaluate(() => ({
    global: typeof (window as unknown as { VoucherWidget?: { VoucherWidget?: unknown } }).VoucherWidget?.VoucherWidget,
    defined: customElements.get("voucher-widget") !== undefined,
    classic: [...document.scripts].some((s) => s.src.endsWith("/widget/voucher-widget.iife.js") && s.type === ""),
  }));
  expect(loaded).toEqual({ global: "function", defined: true, classic: true });

  const widget = new VoucherWidgetPage(page, "#iife-widget");
  await holdAndRedeem(widget, voucher, "15.00");
  await expect(widget.part("remaining-balance")).toHaveText("€5.00");
  expect(moduleBundle, "the ES module bundle was not loaded").toEqual([]);
});

test("the manifest is served beside the bundle, and the demo page links every embedding demo", async ({
  page,
  request,
}) => {
  const manifest = await request.get(`${bff()}/widget/custom-elements.json`);
  expect(manifest.ok()).toBe(true);
  expect(manifest.headers()["content-type"]).toContain("application/json");
  const body = (await manifest.json()) as { modules: { declarations?: { tagName?: string }[] }[] };
  const tags = body.modules.flatMap((m) => m.declarations ?? []).map((d) => d.tagName);
  expect(tags).toEqual(expect.arrayContaining(["voucher-widget", "voucher-codes"]));

  await page.goto(`${bff()}/`);
  const nav = page.getByRole("navigation", { name: "Embedding demos" });
  const links = await nav.getByRole("link").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  expect(links.map((href) => new URL(href).pathname)).toEqual([
    "/embed/shadow-root.html",
    "/embed/form.html",
    "/embed/csp.html",
    "/embed/iife.html",
  ]);
  for (const href of links) expect((await request.get(href)).status(), href).toBe(200);
});
