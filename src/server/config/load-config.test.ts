import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./load-config.ts";

const key = Buffer.alloc(32, 7).toString("base64");
const dir = mkdtempSync(join(tmpdir(), "voucher-config-"));

function file(content: unknown): string {
  const path = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

const valid = {
  accounts: [
    {
      id: "shop",
      provider: "jtl",
      baseUrl: "https://vouchers.example",
      currency: "EUR",
      allowedOrigins: ["https://shop.example"],
      credentials: { clientId: "id", clientSecret: "env:JTL_SECRET" },
    },
  ],
  apiKeys: [{ id: "backend", key: "k".repeat(32), accounts: ["shop"] }],
  sessionSigningKey: key,
  dataKey: key,
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("loadConfig", () => {
  it("returns null without VOUCHER_CONFIG (the demo may run)", () => {
    expect(loadConfig({})).toBeNull();
  });

  it("reads the file, resolves env: references and applies defaults", () => {
    const config = loadConfig({ VOUCHER_CONFIG: file(valid), JTL_SECRET: "s3cret", PORT: "9123" });
    expect(config?.port).toBe(9123);
    expect(config?.demo).toBe(false);
    expect(config?.sessionTtlSeconds).toBe(900);
    const account = config?.accounts[0];
    expect(account?.provider === "jtl" && account.credentials.clientSecret).toBe("s3cret");
    expect(account?.timeoutMs).toBe(10_000);
  });

  it("names every problem with where to fix it", () => {
    const bad = {
      ...valid,
      accounts: [{ ...valid.accounts[0], currency: "euro", baseUrl: "ftp://x" }],
      apiKeys: [{ id: "b", key: "short", accounts: ["nope"] }],
      dataKey: "c2hvcnQ=",
    };
    const problems = problemsOf({ VOUCHER_CONFIG: file(bad), PORT: "http" });
    const text = problems.join("\n");
    expect(text).toContain("PORT");
    expect(text).toContain("JTL_SECRET is not set");
    expect(text).toContain("accounts.0.currency");
    expect(text).toContain("accounts.0.baseUrl");
    expect(text).toContain("apiKeys.0.key");
    expect(text).toContain("dataKey: at least 32 bytes");
  });

  it("refuses API keys for unknown accounts and duplicate account ids", () => {
    const bad = {
      ...valid,
      accounts: [valid.accounts[0], valid.accounts[0]],
      apiKeys: [{ ...valid.apiKeys[0], accounts: ["other"] }],
    };
    const problems = problemsOf({ VOUCHER_CONFIG: file(bad), JTL_SECRET: "x" });
    expect(problems).toContain('accounts: id "shop" appears twice');
    expect(problems).toContain('apiKeys "backend": account "other" is not configured');
  });

  it("says when the file is missing or not JSON", () => {
    expect(problemsOf({ VOUCHER_CONFIG: join(dir, "missing.json") })[0]).toMatch(/cannot read .*ENOENT/);
    expect(problemsOf({ VOUCHER_CONFIG: file("{nope") })[0]).toMatch(/not valid JSON/);
  });
});
