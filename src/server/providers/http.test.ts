import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SimHarness, startSimHarness } from "../../simulators/jtl/test-client.ts";
import { isHttpProblem } from "../errors/http-problem.ts";
import { retryAfterSeconds, statusProblem, upstreamFetch } from "./http.ts";

let sim: SimHarness;
beforeAll(async () => {
  sim = await startSimHarness();
});
afterAll(() => sim.close());

describe("upstreamFetch", () => {
  it("sends forms and JSON and parses JSON answers", async () => {
    const form = { grant_type: "client_credentials", client_id: "demo-pos", client_secret: "demo-pos-secret" };
    const token = await upstreamFetch("JTL", { method: "POST", url: `${sim.url}/oauth/token`, form, timeoutMs: 2000 });
    expect(token.status).toBe(200);
    const accessToken = (token.body as { access_token: string }).access_token;
    const answer = await upstreamFetch("JTL", {
      method: "POST",
      url: `${sim.url}/v1/reservations`,
      headers: { authorization: `Bearer ${accessToken}` },
      json: { amount: "1.00", currency: "EUR", code: "DEMONOPIN50EUR01" },
      timeoutMs: 2000,
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ amount: "1.00" });
  });

  it("turns a timeout into PROVIDER_UNAVAILABLE, outcome unknown when money may have moved", async () => {
    await sim.sim("faults", { latencyMs: 500 });
    for (const movesMoney of [false, true]) {
      const error = await upstreamFetch("JTL", {
        method: "GET",
        url: `${sim.url}/v1/vouchers/x`,
        timeoutMs: 100,
        movesMoney,
      }).catch((e: unknown) => e);
      expect(isHttpProblem(error) && error.code).toBe("PROVIDER_UNAVAILABLE");
      expect(isHttpProblem(error) && error.outcomeUnknown).toBe(movesMoney);
    }
    await sim.sim("faults", {});
  });

  it("treats a body cut off after the headers as a lost answer", async () => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      res.write('{"id":');
      setImmediate(() => res.socket?.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const error = await upstreamFetch("X", {
        method: "POST",
        url: `http://127.0.0.1:${port}/`,
        json: {},
        timeoutMs: 2000,
        movesMoney: true,
      }).catch((e: unknown) => e);
      expect(isHttpProblem(error) && error.outcomeUnknown).toBe(true);
    } finally {
      server.close();
    }
  });
});

describe("retryAfterSeconds and statusProblem", () => {
  it("reads delta seconds and HTTP dates", () => {
    expect(retryAfterSeconds(new Headers({ "retry-after": "12" }))).toBe(12);
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(retryAfterSeconds(new Headers({ "retry-after": "Thu, 01 Jan 2026 00:00:30 GMT" }), now)).toBe(30);
    expect(retryAfterSeconds(new Headers({ "retry-after": "soon" }))).toBeUndefined();
    expect(retryAfterSeconds(new Headers())).toBeUndefined();
  });

  it("maps 429, 408/5xx and the rest", () => {
    const r = (status: number, headers: Record<string, string> = {}) => ({
      status,
      headers: new Headers(headers),
      body: null,
    });
    expect(statusProblem("X", r(429, { "retry-after": "5" }))).toMatchObject({
      code: "RATE_LIMITED",
      retryAfterSeconds: 5,
    });
    expect(statusProblem("X", r(408), { movesMoney: true })).toMatchObject({
      code: "PROVIDER_UNAVAILABLE",
      outcomeUnknown: true,
    });
    expect(statusProblem("X", r(503))).toMatchObject({ code: "PROVIDER_UNAVAILABLE", outcomeUnknown: false });
    expect(statusProblem("X", r(418), { detail: "odd" })).toMatchObject({ code: "PROVIDER_ERROR", message: "odd" });
  });
});
