/**
 * Finds a Chromium for Playwright: CHROMIUM_PATH, then Playwright's own download where one is installed,
 * then the system's chromium; as root on a Debian machine without one, installs Debian's package.
 * Otherwise says exactly what is missing.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "playwright";

const systemCandidates = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
];

function playwrightOwn(): string | undefined {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

function onPath(): string | undefined {
  for (const name of ["chromium", "chromium-browser", "google-chrome"]) {
    const found = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).stdout.trim();
    if (found) return found;
  }
  return undefined;
}

/** Returns the path of a usable Chromium, or null. */
export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return playwrightOwn() ?? systemCandidates.find((p) => existsSync(p)) ?? onPath() ?? null;
}

/** Finds Chromium or, as root with apt-get, installs Debian's package; exits with a clear message if neither. */
export function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    console.log("No Chromium found: installing Debian's chromium package (about a minute)…");
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    const installed = findChromium();
    if (installed) return installed;
  }
  console.error(
    [
      "No Chromium found for the browser tests. Any one of these fixes it:",
      "  - install Debian's package:   sudo apt-get install -y chromium",
      "  - or Playwright's own build:  npx playwright install chromium   (needs access to Playwright's download host)",
      "  - or point at a browser:      CHROMIUM_PATH=/path/to/chromium npm test",
    ].join("\n"),
  );
  process.exit(1);
}

/** Flags every test browser starts with: headless in a container, no GPU, no background traffic. */
export const chromiumArgs: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
