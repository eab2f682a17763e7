import { describe, expect, it } from "vitest";
import { demoUsers, demoVouchers } from "./demo-data.ts";
import { useSpaazaSim } from "./test-client.ts";

const sim = useSpaazaSim();
const [pos, till2, office] = demoUsers as [(typeof demoUsers)[0], (typeof demoUsers)[0], (typeof demoUsers)[0]];
const claimed = demoVouchers[0]!;
const read = (session?: { userId: number; key: string } | null, headers: Record<string, string> = {}) =>
  sim.api("GET", `/resources/voucher?key=${claimed.key}`, {
    session,
    headers: { "x-spaaza-api-version": "1.6.1", "x-spaaza-chain-id": "1743", ...headers },
  });
const errorOf = (body: { result: unknown; error: { code: number; name: string } }) => ({
  result: body.result,
  code: body.error.code,
  name: body.error.name,
});

describe("POST /auth/login", () => {
  it("answers session_info in the ok envelope, valid 336 hours, expiry in UTC without offset", async () => {
    const now = Date.parse((await sim.sim("stats")).body.now);
    const answer = await sim.loginRequest();
    expect(answer.status).toBe(200);
    expect(answer.body.result).toEqual({ code: 1, status: "ok" });
    const info = answer.body.results.session_info;
    expect(info).toEqual({
      session_key: expect.stringMatching(/^[0-9a-f]{48}$/),
      session_key_validity: "336",
      session_auth_method: "password",
      session_user_id: pos.userId,
      session_username: pos.username,
      session_expires_date: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
    });
    const expires = Date.parse(`${info.session_expires_date.replace(" ", "T")}Z`);
    expect(Math.abs(expires - (now + 336 * 3_600_000))).toBeLessThan(3000);
  });

  it("refuses JSON bodies", async () => {
    const response = await fetch(`${sim.url}/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: pos.username, password: pos.password }),
    });
    expect(response.status).toBe(415);
    expect(errorOf(await response.json())).toEqual({
      result: { code: 2, status: "error" },
      code: 279,
      name: "unsupported_content_type",
    });
  });

  it("accepts multipart/form-data", async () => {
    const form = new FormData();
    form.set("username", pos.username);
    form.set("password", pos.password);
    const response = await fetch(`${sim.url}/auth/login`, { method: "POST", body: form });
    expect(response.status).toBe(200);
  });

  it.each([
    ["a wrong password", { username: pos.username, password: "nope" }, 401, 5],
    ["an unknown user", { username: "nobody@example.com", password: "x" }, 401, 5],
    ["no password", { username: pos.username }, 400, 278],
  ])("refuses %s", async (_name, fields, status, code) => {
    const answer = await sim.loginRequest(fields as Record<string, string>);
    expect(answer.status).toBe(status);
    expect(answer.body.error.code).toBe(code);
    expect(JSON.stringify(answer.body)).not.toContain(pos.password);
  });

  it("deletes the user's earlier sessions, not other users'", async () => {
    const first = await sim.login();
    const other = await sim.login(till2.username);
    const second = await sim.login();
    expect((await read(first)).status).toBe(401);
    expect(errorOf((await read(first)).body)).toMatchObject({ code: 6, name: "no_valid_session" });
    expect((await read(second)).status).toBe(200);
    expect((await read(other)).status).toBe(200);
  });

  it("refuses the MyPrice hostname header for admin logins and sessions", async () => {
    const login = await sim.loginRequest(undefined, { "x-spaaza-myprice-app-hostname": "shop.example" });
    expect(login.status).toBe(400);
    expect(login.body.error).toMatchObject({ code: 269, name: "no_myprice_app" });
    const call = await read(await sim.login(), { "x-spaaza-myprice-app-hostname": "shop.example" });
    expect(call.body.error).toMatchObject({ code: 269 });
  });

  it("answers a passcode key instead of a session for admin logins that need 2FA", async () => {
    const answer = await sim.loginRequest({ username: office.username, password: office.password });
    expect(answer.status).toBe(200);
    expect(answer.body.results).toEqual({ session_passcode_key: expect.stringMatching(/^[0-9a-f]{32}$/) });
  });
});

describe("session headers", () => {
  it("answers 401 no_valid_session without, with a wrong or with another user's headers", async () => {
    const session = await sim.login();
    for (const s of [null, { userId: pos.userId, key: "0".repeat(48) }, { userId: till2.userId, key: session.key }]) {
      const answer = await read(s);
      expect(answer.status).toBe(401);
      expect(errorOf(answer.body)).toEqual({ result: { code: 2, status: "error" }, code: 6, name: "no_valid_session" });
    }
  });

  it("expires sessions after 336 hours on the simulator's clock", async () => {
    const session = await sim.login();
    await sim.sim("clock", { advanceSeconds: 336 * 3600 - 5 });
    expect((await read(session)).status).toBe(200);
    await sim.sim("clock", { advanceSeconds: 10 });
    expect((await read(session)).status).toBe(401);
  });

  it("forgets every session through /__sim/config", async () => {
    const session = await sim.login();
    expect((await sim.sim("config", { revokeSessions: true })).body.liveSessions).toBe(0);
    expect((await read(session)).status).toBe(401);
  });

  it("answers unknown calls and wrong methods with 404 unknown_call", async () => {
    const answer = await sim.api("POST", "/lock-voucher", { form: { voucher_key: claimed.key } });
    expect(answer.status).toBe(404);
    expect(answer.body.error.name).toBe("unknown_call");
  });
});
