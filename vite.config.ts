/**
 * Builds the widget bundle the BFF serves at `/widget/`:
 * - `dist/widget/voucher-widget.js`: ES module, every dependency bundled and minified; language packs are
 *   separate chunks (`chunks/de-[hash].js`) fetched only when asked for.
 * - `dist/widget/voucher-widget.iife.js`: the same for pages without modules (`<script src>`), one file
 *   with the German pack inlined (IIFE output cannot split).
 * - `dist/widget/voucher-codes.js`: `<voucher-codes>`, the back office's access-code admin, as an ES module
 *   of its own (built after the widget by the plugin below), so neither bundle pays for the other.
 * - `dist/widget/custom-elements.json`: the elements' manifest (scripts/custom-elements-manifest.ts).
 * The demo page (`index.html`, `public/`) is served by the BFF as it is and is not part of this build.
 */
import { isAbsolute, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, defineConfig, type Plugin } from "vite";
import { customElementsManifest } from "./scripts/custom-elements-manifest.ts";
import { minifyCssLiterals } from "./scripts/minify-css-literals.ts";

const root = fileURLToPath(new URL(".", import.meta.url));

/**
 * Builds `<voucher-codes>` into the same output folder once the widget's build is written. A second build
 * rather than a second entry: the IIFE output cannot take two entries, and a shared chunk would change the
 * widget's own files.
 */
function voucherCodesBundle(): Plugin {
  let outDir = "";
  let sourcemap: boolean | "inline" | "hidden" = false;
  let mode = "production";
  let logLevel: "info" | "warn" | "error" | "silent" | undefined = "warn";
  return {
    name: "voucher-codes-bundle",
    apply: "build",
    configResolved(config) {
      outDir = isAbsolute(config.build.outDir) ? config.build.outDir : join(config.root, config.build.outDir);
      sourcemap = config.build.sourcemap;
      mode = config.mode;
      logLevel = config.logLevel;
    },
    async closeBundle() {
      await build({
        configFile: false,
        root,
        mode,
        logLevel,
        publicDir: false,
        plugins: [minifyCssLiterals()],
        // query-core keeps development warnings behind process.env.NODE_ENV, which a browser does not have.
        define: { "process.env.NODE_ENV": JSON.stringify("production") },
        build: {
          outDir,
          emptyOutDir: false,
          target: "es2022",
          minify: "oxc",
          sourcemap,
          reportCompressedSize: false,
          lib: { entry: fileURLToPath(new URL("src/widget/codes/index.ts", import.meta.url)), formats: ["es"] },
          rolldownOptions: {
            output: {
              entryFileNames: "voucher-codes.js",
              minify: true,
              comments: { legal: false, annotation: false, jsdoc: false },
            },
          },
        },
      });
    },
  };
}

export default defineConfig({
  // Fixed to this folder, so the build is the same from any working directory (the bundle-size test).
  root,
  // public/ is the demo's, served by the BFF directly; it does not belong in the widget bundle.
  publicDir: false,
  // custom-elements.json beside the bundle (custom-elements-manifest.config.mjs).
  plugins: [minifyCssLiterals(), voucherCodesBundle(), customElementsManifest(root)],
  build: {
    outDir: "dist/widget",
    emptyOutDir: true,
    target: "es2022",
    minify: "oxc",
    sourcemap: true,
    reportCompressedSize: false,
    lib: {
      entry: fileURLToPath(new URL("src/widget/index.ts", import.meta.url)),
      name: "VoucherWidget",
    },
    rolldownOptions: {
      // Lets the entry export what the lazy chunks share with it, instead of splitting that into a third file
      // every page would have to fetch before anything renders.
      preserveEntrySignatures: "allow-extension",
      output: [
        {
          format: "es",
          entryFileNames: "voucher-widget.js",
          chunkFileNames: "chunks/[name]-[hash].js",
          // The bundle is served to browsers, not re-bundled: minify fully (Vite keeps ES libs readable).
          minify: true,
          comments: { legal: false, annotation: false, jsdoc: false },
        },
        {
          format: "iife",
          name: "VoucherWidget",
          entryFileNames: "voucher-widget.iife.js",
          minify: true,
          comments: { legal: false, annotation: false, jsdoc: false },
        },
      ],
    },
  },
});
