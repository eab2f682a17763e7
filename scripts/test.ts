/**
 * `npm test`: type check, lint, build, unit and integration tests (vitest), then the Playwright suite in
 * Chromium. Stops at the first failing step and ends with one summary line of passed and failed tests.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureChromium } from "./find-chromium.ts";

const reports = mkdtempSync(join(tmpdir(), "voucher-tests-"));
const counts = { passed: 0, failed: 0, skipped: 0 };

function run(title: string, command: string, args: string[], env: Record<string, string> = {}): void {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) {
    finish(`${title} failed`);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: reports from two runners, read defensively field by field.
function readJson(file: string): any {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

function collect(): void {
  const vitest = readJson(join(reports, "vitest.json"));
  if (vitest) {
    counts.passed += vitest.numPassedTests ?? 0;
    counts.failed += vitest.numFailedTests ?? 0;
    counts.skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
  }
  const playwright = readJson(join(reports, "playwright.json"));
  if (playwright?.stats) {
    counts.passed += (playwright.stats.expected ?? 0) + (playwright.stats.flaky ?? 0);
    counts.failed += playwright.stats.unexpected ?? 0;
    counts.skipped += playwright.stats.skipped ?? 0;
  }
}

function finish(failure?: string): never {
  collect();
  if (failure) console.error(`\n✖ ${failure}`);
  console.log(
    `\n${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ""}`,
  );
  process.exit(failure || counts.failed > 0 ? 1 : 0);
}

const npx = "npx";
run("type check", npx, ["tsc", "-p", "tsconfig.json"]);
run("lint", npx, ["biome", "check", "."]);
run("build widget", npx, ["vite", "build", "--logLevel", "warn"]);
run("unit and integration tests (vitest)", npx, [
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${join(reports, "vitest.json")}`,
]);
const chromiumPath = ensureChromium();
run("browser tests (Playwright, Chromium)", npx, ["playwright", "test"], {
  CHROMIUM_PATH: chromiumPath,
  PLAYWRIGHT_JSON_OUTPUT_NAME: join(reports, "playwright.json"),
});
finish();
