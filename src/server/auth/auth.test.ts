import { describe, expect, it } from "vitest";
import { HttpProblem } from "../errors/http-problem.ts";
import { originAllowed } from "../http/origins.ts";
import { createApiKeyVerifier } from "./api-keys.ts";
import { bearerToken, createSessionTokens } from "./session-token.ts";

const key = new Uint8Array(32).fill(3);

describe("session tokens", () => {
  it("round-trips account, terminal and abilities", async () => {
    const tokens = createSessionTokens(key);
    const { token, expiresAt } = await tokens.issue(
      { account: "jtl", terminalId: "till-1", abilities: ["redeem"] },
      600,
    );
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(590_000);
    await expect(tokens.verify(token)).resolves.toEqual({
      account: "jtl",
      terminalId: "till-1",
      abilities: ["redeem"],
    });
  });

  it("refuses expired, tampered and foreign tokens as UNAUTHORIZED", async () => {
    let now = Date.now();
    const tokens = createSessionTokens(key, () => now);
    const { token } = await tokens.issue({ account: "jtl", terminalId: "t", abilities: [] }, 60);
    now += 61_000;
    await expect(tokens.verify(token)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    now -= 61_000;
    const tampered = `${token.slice(0, -2)}${token.endsWith("A") ? "B" : "A"}A`;
    await expect(tokens.verify(tampered)).rejects.toBeInstanceOf(HttpProblem);
    const other = createSessionTokens(new Uint8Array(32).fill(4));
    await expect(other.verify(token)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("refuses a token it already verified from the second it expires", async () => {
    let now = Date.parse("2026-12-02T10:00:00.000Z");
    const tokens = createSessionTokens(key, () => now);
    const { token, expiresAt } = await tokens.issue({ account: "jtl", terminalId: "t", abilities: ["redeem"] }, 60);
    await expect(tokens.verify(token)).resolves.toMatchObject({ terminalId: "t" });
    now = Date.parse(expiresAt) - 1;
    await expect(tokens.verify(token)).resolves.toMatchObject({ terminalId: "t" });
    now = Date.parse(expiresAt);
    await expect(tokens.verify(token)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("keeps refusing a tampered copy of a token it verified", async () => {
    const tokens = createSessionTokens(key);
    const { token } = await tokens.issue({ account: "jtl", terminalId: "t", abilities: ["redeem"] }, 60);
    await tokens.verify(token);
    const [header, , signature] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ acc: "jtl", abl: ["codes"], sub: "t", exp: 9e9 })).toString(
      "base64url",
    );
    for (let i = 0; i < 2; i++) {
      await expect(tokens.verify(`${header}.${forged}.${signature}`)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    }
    await expect(tokens.verify(token)).resolves.toMatchObject({ abilities: ["redeem"] });
  });

  it("reads bearer tokens strictly", () => {
    expect(bearerToken("Bearer abc")).toBe("abc");
    expect(bearerToken("bearer abc")).toBe("abc");
    expect(bearerToken("Basic abc")).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
  });
});

describe("API keys", () => {
  const verify = createApiKeyVerifier([
    { id: "plain", key: "p".repeat(30), accounts: ["a"], abilities: ["redeem"] },
    {
      id: "hashed",
      key: "sha256:5994471abb01112afcc18159f6cc74b4f511b99806da59b3caf5a9c173cacfc5",
      accounts: ["a"],
      abilities: ["redeem"],
    },
  ]);
  it("matches plain and hashed keys and nothing else", () => {
    expect(verify("p".repeat(30))?.id).toBe("plain");
    expect(verify("12345")?.id).toBe("hashed");
    expect(verify("p".repeat(29))).toBeNull();
  });
});

describe("allowed origins", () => {
  it("matches exact origins, * and port wildcards", () => {
    expect(originAllowed("https://shop.example", ["https://shop.example"])).toBe(true);
    expect(originAllowed("https://evil.example", ["https://shop.example"])).toBe(false);
    expect(originAllowed("http://localhost:5173", ["http://localhost:*"])).toBe(true);
    expect(originAllowed("http://localhost.evil:5173", ["http://localhost:*"])).toBe(false);
    expect(originAllowed("http://localhost:5173/x", ["http://localhost:*"])).toBe(false);
    expect(originAllowed("https://any.example", ["*"])).toBe(true);
  });
});
