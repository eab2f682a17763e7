/**
 * At the till: a barcode scanner in keyboard mode, the camera where the browser reads barcodes, and the
 * whole flow by keyboard alone, from the scan to "Next voucher", with the cashier's keystrokes counted.
 *
 * A scanner is told from a person by key timing read from the page's clock (`performance.now()`), so the
 * tests drive that clock: a scan is typed while `page.clock` is paused (every key at the same instant, as
 * a scanner's 1–5 ms apart would be), a person types with the clock moved 120 ms between keys. Nothing
 * depends on how fast the machine running the tests is.
 */
import { randomInt } from "node:crypto";
import type { Page } from "@playwright/test";
import { chromiumArgs, findChromium } from "../scripts/find-chromium.ts";
import { groupCode } from "../src/shared/voucher-code.ts";
import { en } from "../src/widget/messages/en.ts";
import { checkoutUrl, expect, test } from "./support/fixtures.ts";
import { jtlRemaining, seedJtlVoucher } from "./support/simulator.ts";

// Chromium's fake camera (a test pattern) with the permission prompt answered: the camera tests need it,
// the others do not mind. Launch options are per worker, so they are set for the whole file.
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? findChromium() ?? undefined,
    args: [...chromiumArgs, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"],
  },
});

/**
 * Keys pressed in a test, the scanner's and the cashier's apart (the README quotes the cashier's). The
 * page's clock stands still from `start()` on and moves only between keys, by as much as a test says.
 */
class Keys {
  scanner = 0;
  cashier = 0;
  constructor(readonly page: Page) {}

  /** Once the widget is on screen (its capabilities are loaded through timers): stop the page's clock. */
  async start(): Promise<this> {
    await this.page.clock.pauseAt(Date.now() + 1000);
    return this;
  }

  /** A barcode scanner: the code and Enter as one burst, every key at the same page instant. */
  async scan(code: string): Promise<void> {
    await this.page.clock.runFor(1000);
    await this.page.keyboard.type(code);
    await this.page.keyboard.press("Enter");
    this.scanner += code.length + 1;
  }

  /** A person at the keyboard: 120 ms of page time between keys (a fast typist; the detector allows 40). */
  async type(text: string): Promise<void> {
    for (const key of text) {
      await this.page.clock.runFor(120);
      await this.page.keyboard.press(key);
    }
    this.cashier += text.length;
  }

  /** One named key by the cashier (`Enter`, `Escape`, `Tab`), a person's pause before it. */
  async press(key: string): Promise<void> {
    await this.page.clock.runFor(120);
    await this.page.keyboard.press(key);
    this.cashier += 1;
  }
}

/** Opens the checkout with the page's clock under the test's control; the widget's code field on screen. */
async function openTill(page: Page, params: Record<string, string>): Promise<Keys> {
  await page.clock.install();
  await page.goto(checkoutUrl(params));
  await expect(page.locator("voucher-widget").getByRole("textbox").first()).toBeVisible();
  return new Keys(page).start();
}

/** Counts the trusted key presses the page saw, so a test knows nothing was done but by keyboard. */
async function countKeysInPage(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as unknown as { keysSeen: number };
    w.keysSeen = 0;
    document.addEventListener(
      "keydown",
      (e) => {
        if (e.isTrusted) w.keysSeen++;
      },
      true,
    );
  });
  return () => page.evaluate(() => (window as unknown as { keysSeen: number }).keysSeen);
}

/** A Spaaza voucher (check by key, no PIN) of the demo chain in EUR. */
async function seedSpaaza(amount: string): Promise<string> {
  const response = await fetch(`${process.env.E2E_SIM_SPAAZA_URL}/__sim/vouchers`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ amount, currency_id: 2 }),
  });
  return ((await response.json()) as { voucher_key: string }).voucher_key;
}

/** A CRM.COM voucher with its own secret number (the PIN). */
async function seedCrmcom(value: string): Promise<{ number: string; secret: string }> {
  const secret = String(randomInt(1_000_000, 10_000_000));
  const response = await fetch(`${process.env.E2E_SIM_CRMCOM_URL}/__sim/vouchers`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ value, secret_number: secret }),
  });
  return { number: ((await response.json()) as { number: string }).number, secret };
}

