/**
 * Builds the widget bundle the BFF serves at `/widget/`:
 * - `dist/widget/voucher-widget.js`: ES module, every dependency bundled and minified; language packs are
 *   separate chunks (`chunks/de-[hash].js`) fetched only when asked for.
 * - `dist/widget/voucher-widget.iife.js`: the same for pages without modules (`<script src>`), one file
 *   with the German pack inlined (IIFE output cannot split).
 * The demo page (`index.html`, `public/`) is served by the BFF as it is and is not part of this build.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  // Fixed to this folder, so the build is the same from any working directory (the bundle-size test).
  root,
  // public/ is the demo's, served by the BFF directly; it does not belong in the widget bundle.
  publicDir: false,
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
