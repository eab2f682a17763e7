/**
 * A small HTTP client for tests that drive the Mews simulator over real HTTP: connector calls with the
 * demo tokens in the body, raw requests, and `/__sim` control. Test support only; nothing in the running
 * product imports it.
 */
import { afterAll, beforeAll, beforeEach } from "vitest";
import { DEMO_CLIENT_TOKEN, demoAccessTokens } from "./demo-data.ts";
import { startMewsSimulator } from "./index.ts";

// biome-ignore lint/suspicious/noExplicitAny: answers in tests are checked by expect(), not by the type system.
export type Json = any;

export interface SimResponse<T = Json> {
  status: number;
  headers: Headers;
  body: T;
}

/** The demo enterprise's envelope: what every call carries unless a test overrides it. */
export const demoEnvelope = {
  ClientToken: DEMO_CLIENT_TOKEN,
  AccessToken: demoAccessTokens[0]!.token,
  Client: "voucher-widget tests 1.0.0",
};

export interface MewsSimHarness {
  url: string;
  /** `POST /api/connector/v1/<operation>` with the demo envelope merged under `body` (an `undefined` value drops a field). */
  call<T = Json>(operation: string, body?: Record<string, unknown>): Promise<SimResponse<T>>;
  /** Any request to the simulator, as given. */
  raw(path: string, init?: RequestInit): Promise<SimResponse>;
  /** `POST /__sim/<path>` with a JSON body, or `GET` when body is undefined. */
  sim<T = Json>(path: string, body?: unknown): Promise<SimResponse<T>>;
}

async function read(response: Response): Promise<SimResponse> {
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

function harnessFor(url: string): MewsSimHarness {
  const harness: MewsSimHarness = {
    url,
    async call(operation, body = {}) {
      const merged: Record<string, unknown> = { ...demoEnvelope, ...body };
      for (const [key, value] of Object.entries(body)) if (value === undefined) delete merged[key];
      return harness.raw(`/api/connector/v1/${operation}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(merged),
      });
    },
    async raw(path, init) {
      return read(await fetch(`${url}${path}`, init));
    },
    async sim(path, body) {
      const init: RequestInit =
        body === undefined
          ? { method: "GET" }
          : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
      return read(await fetch(`${url}/__sim/${path}`, init));
    },
  };
  return harness;
}

/**
 * One simulator for the calling test file: started before its tests, reset to the demo data before each
 * test, closed after. Use at the top level of a test file.
 */
export function useMewsSim(): MewsSimHarness {
  let running: { url: string; close(): Promise<void> } | undefined;
  let current: MewsSimHarness | undefined;
  const get = (): MewsSimHarness => {
    if (!current) throw new Error("the simulator runs only inside the file's tests");
    return current;
  };
  beforeAll(async () => {
    running = await startMewsSimulator({ port: 0 });
    current = harnessFor(running.url);
  });
  afterAll(() => running?.close());
  beforeEach(async () => {
    await get().sim("reset", {});
  });
  return {
    get url() {
      return get().url;
    },
    call: (operation, body) => get().call(operation, body),
    raw: (path, init) => get().raw(path, init),
    sim: (path, body) => get().sim(path, body),
  };
}