test.describe("a barcode scanner in keyboard mode", () => {
  test("a scan burst fills the code, grouped, replacing what was there, and goes straight to the PIN", async ({
    page,
    widget,
  }) => {
    const voucher = await seedJtlVoucher({ amount: "40.00", pin: "2468" });
    const keys = await openTill(page, { amount: "15.00" });
    await widget.code.focus();
    await keys.type("x9");
    await widget.pin.fill("1111");
    await widget.code.focus();

    await keys.scan(voucher.code.toLowerCase());
    await expect(widget.pin).toBeFocused();
    // The scan is the code (not "x9" + the scan), and the PIN typed for whatever was there before is gone.
    await expect(widget.code).toHaveValue(groupCode(voucher.code));
    await expect(widget.pin).toHaveValue("");
    await expect(widget.part("held")).toHaveCount(0);
  });

  test("typed by a person, the same keys and Enter are typing: appended, PIN kept, Enter moves on", async ({
    page,
    widget,
  }) => {
    const voucher = await seedJtlVoucher({ amount: "40.00", pin: "2468" });
    const keys = await openTill(page, { amount: "15.00" });
    await widget.code.focus();
    await keys.type("x9");
    await widget.pin.fill("1111");
    await widget.code.focus();

    await keys.type(voucher.code.toLowerCase());
    await keys.press("Enter");
    // Enter advances: the PIN is filled, so on to the amount; nothing was held.
    await expect(widget.amount).toBeFocused();
    await expect(widget.code).toHaveValue(groupCode(`x9${voucher.code}`));
    await expect(widget.pin).toHaveValue("1111");
    await expect(widget.part("held")).toHaveCount(0);
  });

  test("a code typed with spaces, dashes and in lower case is shown grouped once the field is left", async ({
    page,
    widget,
  }) => {
    const keys = await openTill(page, { amount: "15.00" });
    await widget.code.focus();
    await keys.type("ab cd-12 3");
    // While typing nothing is rewritten under the caret.
    await expect(widget.code).toHaveValue("ab cd-12 3");
    await keys.press("Tab");
    await expect(widget.code).toHaveValue("ABCD-123");
  });

  test("a scan never presses a button: scanning while a voucher is held does not redeem it", async ({
    page,
    widget,
  }) => {
    const voucher = await seedJtlVoucher({ amount: "30.00" });
    const other = await seedJtlVoucher({ amount: "30.00" });
    const keys = await openTill(page, { amount: "10.00" });
    await widget.code.focus();
    await keys.scan(voucher.code);
    await keys.press("Enter"); // empty PIN → amount
    await keys.press("Enter"); // hold
    await expect(widget.button("redeem")).toBeFocused();

    await keys.scan(other.code);
    await expect(widget.part("held-amount")).toHaveText("€10.00");
    await expect(widget.button("redeem")).toBeFocused();
    await expect(widget.part("redeemed")).toHaveCount(0);
    expect(await jtlRemaining(voucher.id)).toBe("30.00");
  });

  test("after a redemption, the next scan starts the next voucher", async ({ page, widget }) => {
    const first = await seedJtlVoucher({ amount: "30.00" });
    const second = await seedJtlVoucher({ amount: "30.00", pin: "1357" });
    const keys = await openTill(page, { amount: "10.00" });
    await widget.code.focus();
    await keys.scan(first.code);
    await keys.press("Enter");
    await keys.press("Enter");
    await expect(widget.button("redeem")).toBeFocused();
    await keys.press("Enter");
    await expect(widget.button("next")).toBeFocused();
    expect(await jtlRemaining(first.id)).toBe("20.00");

    await keys.scan(second.code);
    await expect(widget.code).toHaveValue(groupCode(second.code));
    await expect(widget.pin).toBeFocused();
    await expect(widget.amount).toHaveValue("10.00");
  });
});

