import { defineConfig } from "@playwright/test";
import { chromiumArgs, findChromium } from "./scripts/find-chromium.ts";

const executablePath = process.env.CHROMIUM_PATH ?? findChromium() ?? undefined;

/**
 * Browser tests against the real BFF and simulators, started once by e2e/global-setup.ts exactly as
 * `npm start` starts them (fresh data directory, random ports).
 */
export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: true,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  globalSetup: "./e2e/global-setup.ts",
  outputDir: "test-results",
  reporter: [["list"], ["json", { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? "test-results/report.json" }]],
  use: {
    browserName: "chromium",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: [...chromiumArgs],
    },
  },
});
