import { describe, expect, it } from "vitest";
import { DEMO_CLIENT_TOKEN, demoAccessTokens } from "./demo-data.ts";
import { demoEnvelope, useMewsSim } from "./test-client.ts";

const sim = useMewsSim();
const list = (body: Record<string, unknown> = {}) =>
  sim.call("voucherCodes/getAll", { Limitation: { Count: 10 }, ...body });

describe("request envelope", () => {
  it("takes the tokens and the client name in the JSON body", async () => {
    const answer = await list({ LanguageCode: "de-DE", CultureCode: "de-DE" });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
    expect(answer.body.VoucherCodes.length).toBeGreaterThan(0);
  });

  it("refuses missing or wrong tokens with 401 and the {Message, Details} body", async () => {
    for (const override of [
      { ClientToken: undefined },
      { ClientToken: "nope" },
      { AccessToken: undefined },
      { AccessToken: "nope" },
      { AccessToken: DEMO_CLIENT_TOKEN },
    ]) {
      const answer = await list(override);
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ Message: expect.any(String), Details: null });
    }
  });

  it("does not read tokens from headers", async () => {
    const answer = await sim.raw("/api/connector/v1/voucherCodes/getAll", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${demoEnvelope.AccessToken}`,
        "x-client-token": DEMO_CLIENT_TOKEN,
      },
      body: JSON.stringify({ Client: "x 1.0", Limitation: { Count: 1 } }),
    });
    expect(answer.status).toBe(401);
  });

  it("requires the Client name", async () => {
    expect((await list({ Client: undefined })).status).toBe(400);
    expect((await list({ Client: "" })).status).toBe(400);
  });

  it("accepts only POST with a JSON object, on documented operations, without unknown properties", async () => {
    const text = await sim.raw("/api/connector/v1/voucherCodes/getAll", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "hello",
    });
    expect(text.status).toBe(400);
    expect(text.body.Message).toEqual(expect.any(String));
    expect((await sim.raw("/api/connector/v1/voucherCodes/getAll")).status).toBe(404);
    expect((await sim.call("voucherCodes/getEverything", { Limitation: { Count: 1 } })).status).toBe(404);
    const typo = await list({ VoucherCodeValue: ["X"] });
    expect(typo.status).toBe(400);
    expect(typo.body.Message).toMatch(/VoucherCodeValue/);
  });
});

describe("tokens", () => {
  it("stops answering revoked tokens until reset", async () => {
    await sim.sim("tokens", { action: "revoke" });
    expect((await list()).status).toBe(401);
    await sim.sim("reset", {});
    expect((await list()).status).toBe(200);
  });

  it("rotates access tokens: the old one is refused, the new one works", async () => {
    const old = demoAccessTokens[0]!.token;
    const { body } = await sim.sim("tokens", { action: "rotate" });
    const fresh = body.accessTokens[old];
    expect(fresh).toMatch(/^[0-9A-F]{32}-[0-9A-F]{31}$/);
    expect((await list()).status).toBe(401);
    expect((await list({ AccessToken: fresh })).status).toBe(200);
  });
});

describe("request limits", () => {
  it("answers 429 with Retry-After once the token's window is used up, and again after it", async () => {
    await sim.sim("config", { limits: { perToken: 3, windowSeconds: 60 } });
    for (let i = 0; i < 3; i++) expect((await list()).status).toBe(200);
    const limited = await list();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(limited.body.Message).toEqual(expect.any(String));
    // Another token has its own window.
    const portfolio = demoAccessTokens[1]!.token;
    expect((await list({ AccessToken: portfolio })).status).toBe(200);
    await sim.sim("clock", { advanceSeconds: 60 });
    expect((await list()).status).toBe(200);
  });

  it("limits each endpoint separately", async () => {
    await sim.sim("config", { limits: { perEndpoint: 2, windowSeconds: 30 } });
    expect((await list()).status).toBe(200);
    expect((await list()).status).toBe(200);
    expect((await list()).status).toBe(429);
    const vouchers = await sim.call("vouchers/getAll", {
      ServiceIds: ["b7c3a2d4-5e6f-4a1b-8c9d-0e1f2a3b4c01"],
      Extent: { Vouchers: true },
      Limitation: { Count: 10 },
    });
    expect(vouchers.status).toBe(200);
  });

  it("does not count calls with wrong tokens against anyone's limit", async () => {
    await sim.sim("config", { limits: { perToken: 1 } });
    expect((await list({ AccessToken: "nope" })).status).toBe(401);
    expect((await list()).status).toBe(200);
  });
});
