/**
 * A small HTTP client for tests that drive the JTL simulator over real HTTP: token, API calls, `/__sim`
 * control. Test support only; nothing in the running product imports it.
 */
import { afterAll, beforeAll, beforeEach } from "vitest";
import { type JtlSimulatorOptions, startJtlSimulator } from "./index.ts";

// biome-ignore lint/suspicious/noExplicitAny: answers in tests are checked by expect(), not by the type system.
export type Json = any;

export interface SimResponse<T = Json> {
  status: number;
  headers: Headers;
  body: T;
}

export interface SimHarness {
  url: string;
  close(): Promise<void>;
  /** Form-encoded `POST /oauth/token` with the given fields (client credentials of `demo-pos` by default). */
  tokenRequest(fields?: Record<string, string>): Promise<SimResponse>;
  /** An access token of `demo-pos` (or the given client / scope). */
  token(clientId?: string, clientSecret?: string, scope?: string): Promise<string>;
  /** A JSON call to the API with a Bearer token (a fresh `demo-pos` token when none is given). */
  api<T = Json>(
    method: string,
    path: string,
    options?: { json?: unknown; token?: string | null },
  ): Promise<SimResponse<T>>;
  /** `POST /__sim/<path>` with a JSON body, or `GET` when body is undefined. */
  sim<T = Json>(path: string, body?: unknown): Promise<SimResponse<T>>;
}

async function read(response: Response): Promise<SimResponse> {
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

/** Starts a simulator on a free port and returns helpers bound to it. */
export async function startSimHarness(options: JtlSimulatorOptions = {}): Promise<SimHarness> {
  const sim = await startJtlSimulator({ port: 0, ...options });
  const harness: SimHarness = {
    url: sim.url,
    close: sim.close,
    async tokenRequest(fields) {
      const form = fields ?? {
        grant_type: "client_credentials",
        client_id: "demo-pos",
        client_secret: "demo-pos-secret",
      };
      return read(await fetch(`${sim.url}/oauth/token`, { method: "POST", body: new URLSearchParams(form) }));
    },
    async token(clientId = "demo-pos", clientSecret = `${clientId}-secret`, scope) {
      const fields = { grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret };
      const answer = await harness.tokenRequest(scope ? { ...fields, scope } : fields);
      if (answer.status !== 200) throw new Error(`token request failed: ${answer.status}`);
      return answer.body.access_token;
    },
    async api(method, path, options = {}) {
      const token = options.token === undefined ? await harness.token() : options.token;
      const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
      if (options.json !== undefined) headers["content-type"] = "application/json";
      const body = options.json === undefined ? undefined : JSON.stringify(options.json);
      return read(await fetch(`${sim.url}${path}`, { method, headers, body }));
    },
    async sim(path, body) {
      const init: RequestInit =
        body === undefined
          ? { method: "GET" }
          : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
      return read(await fetch(`${sim.url}/__sim/${path}`, init));
    },
  };
  return harness;
}

/**
 * One simulator for the calling test file: started before its tests, reset to the demo data before each
 * test (before the file's own beforeEach hooks), closed after. Use at the top level of a test file.
 */
export function useSimHarness(options: JtlSimulatorOptions = {}): SimHarness {
  let current: SimHarness | undefined;
  const get = (): SimHarness => {
    if (!current) throw new Error("the simulator runs only inside the file's tests");
    return current;
  };
  beforeAll(async () => {
    current = await startSimHarness(options);
  });
  afterAll(() => current?.close());
  beforeEach(async () => {
    await get().sim("reset", {});
  });
  return {
    get url() {
      return get().url;
    },
    close: () => get().close(),
    tokenRequest: (fields) => get().tokenRequest(fields),
    token: (...args) => get().token(...args),
    api: (method, path, options) => get().api(method, path, options),
    sim: (path, body) => get().sim(path, body),
  };
}
