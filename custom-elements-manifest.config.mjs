/**
 * `cem analyze` (part of `npm run build`): writes dist/widget/custom-elements.json for `<voucher-widget>`
 * and `<voucher-codes>`, from the classes' JSDoc and Lit decorators in src/widget. Two plugins finish it:
 * - event types: each documented event gets its `CustomEvent<…Detail>` type from `VoucherEventMap`
 *   (src/widget/events.ts), and the analyzer's guess from `#emit`'s `new CustomEvent(name, …)` is dropped;
 * - theming: `<voucher-widget>`'s css properties and parts come from src/widget/theming.json, the one list
 *   the README table, this manifest and the consistency test share.
 */
import { readFileSync } from "node:fs";

const theming = JSON.parse(readFileSync(new URL("./src/widget/theming.json", import.meta.url), "utf8"));

/** Reads the `…EventMap` interfaces of the analyzed modules and types the documented events from them. */
function eventTypesPlugin() {
  /** event name → type text, e.g. "voucher-held" → "CustomEvent<VoucherHeldDetail>" */
  const types = new Map();
  return {
    name: "voucher-event-types",
    analyzePhase({ ts, node }) {
      if (!ts.isInterfaceDeclaration(node) || !node.name.getText().endsWith("EventMap")) return;
      for (const member of node.members) {
        if (ts.isPropertySignature(member) && member.type && ts.isStringLiteral(member.name)) {
          types.set(member.name.text, member.type.getText());
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const declaration of allDeclarations(customElementsManifest)) {
        if (!declaration.events) continue;
        // Only documented (`@fires`) events are the element's API; others are the analyzer reading `#emit`.
        declaration.events = declaration.events.filter((event) => event.description);
        for (const event of declaration.events) {
          const type = types.get(event.name);
          if (type) event.type = { text: type };
        }
      }
    },
  };
}

/** Replaces `<voucher-widget>`'s css properties and parts with the documented list in theming.json. */
function themingPlugin() {
  return {
    name: "voucher-theming",
    packageLinkPhase({ customElementsManifest }) {
      for (const declaration of allDeclarations(customElementsManifest)) {
        if (declaration.tagName !== "voucher-widget") continue;
        declaration.cssProperties = theming.cssProperties.map(({ name, description, default: fallback }) => ({
          name,
          description,
          default: fallback,
        }));
        declaration.cssParts = theming.cssParts.map(({ name, description }) => ({ name, description }));
      }
    },
  };
}

function allDeclarations(manifest) {
  return manifest.modules.flatMap((module) => module.declarations ?? []);
}

export default {
  globs: ["src/widget/**/*.ts"],
  exclude: ["src/widget/**/*.test.ts"],
  outdir: "dist/widget",
  litelement: true,
  // package.json's "customElements" is set by hand; the analyzer must not rewrite the file.
  packagejson: false,
  plugins: [eventTypesPlugin(), themingPlugin()],
};