test.describe("the whole flow by keyboard alone", () => {
  test("JTL: scan, PIN + Enter, Enter holds, Enter redeems: 7 cashier keys", async ({ page, widget }) => {
    const voucher = await seedJtlVoucher({ amount: "60.00", pin: "4711" });
    const keys = await openTill(page, { amount: "25.00" });
    await expect(widget.amount).toHaveValue("25.00");
    const keysSeen = await countKeysInPage(page);
    // The till's page puts focus in the code field (as a POS page would); the count starts at the scan.
    await widget.code.focus();

    await keys.scan(voucher.code);
    await expect(widget.pin).toBeFocused();
    await keys.type("4711");
    await keys.press("Enter");
    // The amount, pre-filled with the amount due: Enter holds it.
    await expect(widget.amount).toBeFocused();
    await expect(widget.amount).toHaveValue("25.00");
    await keys.press("Enter");
    await expect(widget.part("held-amount")).toHaveText("€25.00");
    await expect(widget.button("redeem")).toBeFocused();
    await keys.press("Enter");
    await expect(widget.part("redeemed-amount")).toHaveText("€25.00");
    await expect(widget.button("next")).toBeFocused();
    expect(await jtlRemaining(voucher.id)).toBe("35.00");

    // 4 PIN digits + Enter (to the amount) + Enter (hold) + Enter (redeem).
    expect(keys.cashier).toBe(7);
    expect(keys.scanner).toBe(voucher.code.length + 1);
    // Nothing else happened: every key the page saw is one of those (no click anywhere).
    expect(await keysSeen()).toBe(keys.scanner + keys.cashier);

    await keys.press("Enter");
    await expect(widget.code).toBeFocused();
    await expect(widget.code).toHaveValue("");
  });

  test("JTL: Escape on a hold asks first; Escape again keeps it, Enter on the question releases it", async ({
    page,
    widget,
  }) => {
    const voucher = await seedJtlVoucher({ amount: "50.00" });
    const keys = await openTill(page, { amount: "20.00" });
    await widget.code.focus();
    await keys.scan(voucher.code);
    await keys.press("Enter");
    await keys.press("Enter");
    await expect(widget.button("redeem")).toBeFocused();

    await keys.press("Escape");
    const question = widget.root.getByRole("alertdialog", { name: en.confirmRelease });
    await expect(question).toBeVisible();
    await expect(widget.button("releaseConfirm")).toBeFocused();
    await keys.press("Escape");
    await expect(question).toHaveCount(0);
    await expect(widget.button("redeem")).toBeFocused();
    await expect(widget.timer).toBeVisible();

    await keys.press("Escape");
    await expect(widget.button("releaseConfirm")).toBeFocused();
    await keys.press("Enter");
    await expect(widget.status).toHaveText(en.released);
    await expect(widget.code).toBeFocused();
    expect(await jtlRemaining(voucher.id)).toBe("50.00");
  });

  test("Escape in the entry form clears it; after a refused code the field is selected for the next try", async ({
    page,
    widget,
  }) => {
    const voucher = await seedJtlVoucher({ amount: "50.00", pin: "1234" });
    const keys = await openTill(page, { amount: "20.00" });
    await widget.code.focus();
    await keys.type("abcd1234");
    await keys.press("Enter");
    await expect(widget.pin).toBeFocused();
    await keys.type("99");
    await keys.press("Escape");
    await expect(widget.code).toHaveValue("");
    await expect(widget.pin).toHaveValue("");
    await expect(widget.code).toBeFocused();

    // A code that does not exist: refused, focus back on the code with its text selected, so typing replaces it.
    await keys.type("nosuchcode01");
    await keys.press("Enter");
    await keys.press("Enter");
    await keys.press("Enter");
    await expect(widget.alert).toHaveText(en.errors.VOUCHER_INVALID);
    await expect(widget.code).toBeFocused();
    await keys.type(voucher.code);
    await expect(widget.code).toHaveValue(voucher.code);
  });

  test("Spaaza (check first, no PIN): the scan runs the check, Enter holds, Enter redeems: 2 cashier keys", async ({
    page,
    widget,
  }) => {
    const key = await seedSpaaza("50.00");
    const keys = await openTill(page, { account: "spaaza", amount: "12.30", currency: "EUR" });
    await widget.code.focus();

    await keys.scan(key);
    await expect(widget.part("balance")).toHaveText("€50.00");
    await expect(widget.amount).toBeFocused();
    await expect(widget.amount).toHaveValue("12.30");
    await keys.press("Enter");
    await expect(widget.part("held-amount")).toHaveText("€12.30");
    await expect(widget.button("redeem")).toBeFocused();
    await keys.press("Enter");
    await expect(widget.part("remaining-balance")).toHaveText("€37.70");
    await expect(widget.button("next")).toBeFocused();
    expect(keys.cashier).toBe(2);
  });

  test("Spaaza: Escape steps back from a checked voucher to its code, Enter checks it again", async ({
    page,
    widget,
  }) => {
    const key = await seedSpaaza("20.00");
    const keys = await openTill(page, { account: "spaaza", amount: "5.00", currency: "EUR" });
    await widget.code.focus();
    await keys.scan(key);
    await expect(widget.amount).toBeFocused();

    await keys.press("Escape");
    await expect(widget.part("balance")).toHaveCount(0);
    await expect(widget.amount).toHaveCount(0);
    await expect(widget.code).toBeFocused();
    await expect(widget.code).toHaveValue(groupCode(key));
    await keys.press("Enter");
    await expect(widget.part("balance")).toHaveText("€20.00");
    await expect(widget.amount).toBeFocused();
    // Escape twice: back to the code, then the entry is cleared for the next customer.
    await keys.press("Escape");
    await keys.press("Escape");
    await expect(widget.code).toHaveValue("");
    await expect(widget.code).toBeFocused();
  });

  test("CRM.COM (check with the secret number, full value): scan, PIN + Enter, Enter, Enter", async ({
    page,
    widget,
  }) => {
    const voucher = await seedCrmcom("30.00");
    const keys = await openTill(page, { account: "crmcom", amount: "42.50", currency: "EUR" });
    await widget.code.focus();

    await keys.scan(voucher.number);
    await expect(widget.pin).toBeFocused();
    await keys.type(voucher.secret);
    await keys.press("Enter");
    await expect(widget.part("balance")).toHaveText("€30.00");
    // Read-only (full value only) but focused: its hint says why, and Enter holds.
    await expect(widget.amount).toBeFocused();
    await expect(widget.amount).toHaveValue("30.00");
    await keys.press("Enter");
    await expect(widget.part("held-amount")).toHaveText("€30.00");
    await expect(widget.button("redeem")).toBeFocused();
    await keys.press("Enter");
    await expect(widget.part("redeemed-amount")).toHaveText("€30.00");
    await expect(widget.button("next")).toBeFocused();
    expect(keys.cashier).toBe(voucher.secret.length + 3);
  });
});

