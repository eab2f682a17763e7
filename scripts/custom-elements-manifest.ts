/**
 * A Vite plugin that writes `custom-elements.json` next to the widget bundle once the build is done, by
 * running the analyzer's CLI (`cem analyze`, configured in custom-elements-manifest.config.mjs) with the
 * build's output folder. Part of every widget build (`npm run build`, `npm start`, `npm test`), so the BFF
 * always serves the manifest at `/widget/custom-elements.json` beside the bundle it describes.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, isAbsolute, join, relative } from "node:path";
import type { Plugin } from "vite";

const require = createRequire(import.meta.url);

/** Runs `cem analyze` in `root`, writing `<outDir>/custom-elements.json`. */
export function analyzeCustomElements(root: string, outDir: string): Promise<void> {
  const cli = join(dirname(require.resolve("@custom-elements-manifest/analyzer/package.json")), "cem.js");
  // The CLI joins --outdir onto its working directory, so it must be relative.
  const args = [cli, "analyze", "--quiet", "--outdir", relative(root, outDir) || "."];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`cem analyze failed (${code}): ${stderr.trim()}`)),
    );
  });
}

export function customElementsManifest(root: string): Plugin {
  let outDir = "";
  return {
    name: "custom-elements-manifest",
    apply: "build",
    configResolved(config) {
      outDir = isAbsolute(config.build.outDir) ? config.build.outDir : join(config.root, config.build.outDir);
    },
    async closeBundle() {
      await analyzeCustomElements(root, outDir);
    },
  };
}
