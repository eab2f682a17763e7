/**
 * A small HTTP client for tests that drive the CRM.COM simulator over real HTTP: login, GET/POST calls
 * with the token where CRM.COM wants it, and `/__sim` control. Test support only; nothing in the running
 * product imports it.
 */
import { afterAll, beforeAll, beforeEach } from "vitest";
import { demoUsers } from "./demo-data.ts";
import { CRMCOM_API_PATH, startCrmcomSimulator } from "./index.ts";

// biome-ignore lint/suspicious/noExplicitAny: answers in tests are checked by expect(), not by the type system.
export type Json = any;

export interface SimResponse<T = Json> {
  status: number;
  headers: Headers;
  body: T;
}

/** The demo user's login (DEMO ONLY). */
export const demoLogin = () => {
  const u = demoUsers[0]!;
  return { username: u.username, password: u.password, organisation: u.organisation };
};

export interface CrmSimHarness {
  url: string;
  close(): Promise<void>;
  /** `POST authentication/token` with the given body (the demo user's by default). */
  login(body?: unknown): Promise<SimResponse>;
  /** A fresh token of the demo user. */
  token(): Promise<string>;
  /** GET `method` with query parameters (token included when given). */
  get<T = Json>(method: string, query: Record<string, string>): Promise<SimResponse<T>>;
  /** POST `method` with a JSON body (token included when given). */
  post<T = Json>(method: string, body: unknown, contentType?: string): Promise<SimResponse<T>>;
  /** `POST /__sim/<path>` with a JSON body, or `GET` when body is undefined. */
  sim<T = Json>(path: string, body?: unknown): Promise<SimResponse<T>>;
}

async function read(response: Response): Promise<SimResponse> {
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

/** Starts a simulator on a free port and returns helpers bound to it. */
export async function startCrmHarness(): Promise<CrmSimHarness> {
  const sim = await startCrmcomSimulator({ port: 0 });
  const api = `${sim.url}${CRMCOM_API_PATH}`;
  const harness: CrmSimHarness = {
    url: sim.url,
    close: sim.close,
    login: (body = demoLogin()) => harness.post("authentication/token", body),
    async token() {
      const answer = await harness.login();
      if (answer.body?.status?.code !== "OK") throw new Error(`login failed: ${JSON.stringify(answer.body)}`);
      return answer.body.data.token;
    },
    async get(method, query) {
      return read(await fetch(`${api}/${method}?${new URLSearchParams(query)}`));
    },
    async post(method, body, contentType = "application/json") {
      const text = typeof body === "string" ? body : JSON.stringify(body);
      return read(
        await fetch(`${api}/${method}`, { method: "POST", headers: { "content-type": contentType }, body: text }),
      );
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

/** One simulator per test file: started before its tests, reset before each, closed after. */
export function useCrmHarness(): CrmSimHarness {
  let current: CrmSimHarness | undefined;
  const get = (): CrmSimHarness => {
    if (!current) throw new Error("the simulator runs only inside the file's tests");
    return current;
  };
  beforeAll(async () => {
    current = await startCrmHarness();
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
    login: (body) => get().login(body),
    token: () => get().token(),
    get: (method, query) => get().get(method, query),
    post: (method, body, contentType) => get().post(method, body, contentType),
    sim: (path, body) => get().sim(path, body),
  };
}
