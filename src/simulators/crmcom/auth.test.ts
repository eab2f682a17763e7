import { describe, expect, it } from "vitest";
import { demoLogin, useCrmHarness } from "./test-client.ts";

const sim = useCrmHarness();
const show = (token: string | undefined) =>
  sim.get("vouchers/show", { ...(token ? { token } : {}), voucher_identifier: "number=4000000000000001" });

describe("CRM.COM simulator: login and token", () => {
  it("logs in and answers the documented envelope with a JWT-shaped token", async () => {
    const answer = await sim.login();
    expect(answer.status).toBe(200);
    expect(answer.body.status).toEqual({ message: null, description: null, code: "OK" });
    expect(answer.body.data.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(answer.body.data.token.length).toBeGreaterThan(32);
    expect((await sim.login({ ...demoLogin(), unit: "DEMO-SHOP" })).body.status.code).toBe("OK");
  });

  it.each([
    ["a wrong password", { ...demoLogin(), password: "nope" }, "INVALID_LOGIN"],
    ["a wrong organisation", { ...demoLogin(), organisation: "OTHER" }, "INVALID_LOGIN"],
    ["a unit the user lacks", { ...demoLogin(), unit: "ELSEWHERE" }, "INVALID_LOGIN"],
    ["no organisation", { username: "demo-pos", password: "demo-pos-password" }, "MISSING_PARAMETER"],
    ["an unknown parameter", { ...demoLogin(), user: "x" }, "UNKNOWN_PARAMETER"],
  ])("refuses %s with %s in the envelope (HTTP 200, data null)", async (_name, body, code) => {
    const answer = await sim.login(body);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: { code }, data: null });
  });

  it("takes the token as a query parameter on GET, never as a header", async () => {
    const token = await sim.token();
    expect((await show(token)).body.status.code).toBe("OK");
    expect((await show(undefined)).body.status.code).toBe("INVALID_TOKEN");
    const inHeader = await fetch(
      `${sim.url}/crmapi/rest/v2/vouchers/show?voucher_identifier=number%3D4000000000000001`,
      {
        headers: { authorization: `Bearer ${token}`, token },
      },
    );
    expect(((await inHeader.json()) as { status: { code: string } }).status.code).toBe("INVALID_TOKEN");
  });

  it("takes the token in the JSON body on POST, not in the query", async () => {
    const token = await sim.token();
    const response = await fetch(`${sim.url}/crmapi/rest/v2/vouchers/use?token=${token}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ voucher_identifier: { number: "4000000000000001" }, secret_number: "0977835" }),
    });
    expect(((await response.json()) as { status: { code: string } }).status.code).toBe("INVALID_TOKEN");
  });

  it("ends a token two hours after login, however much it was used", async () => {
    const token = await sim.token();
    await sim.sim("clock", { advanceSeconds: 3600 });
    expect((await show(token)).body.status.code).toBe("OK");
    await sim.sim("clock", { advanceSeconds: 3599 });
    expect((await show(token)).body.status.code).toBe("OK");
    await sim.sim("clock", { advanceSeconds: 2 });
    expect((await show(token)).body.status).toMatchObject({ code: "INVALID_TOKEN", message: "The token has expired." });
  });

  it("releases a token, and forgets all of them when told to", async () => {
    const token = await sim.token();
    expect((await sim.post("authentication/token/release", { token })).body.status.code).toBe("OK");
    expect((await show(token)).body.status.code).toBe("INVALID_TOKEN");
    const other = await sim.token();
    expect((await sim.sim("config", { revokeTokens: true })).body.liveTokens).toBe(0);
    expect((await show(other)).body.status.code).toBe("INVALID_TOKEN");
    expect((await sim.sim("stats")).body.logins).toBe(2);
  });

  it("answers bodies that are not JSON and unknown methods in the envelope", async () => {
    const form = await sim.post("authentication/token", "username=a", "application/x-www-form-urlencoded");
    expect(form.body.status.code).toBe("INVALID_PARAMETER");
    const nowhere = await sim.get("vouchers/list", {});
    expect([nowhere.status, nowhere.body.status.code]).toEqual([404, "INVALID_PARAMETER"]);
  });
});
