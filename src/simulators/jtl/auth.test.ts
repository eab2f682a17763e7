import { describe, expect, it } from "vitest";
import { startSimHarness, useSimHarness } from "./test-client.ts";

const sim = useSimHarness();

const creds = { grant_type: "client_credentials", client_id: "demo-pos", client_secret: "demo-pos-secret" };

describe("POST /oauth/token", () => {
  it("issues a Bearer token for form-encoded client credentials", async () => {
    const answer = await sim.tokenRequest(creds);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ token_type: "Bearer", expires_in: 3600, access_token: expect.any(String) });
    expect(answer.headers.get("cache-control")).toBe("no-store");
  });

  it("refuses JSON bodies", async () => {
    const response = await fetch(`${sim.url}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(creds),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid_request" });
  });

  it.each([
    ["wrong secret", { ...creds, client_secret: "nope" }, 401, "invalid_client"],
    ["unknown client", { ...creds, client_id: "nobody" }, 401, "invalid_client"],
    ["missing secret", { grant_type: "client_credentials", client_id: "demo-pos" }, 400, "invalid_request"],
    ["other grant", { ...creds, grant_type: "password" }, 400, "unsupported_grant_type"],
    ["client_type over 32 chars", { ...creds, client_type: "x".repeat(33) }, 400, "invalid_request"],
    [
      "scope beyond the client's",
      { ...creds, client_id: "demo-reader", client_secret: "demo-reader-secret", scope: "read use" },
      400,
      "invalid_scope",
    ],
  ])("refuses %s", async (_name, fields, status, error) => {
    const answer = await sim.tokenRequest(fields as Record<string, string>);
    expect(answer.status).toBe(status);
    expect(answer.body.error).toBe(error);
    expect(answer.body.access_token).toBeUndefined();
  });

  it("accepts client_type of exactly 32 chars and a scope subset", async () => {
    const answer = await sim.tokenRequest({ ...creds, client_type: "x".repeat(32), scope: "read" });
    expect(answer.status).toBe(200);
  });

  it("takes the token lifetime from /__sim/config", async () => {
    await sim.sim("config", { tokenTtlSeconds: 42 });
    expect((await sim.tokenRequest(creds)).body.expires_in).toBe(42);
  });
});

describe("Bearer auth on /v1", () => {
  const path = "/v1/vouchers/DV000000000000NP";

  it("answers 401 in JTL's error shape without or with a bad token", async () => {
    for (const token of [null, "not-a-token"]) {
      const answer = await sim.api("GET", path, { token });
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ status: 401, code: "UNAUTHENTICATED", message: "Unauthenticated." });
      expect(answer.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
  });

  it("expires tokens after their lifetime on the simulator's clock", async () => {
    const token = await sim.token();
    expect((await sim.api("GET", path, { token })).status).toBe(200);
    await sim.sim("clock", { advanceSeconds: 3599 });
    expect((await sim.api("GET", path, { token })).status).toBe(200);
    await sim.sim("clock", { advanceSeconds: 2 });
    expect((await sim.api("GET", path, { token })).status).toBe(401);
  });

  it("honours a short configured lifetime", async () => {
    const short = await startSimHarness({ tokenTtlSeconds: 5 });
    try {
      const token = await short.token();
      await short.sim("clock", { advanceSeconds: 6 });
      expect((await short.api("GET", path, { token })).status).toBe(401);
    } finally {
      await short.close();
    }
  });

  it("revokes every token through /__sim/config", async () => {
    const token = await sim.token();
    await sim.sim("config", { revokeTokens: true });
    expect((await sim.api("GET", path, { token })).status).toBe(401);
  });

  it("checks scopes: read-only tokens may read but not reserve or read secrets", async () => {
    const token = await sim.token("demo-reader");
    expect((await sim.api("GET", path, { token })).status).toBe(200);
    const reserve = await sim.api("POST", "/v1/reservations", {
      token,
      json: { amount: "1.00", currency: "EUR", code: "DEMONOPIN50EUR01" },
    });
    expect(reserve.status).toBe(403);
    expect(reserve.body.code).toBe("FORBIDDEN");
    expect((await sim.api("GET", `${path}/complete`, { token })).status).toBe(403);
    const narrowed = await sim.token("demo-pos", "demo-pos-secret", "read");
    expect((await sim.api("GET", `${path}/complete`, { token: narrowed })).status).toBe(403);
  });
});
