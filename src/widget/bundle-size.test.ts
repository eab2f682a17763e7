/**
 * The bundle budget (issue 2): the widget's ES module with everything it imports statically must stay
 * within 30 KB gzip. Language packs (German, French, Dutch, Spanish, Italian: one chunk each) and lazily
 * loaded parts (issue mode) are separate chunks, not counted.
 * Builds with the repository's own vite.config.ts into a temp directory, so it measures what ships.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, type Rolldown } from "vite";
import { afterAll, describe, expect, it } from "vitest";

const BUDGET_BYTES = 30_000;
/** The language packs besides English (src/widget/messages/<lang>.ts), each its own lazy chunk. */
const PACKS = ["de", "fr", "nl", "es", "it"];
const configFile = fileURLToPath(new URL("../../vite.config.ts", import.meta.url));

describe("widget bundle", () => {
  let outDir = "";
  afterAll(async () => {
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it(`voucher-widget.js plus its static imports is at most ${BUDGET_BYTES / 1000} KB gzip`, {
    timeout: 120_000,
  }, async () => {
    outDir = await mkdtemp(join(tmpdir(), "voucher-widget-size-"));
    // Vitest sets NODE_ENV=test, which would make Vite resolve lit's development build: measure production.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = "production";
    const result = await build({
      configFile,
      mode: "production",
      logLevel: "silent",
      build: { outDir, emptyOutDir: true, sourcemap: false },
    }).finally(() => {
      process.env.NODE_ENV = nodeEnv;
    });
    const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
    const chunks = new Map<string, Rolldown.OutputChunk>();
    for (const output of outputs) for (const o of output.output) if (o.type === "chunk") chunks.set(o.fileName, o);

    const entry = chunks.get("voucher-widget.js");
    expect(entry, "ES entry voucher-widget.js").toBeDefined();
    expect(chunks.has("voucher-widget.iife.js"), "IIFE build").toBe(true);

    // The entry and everything it pulls in before it can run; dynamic imports load later, on demand.
    const statics = new Set<string>();
    const visit = (name: string) => {
      if (statics.has(name)) return;
      statics.add(name);
      for (const next of chunks.get(name)?.imports ?? []) visit(next);
    };
    visit("voucher-widget.js");
    const gzip = async (name: string) => gzipSync(await readFile(join(outDir, name))).length;
    let total = 0;
    for (const name of statics) total += await gzip(name);
    const lazy = [...chunks.values()].filter((c) => !statics.has(c.fileName) && c.fileName.startsWith("chunks/"));
    const lazySizes = await Promise.all(lazy.map(async (c) => `${c.fileName} ${(await gzip(c.fileName)) / 1000} KB`));
    const iife = await gzip("voucher-widget.iife.js");

    console.log(
      `[bundle-size] voucher-widget.js + ${statics.size - 1} static chunk(s): ${(total / 1000).toFixed(1)} KB gzip ` +
        `(budget ${BUDGET_BYTES / 1000} KB); lazy: ${lazySizes.join(", ")}; IIFE (all inlined): ${(iife / 1000).toFixed(1)} KB gzip`,
    );
    // Every language but English is a chunk of its own, fetched on demand: only that pack's module in it,
    // none of them among the static imports, and each reachable from the entry by a dynamic import.
    const dynamic = new Set<string>();
    const visitDynamic = (name: string) => {
      for (const next of chunks.get(name)?.dynamicImports ?? []) dynamic.add(next);
    };
    for (const name of statics) visitDynamic(name);
    const packFile = new RegExp(`src/widget/messages/(${["en", ...PACKS].join("|")})\\.ts$`);
    for (const lang of PACKS) {
      const own = `src/widget/messages/${lang}.ts`;
      const holders = [...chunks.values()].filter(
        (c) => c.fileName !== "voucher-widget.iife.js" && c.moduleIds.some((id) => id.endsWith(own)),
      );
      expect(
        holders.map((c) => c.fileName),
        `${lang} pack in exactly one ES chunk`,
      ).toEqual([expect.stringMatching(new RegExp(`^chunks/${lang}-[\\w-]+\\.js$`))]);
      const chunk = holders[0]!;
      expect(statics.has(chunk.fileName), `${lang} pack is not loaded up front`).toBe(false);
      expect(dynamic.has(chunk.fileName), `${lang} pack is a dynamic import of the entry`).toBe(true);
      const packModules = chunk.moduleIds.filter((id) => packFile.test(id));
      expect(
        packModules.map((id) => id.slice(id.lastIndexOf("/") + 1)),
        `${lang} chunk holds one pack`,
      ).toEqual([`${lang}.ts`]);
    }
    // The camera scanner (issue 5) loads when its button is pressed: none of its code is in what every page fetches.
    const inCamera = (c: Rolldown.OutputChunk) => c.moduleIds.some((id) => id.includes("/src/widget/camera/"));
    expect(
      [...statics].some((name) => inCamera(chunks.get(name) as Rolldown.OutputChunk)),
      "camera statically",
    ).toBe(false);
    expect(lazy.some(inCamera), "camera scanner is its own chunk").toBe(true);
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
