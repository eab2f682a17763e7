/**
 * Review artifacts (issue 5): screenshots of every phase of the widget on the demo page, in the light and
 * the dark brand theme, written to e2e-artifacts/screenshots/<theme>-<phase>.png (gitignored) and attached
 * to the test report. Not compared against baselines (fonts differ between machines); each file is
 * checked to be a real PNG of a plausible size, and each theme to be the one applied.
 */
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Locator } from "@playwright/test";
import { en } from "../src/widget/messages/en.ts";
import { expect, test } from "./support/fixtures.ts";
import { seedJtlVoucher } from "./support/simulator.ts";
import { VoucherWidgetPage } from "./support/voucher-widget.page.ts";

const SCREENSHOT_DIR = fileURLToPath(new URL("../e2e-artifacts/screenshots/", import.meta.url));
const minutes = (n: number) => n * 60_000;

/** The primary button's background in each theme (public/demo.css, --voucher-accent). */
const ACCENT = { light: "rgb(10, 107, 103)", dark: "rgb(242, 181, 68)" } as const;
type Theme = keyof typeof ACCENT;

test.use({ locale: "en-GB", viewport: { width: 1200, height: 900 } });

/** Width and height from a PNG's IHDR chunk, or null when `bytes` is not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature) || bytes.toString("latin1", 12, 16) !== "IHDR") {
    return null;
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

for (const theme of ["light", "dark"] as const satisfies readonly Theme[]) {
  test(`every phase in the ${theme} theme`, async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const written: string[] = [];
    /** Screenshots `target` as <theme>-<phase>.png, attaches it, and checks what was written. */
    const shoot = async (phase: string, target: Locator) => {
      const path = join(SCREENSHOT_DIR, `${theme}-${phase}.png`);
      rmSync(path, { force: true });
      // The caret and the countdown's second hand would only add noise between runs.
      await target.screenshot({ path, animations: "disabled", caret: "hide" });
      const bytes = readFileSync(path);
      const size = pngSize(bytes);
      expect(size, `${path} is a PNG`).not.toBeNull();
      expect(size?.width ?? 0, `${path} width`).toBeGreaterThan(200);
      expect(size?.height ?? 0, `${path} height`).toBeGreaterThan(60);
      expect(bytes.length, `${path} bytes`).toBeGreaterThan(2_000);
      await testInfo.attach(`${theme}-${phase}`, { path, contentType: "image/png" });
      written.push(`${theme}-${phase}`);
    };

    await page.clock.install();
    const [voucher, another] = await Promise.all([
      seedJtlVoucher({ amount: "80.00", pin: "2468" }),
      seedJtlVoucher({ amount: "60.00" }),
    ]);
    await page.goto(`${process.env.E2E_BFF_URL}/?account=jtl&theme=${theme}`);
    await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
    await expect(page.locator("#theme")).toHaveValue(theme);
    const widget = new VoucherWidgetPage(page, "#checkout-widget");

    // Entering, in the theme's brand colour.
    await expect(widget.code).toBeVisible();
    await expect(widget.button("hold")).toHaveCSS("background-color", ACCENT[theme]);
    await shoot("entering", widget.root);

    // A wrong PIN.
    await widget.hold({ code: voucher.code, pin: "1357" });
    await expect(widget.alert).toHaveText(en.errors.VOUCHER_INVALID);
    await shoot("error", widget.root);

    // Held, with the countdown.
    await widget.pin.fill("2468");
    await widget.amount.fill("42.50");
    await widget.button("hold").click();
    await expect(widget.timer).toHaveText(/^(30:00|29:[0-5]\d)$/);
    await shoot("held", widget.root);

    // Escape asks before releasing.
    await widget.button("redeem").press("Escape");
    await expect(widget.root.getByRole("alertdialog")).toBeVisible();
    await shoot("confirm-release", widget.root);
    await widget.button("keepHold").click();
    await expect(widget.root.getByRole("alertdialog")).toHaveCount(0);

    // Near expiry: the countdown warns.
    await page.clock.fastForward(minutes(29) + 20_000);
    await expect(widget.timer).toHaveText(/^00:[0-4]\d$/);
    await expect(widget.part("countdown")).toHaveAttribute("data-level", "warning");
    await shoot("warning", widget.root);

    // Redeemed.
    await widget.button("redeem").click();
    await expect(widget.part("redeemed-amount")).toHaveText("€42.50");
    await shoot("redeemed", widget.root);

    // Another voucher held and left to run out.
    await widget.button("next").click();
    await widget.hold({ code: another.code });
    await expect(widget.timer).toBeVisible();
    await page.clock.fastForward(minutes(31));
    await expect(widget.alert).toHaveText(en.expired);
    await shoot("expired", widget.root);

    // Issue mode: the sell form, then the voucher sold.
    const office = new VoucherWidgetPage(page, "#office-widget");
    await expect(office.button("sell")).toBeVisible();
    await shoot("issue-form", office.root);
    await office.button("sell").click();
    await expect(office.part("issued-code")).toHaveText(/^[A-Z0-9]{4}(-[A-Z0-9]{4})+$/);
    await shoot("issued", office.root);

    expect(written).toEqual(
      ["entering", "error", "held", "confirm-release", "warning", "redeemed", "expired", "issue-form", "issued"].map(
        (phase) => `${theme}-${phase}`,
      ),
    );
  });
}

test("the header's theme switch changes the brand theme and keeps it in the URL", async ({ page }) => {
  await page.goto(`${process.env.E2E_BFF_URL}/`);
  const hold = new VoucherWidgetPage(page, "#checkout-widget").button("hold");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  await expect(hold).toHaveCSS("background-color", ACCENT.light);
  await page.getByLabel("Theme").selectOption("dark");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(hold).toHaveCSS("background-color", ACCENT.dark);
  expect(new URL(page.url()).searchParams.get("theme")).toBe("dark");
});
