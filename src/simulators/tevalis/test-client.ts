/**
 * A small HTTP client for tests that drive the Tevalis simulator over real HTTP: API calls with the demo
 * company's headers, and `/__sim` control. Test support only; nothing in the running product imports it.
 */
import { afterAll, beforeAll, beforeEach } from "vitest";
import { demoCompanies, demoDeveloperIds } from "./demo-data.ts";
import { startTevalisSimulator } from "./index.ts";

// biome-ignore lint/suspicious/noExplicitAny: answers in tests are checked by expect(), not by the type system.
export type Json = any;

export interface SimResponse<T = Json> {
  status: number;
  headers: Headers;
  /** Parsed JSON (null for an empty body). */
  body: T;
  /** The raw text, for checking how decimals and dates are written. */
  text: string;
}

/** The demo company's credential headers (DEMO ONLY). */
export const demoHeaders = (): Record<string, string> => ({
  CompanyID: String(demoCompanies[0]!.companyId),
  GUID: demoCompanies[0]!.guid,
  DeveloperID: demoDeveloperIds[0]!,
});

export interface TevalisSimHarness {
  url: string;
  close(): Promise<void>;
  /** A call to the API; `headers` replace the demo credentials when given. */
  api<T = Json>(
    method: string,
    path: string,
    options?: { json?: unknown; body?: string; contentType?: string; headers?: Record<string, string> },
  ): Promise<SimResponse<T>>;
  /** `POST /__sim/<path>` with a JSON body, or `GET` when body is undefined. */
  sim<T = Json>(path: string, body?: unknown): Promise<SimResponse<T>>;
}

async function read(response: Response): Promise<SimResponse> {
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null, text };
}

/** Starts a simulator on a free port and returns helpers bound to it. */
export async function startTevalisHarness(): Promise<TevalisSimHarness> {
  const sim = await startTevalisSimulator({ port: 0 });
  return {
    url: sim.url,
    close: sim.close,
    async api(method, path, options = {}) {
      const headers: Record<string, string> = { ...(options.headers ?? demoHeaders()) };
      let body = options.body;
      if (options.json !== undefined) body = JSON.stringify(options.json);
      if (body !== undefined) headers["content-type"] = options.contentType ?? "application/json";
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
}

/** One simulator per test file: started before its tests, reset before each, closed after. */
export function useTevalisHarness(): TevalisSimHarness {
  let current: TevalisSimHarness | undefined;
  const get = (): TevalisSimHarness => {
    if (!current) throw new Error("the simulator runs only inside the file's tests");
    return current;
  };
  beforeAll(async () => {
    current = await startTevalisHarness();
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
    api: (method, path, options) => get().api(method, path, options),
    sim: (path, body) => get().sim(path, body),
  };
}
