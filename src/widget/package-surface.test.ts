/**
 * What the package ships for tools and TypeScript users (issue 5): custom-elements.json and the type
 * declarations, built here the way `npm run build` builds them (the same analyzer config and tsconfig) into
 * a throwaway copy of the package laid out as package.json says. A consumer module then imports
 * "voucher-widget" through package.json's `exports` and must type-check; wrong event details must not.
 * Also keeps theming.json (the documented `--voucher-*` properties and parts) true to styles and views.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeCustomElements } from "../../scripts/custom-elements-manifest.ts";
import theming from "./theming.json" with { type: "json" };

const root = fileURLToPath(new URL("../../", import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

interface Named {
  name: string;
  description?: string;
  type?: { text: string };
  default?: string;
}
interface Declaration {
  name: string;
  tagName?: string;
  customElement?: boolean;
  attributes?: Named[];
  events?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[]; exports?: { kind: string; name: string }[] }[];
}

/** Under the repository's node_modules, so the shipped declarations find lit and zod as an installed package would. */
let work = "";
let installed = "";
let manifest: Manifest;

beforeAll(() => {
  const cache = join(root, "node_modules", ".cache");
  mkdirSync(cache, { recursive: true });
  work = mkdtempSync(join(cache, "package-surface-"));
  // Its own package scope: without one, "voucher-widget" would resolve to this repository itself.
  writeFileSync(join(work, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  installed = join(work, "node_modules", pkg.name);
  mkdirSync(installed, { recursive: true });
  copyFileSync(join(root, "package.json"), join(installed, "package.json"));
  const tsc = spawnSync(
    process.execPath,
    [join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.types.json", "--outDir", typesDir()],
    { cwd: root, encoding: "utf8" },
  );
  expect(tsc.stdout + tsc.stderr, "declaration build").toBe("");
  expect(tsc.status).toBe(0);
  return analyzeCustomElements(root, join(installed, "dist/widget")).then(() => {
    manifest = JSON.parse(readFileSync(join(installed, pkg.customElements), "utf8"));
  });
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Where package.json's `types` says the declarations are, relative to the package. */
function typesDir(): string {
  return join(installed, pkg.types.replace(/^\.\//, "").replace(/\/widget\/index\.d\.ts$/, ""));
}

function element(tagName: string): Declaration {
  const found = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tagName);
  if (!found) throw new Error(`${tagName} is not in the manifest`);
  return found;
}

const names = (list: Named[] | undefined) => (list ?? []).map((item) => item.name);

describe("package.json", () => {
  it("exports the ES module with its types, the IIFE, <voucher-codes> and the manifest", () => {
    expect(pkg.exports["."]).toEqual({ types: pkg.types, import: "./dist/widget/voucher-widget.js" });
    expect(pkg.exports["./iife"]).toBe("./dist/widget/voucher-widget.iife.js");
    expect(pkg.exports["./codes"].import).toBe("./dist/widget/voucher-codes.js");
    expect(pkg.exports["./custom-elements.json"]).toBe(`./${pkg.customElements}`);
    expect(pkg.files).toEqual(expect.arrayContaining(["dist/widget", "dist/types"]));
    expect(pkg.scripts.build).toMatch(/vite build.*build:types/);
  });

  it("points at declarations and a manifest the build writes", () => {
    for (const file of [pkg.types, pkg.exports["./codes"].types, pkg.exports["./custom-elements.json"]]) {
      expect(() => readFileSync(join(installed, file)), file).not.toThrow();
    }
  });
});

describe("custom-elements.json", () => {
  it("declares <voucher-widget> with its attributes", () => {
    const attributes = names(element("voucher-widget").attributes);
    for (const name of ["api", "token", "amount", "currency", "locale", "mode", "order-ref", "required", "name"]) {
      expect(attributes).toContain(name);
    }
  });

  it("declares every event with its detail type, and nothing the analyzer merely guessed", () => {
    const events = element("voucher-widget").events ?? [];
    const expected = ["checked", "held", "expiring", "expired", "released", "redeemed", "issued", "error"];
    expect(names(events)).toEqual(expect.arrayContaining(expected.map((e) => `voucher-${e}`)));
    expect(names(events)).not.toContain("name");
    const redeemed = events.find((e) => e.name === "voucher-redeemed");
    expect(redeemed?.type?.text).toBe("CustomEvent<VoucherRedeemedDetail>");
    expect(redeemed?.description).toMatch(/redemptionId/);
  });

  it("declares the documented css parts and custom properties", () => {
    const widget = element("voucher-widget");
    expect(widget.cssParts).toEqual(theming.cssParts.map(({ name, description }) => ({ name, description })));
    expect(widget.cssProperties).toEqual(theming.cssProperties);
    expect(names(widget.cssParts)).toEqual(expect.arrayContaining(["base", "code-input", "countdown", "error"]));
  });

  it("declares <voucher-codes> and both tag definitions", () => {
    expect(names(element("voucher-codes").attributes)).toContain("page-size");
    const added = element("voucher-codes").events?.find((e) => e.name === "voucher-code-added");
    expect(added?.type?.text).toBe("CustomEvent<VoucherCodeAddedDetail>");
    const definitions = manifest.modules
      .flatMap((m) => m.exports ?? [])
      .filter((e) => e.kind === "custom-element-definition");
    expect(names(definitions).sort()).toEqual(["voucher-codes", "voucher-widget"]);
  });
});

describe("type declarations", () => {
  /** Type-checks `source` as a consumer's module beside the installed package; returns the error messages. */
  function typeCheck(source: string): string[] {
    const file = join(work, "consumer.ts");
    writeFileSync(file, source);
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ["lib.es2023.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
      types: [],
      skipLibCheck: true,
    });
    return ts
      .getPreEmitDiagnostics(program)
      .map(
        (d) =>
          `${d.file ? `${d.file.fileName.slice(work.length)}:` : ""} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`,
      );
  }

  // A full program with the DOM lib: seconds on a busy machine.
  it("type events, properties and methods for a consumer, and reject wrong details", { timeout: 90_000 }, () => {
    const errors = typeCheck(`
      import "${pkg.name}";
      import { VoucherWidget, type VoucherHeldDetail } from "${pkg.name}";
      import { VoucherCodes } from "${pkg.name}/codes";

      const el = document.createElement("voucher-widget");
      const widget: VoucherWidget = el;
      el.addEventListener("voucher-redeemed", (e) => e.detail.redemptionId.toUpperCase());
      el.addEventListener("voucher-held", (e) => {
        const detail: VoucherHeldDetail = e.detail;
        const id: string = detail.holdId;
        return id;
      });
      document.addEventListener("voucher-error", (e) => e.detail.retryable === true);
      // @ts-expect-error: a redemption's detail has no such field
      el.addEventListener("voucher-redeemed", (e) => e.detail.redemptionID);
      // @ts-expect-error: the amount is Money ({amount, currency}), not a number
      el.addEventListener("voucher-held", (e) => e.detail.amount.toFixed(2));
      el.required = true;
      el.name = "voucher";
      const value: string = widget.value;
      const valid: boolean = el.checkValidity();
      // @ts-expect-error: mode is "redeem" | "issue"
      el.mode = "sell";
      const codes: VoucherCodes = document.createElement("voucher-codes");
      codes.addEventListener("voucher-code-added", (e) => e.detail.voucherId.length);
      // @ts-expect-error: a deleted code's detail has no voucherId
      codes.addEventListener("voucher-code-deleted", (e) => e.detail.voucherId);
      export { codes, valid, value };
    `);
    expect(errors).toEqual([]);
  });

  it("catch the mistake when a directive is not needed (the check above can fail)", { timeout: 90_000 }, () => {
    const errors = typeCheck(`
      import "${pkg.name}";
      const el = document.createElement("voucher-widget");
      // @ts-expect-error: this is fine, so the directive itself is reported
      el.addEventListener("voucher-redeemed", (e) => e.detail.redemptionId);
    `);
    expect(errors.join("\n")).toMatch(/Unused '@ts-expect-error' directive/);
  });
});

describe("theming.json", () => {
  const widgetDir = fileURLToPath(new URL(".", import.meta.url));
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === "codes" ? [] : sources(path);
      return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
    });
  const files = sources(widgetDir).map((path) => ({ path, text: readFileSync(path, "utf8") }));
  const styleFiles = files.filter((f) => f.path.endsWith("styles.ts"));

  it("documents every --voucher-* custom property the styles use, with the one fallback they all use", () => {
    const fallbacks = new Map<string, Set<string>>();
    for (const { text } of styleFiles) {
      for (const [, name, fallback] of text.matchAll(/var\((--voucher-[\w-]+)\s*(?:,\s*([^;]*?))?\)(?=[\s;,])/g)) {
        const set = fallbacks.get(name as string) ?? new Set<string>();
        set.add(fallback?.trim() ?? "");
        fallbacks.set(name as string, set);
      }
    }
    const documented = Object.fromEntries(theming.cssProperties.map((p) => [p.name, p.default]));
    expect([...fallbacks.keys()].sort()).toEqual(Object.keys(documented).sort());
    for (const [name, set] of fallbacks) expect([...set], name).toEqual([documented[name]]);
  });

  it("documents every part the widget's templates name", () => {
    const used = new Set<string>();
    for (const { text } of files) {
      for (const [, quoted, expression] of text.matchAll(/\bpart=(?:"([^"]*)"|\$\{([^}]*)\})/g)) {
        const literals =
          quoted !== undefined
            ? [quoted]
            : [...(expression ?? "").matchAll(/[`"]([^`"]*)[`"]/g)].map((m) => m[1] ?? "");
        // Names only: pieces of `${…}` expressions are not part names (and are covered by their own literals).
        for (const token of literals.join(" ").split(/\s+/)) if (/^[a-z][a-z0-9-]*$/i.test(token)) used.add(token);
      }
    }
    const documented = new Set(theming.cssParts.map((p) => p.name));
    expect([...used].filter((part) => !documented.has(part))).toEqual([]);
    expect(used.size).toBeGreaterThan(20);
  });
});
