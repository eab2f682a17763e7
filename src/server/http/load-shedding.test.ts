import cors from "@fastify/cors";
import Fastify, { type FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { Problem } from "../../shared/index.ts";
import { type LoadSheddingOptions, registerLoadShedding } from "./load-shedding.ts";
import { installProblemHandlers } from "./problem-handler.ts";

/** A bare app with the BFF's problem handling, CORS, load shedding and a route that waits until told. */
async function appWith(options: LoadSheddingOptions) {
  const app = Fastify({ logger: false });
  installProblemHandlers(app);
  await app.register(cors, { origin: true });
  const shedding = await registerLoadShedding(app, options);
  const waiting: (() => void)[] = [];
  app.get("/api/v1/slow", () => new Promise((resolve) => waiting.push(() => resolve({ ok: true }))));
  app.get("/api/v1/fast", async () => ({ ok: true }));
  app.get("/healthz", async () => ({ status: "ok" }));
  return {
    app,
    shedding,
    waiting,
    releaseAll: () => {
      for (const go of waiting.splice(0)) go();
    },
  };
}

let current: FastifyInstance | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
}

function expectOverloaded(response: { statusCode: number; headers: Record<string, unknown>; json(): unknown }) {
  expect(response.statusCode).toBe(503);
  expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
  expect(response.headers["retry-after"]).toBe("1");
  const problem = Problem.parse(response.json());
  expect(problem).toMatchObject({ code: "OVERLOADED", status: 503, retryable: true, retryAfterSeconds: 1 });
}

describe("load shedding", () => {
  it("refuses API requests beyond the in-flight cap at once, and frees the slots when answers go out", async () => {
    const { app, shedding, waiting, releaseAll } = await appWith({ maxInFlight: 2, maxEventLoopDelayMs: 0 });
    current = app;
    const slow = [0, 1].map(() => app.inject({ method: "GET", url: "/api/v1/slow" }));
    await until(() => waiting.length === 2);
    expect(shedding.inFlight()).toBe(2);

    const refused = await app.inject({
      method: "GET",
      url: "/api/v1/fast",
      headers: { origin: "https://shop.example" },
    });
    expectOverloaded(refused);
    // The browser can read the refusal: CORS ran before the shedding.
    expect(refused.headers["access-control-allow-origin"]).toBe("https://shop.example");
    // Probes and preflights are never shed: a busy instance is not a dead one.
    expect((await app.inject({ method: "GET", url: "/healthz" })).statusCode).toBe(200);
    const preflight = await app.inject({
      method: "OPTIONS",
      url: "/api/v1/fast",
      headers: { origin: "https://shop.example", "access-control-request-method": "GET" },
    });
    expect(preflight.statusCode).toBe(204);

    releaseAll();
    expect((await Promise.all(slow)).map((r) => r.statusCode)).toEqual([200, 200]);
    await until(() => shedding.inFlight() === 0);
    expect((await app.inject({ method: "GET", url: "/api/v1/fast" })).statusCode).toBe(200);
    expect(shedding.shed()).toBe(1);
  });

  it("frees the slot of a client that hung up", async () => {
    const { app, shedding, waiting, releaseAll } = await appWith({ maxInFlight: 1, maxEventLoopDelayMs: 0 });
    current = app;
    const url = await app.listen({ port: 0, host: "127.0.0.1" });
    const abort = new AbortController();
    const gone = fetch(`${url}/api/v1/slow`, { signal: abort.signal }).catch(() => "aborted");
    await until(() => waiting.length === 1);
    abort.abort();
    expect(await gone).toBe("aborted");
    await until(() => shedding.inFlight() === 0);
    expect((await fetch(`${url}/api/v1/fast`)).status).toBe(200);
    releaseAll();
  });

  it("refuses API requests while the event loop is saturated", async () => {
    const { app } = await appWith({ maxInFlight: 0, maxEventLoopDelayMs: 30, sampleIntervalMs: 200 });
    current = app;
    await app.ready();
    // Block the loop well past the limit, then wait until a sample has seen it (the state holds for a sample).
    const end = Date.now() + 400;
    while (Date.now() < end) {
      // busy on purpose
    }
    await until(() => app.memoryUsage().eventLoopDelay > 30);
    expectOverloaded(await app.inject({ method: "GET", url: "/api/v1/fast" }));
    expect((await app.inject({ method: "GET", url: "/healthz" })).statusCode).toBe(200);
  });

  it("keeps the defaults for limits left unset (as the environment leaves them)", async () => {
    const { app, waiting, releaseAll } = await appWith({ maxInFlight: undefined, maxEventLoopDelayMs: 0 });
    current = app;
    const slow = Array.from({ length: 5 }, () => app.inject({ method: "GET", url: "/api/v1/slow" }));
    await until(() => waiting.length === 5);
    releaseAll();
    expect((await Promise.all(slow)).every((r) => r.statusCode === 200)).toBe(true);
  });
});