/** A stand-in for the Shape Detection API (Chromium on Linux has none) and a record of every camera stream. */
function fakeBarcodeDetector() {
  const w = window as unknown as {
    fakeScan: { code: string | null; streams: MediaStream[]; reads: number; readsStopped: number };
    BarcodeDetector: unknown;
  };
  w.fakeScan = { code: null, streams: [], reads: 0, readsStopped: 0 };
  const media = navigator.mediaDevices;
  const getUserMedia = media.getUserMedia.bind(media);
  media.getUserMedia = async (constraints) => {
    const stream = await getUserMedia(constraints);
    w.fakeScan.streams.push(stream);
    return stream;
  };
  w.BarcodeDetector = class {
    static async getSupportedFormats() {
      return ["qr_code", "code_128"];
    }
    async detect(video: HTMLVideoElement) {
      w.fakeScan.reads++;
      // A frame read with no camera running: the scanner's loop outlived its stream.
      const live = w.fakeScan.streams.some((s) => s.getTracks().some((t) => t.readyState === "live"));
      if (!live) w.fakeScan.readsStopped++;
      // Only a playing video has frames to read; the test decides when the barcode is in view.
      return w.fakeScan.code && video.videoWidth > 0 ? [{ rawValue: w.fakeScan.code, format: "qr_code" }] : [];
    }
  };
}

const cameraState = (page: Page) =>
  page.evaluate(() => {
    type Fake = { streams: MediaStream[]; reads: number; readsStopped: number };
    const { streams, reads, readsStopped } = (window as unknown as { fakeScan: Fake }).fakeScan;
    const tracks = streams.flatMap((s) => s.getTracks());
    const live = tracks.filter((t) => t.readyState === "live").length;
    return { streams: streams.length, live, reads, readsStopped };
  });

