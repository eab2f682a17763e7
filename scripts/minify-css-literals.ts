/**
 * Vite plugin: minifies the CSS inside Lit's `css` tagged templates at build time with lightningcss (the
 * minifier Vite itself ships), so the styles cost their rules, not their indentation and comments. Only
 * templates without `${…}` interpolations are touched; anything lightningcss cannot parse fails the build
 * rather than shipping something else than what was written.
 */
import { transform } from "lightningcss";
import type { Plugin } from "vite";

/** Matches css`…` with no interpolation and no backtick inside. */
const CSS_LITERAL = /\bcss`([^`$\\]*)`/g;

export function minifyCssLiterals(): Plugin {
  return {
    name: "minify-css-literals",
    apply: "build",
    transform(code, id) {
      if (!/\/src\/widget\/.*\.ts$/.test(id) || !code.includes("css`")) return null;
      let changed = false;
      const out = code.replace(CSS_LITERAL, (_whole, text: string) => {
        const { code: minified } = transform({ filename: id, code: Buffer.from(text), minify: true });
        changed = true;
        return `css\`${minified.toString()}\``;
      });
      return changed ? { code: out, map: null } : null;
    },
  };
}