test.describe("the camera, where the browser reads barcodes", () => {
  const cameraButton = (widget: { root: import("@playwright/test").Locator }) =>
    widget.root.getByRole("button", { name: en.camera.open });

  test("no BarcodeDetector, no camera button, and nothing of the camera is loaded", async ({ page, widget }) => {
    const chunks: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/widget/chunks/camera")) chunks.push(r.url());
    });
    await page.goto(checkoutUrl({ amount: "10.00" }));
    await expect(widget.code).toBeVisible();
    expect(await page.evaluate(() => "BarcodeDetector" in window)).toBe(false);
    await expect(cameraButton(widget)).toHaveCount(0);
    expect(chunks).toEqual([]);
  });

  test("the camera reads a code: its chunk loads on the press, the code lands grouped, focus moves on, the camera stops", async ({
    page,
    widget,
    context,
  }) => {
    const voucher = await seedJtlVoucher({ amount: "20.00", pin: "8642" });
    await context.grantPermissions(["camera"]);
    await page.addInitScript(fakeBarcodeDetector);
    const chunks: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/widget/chunks/")) chunks.push(new URL(r.url()).pathname);
    });
    await page.goto(checkoutUrl({ amount: "10.00" }));
    await expect(cameraButton(widget)).toBeVisible();
    expect(chunks.filter((c) => c.includes("camera"))).toEqual([]);

    const chunk = page.waitForRequest((r) => /\/widget\/chunks\/camera-scan-[\w-]+\.js$/.test(r.url()));
    await cameraButton(widget).click();
    await chunk;
    const view = widget.root.getByRole("dialog", { name: en.camera.title });
    await expect(view).toBeVisible();
    // Its styles came with its chunk (the main bundle does not carry them).
    await expect(view).toHaveCSS("display", "grid");
    await expect(view.locator("video")).toHaveCSS("background-color", "rgb(0, 0, 0)");
    await expect(widget.root.getByRole("button", { name: en.camera.close })).toBeFocused();
    // The fake camera is on and its frames are being read (nothing in view yet).
    await expect.poll(async () => (await cameraState(page)).live).toBeGreaterThan(0);
    await expect.poll(async () => (await cameraState(page)).reads).toBeGreaterThan(1);

    await page.evaluate((code) => {
      (window as unknown as { fakeScan: { code: string } }).fakeScan.code = code;
    }, voucher.code.toLowerCase());
    await expect(widget.code).toHaveValue(groupCode(voucher.code));
    await expect(view).toHaveCount(0);
    await expect(widget.pin).toBeFocused();
    expect(await cameraState(page)).toMatchObject({ streams: 1, live: 0 });
    // The rest of the flow goes on by keyboard; meanwhile no frame was read with the camera off.
    await page.keyboard.type("8642");
    await page.keyboard.press("Enter");
    await expect(widget.amount).toBeFocused();
    expect(await cameraState(page)).toMatchObject({ live: 0, readsStopped: 0 });
  });

  test("Escape closes the camera, stops it, and puts focus back in the code field", async ({
    page,
    widget,
    context,
  }) => {
    await context.grantPermissions(["camera"]);
    await page.addInitScript(fakeBarcodeDetector);
    await page.goto(checkoutUrl({ amount: "10.00" }));
    await cameraButton(widget).click();
    const view = widget.root.getByRole("dialog", { name: en.camera.title });
    await expect(view).toBeVisible();
    await expect.poll(async () => (await cameraState(page)).live).toBeGreaterThan(0);

    await page.keyboard.press("Escape");
    await expect(view).toHaveCount(0);
    await expect(widget.code).toBeFocused();
    expect(await cameraState(page)).toMatchObject({ streams: 1, live: 0 });
    await expect(widget.code).toHaveValue("");
  });

  test("removing the widget while the camera is open stops the camera", async ({ page, widget, context }) => {
    await context.grantPermissions(["camera"]);
    await page.addInitScript(fakeBarcodeDetector);
    await page.goto(checkoutUrl({ amount: "10.00" }));
    await cameraButton(widget).click();
    await expect.poll(async () => (await cameraState(page)).live).toBeGreaterThan(0);

    await page.evaluate(() => document.querySelector("voucher-widget")?.remove());
    await expect.poll(async () => (await cameraState(page)).live).toBe(0);
    expect((await cameraState(page)).streams).toBe(1);
  });
});
