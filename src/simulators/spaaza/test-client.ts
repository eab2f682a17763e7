/**
 * A small HTTP client for tests that drive the Spaaza simulator over real HTTP: login, form-encoded API
 * calls with session headers, `/__sim` control. Test support only; nothing in the running product imports it.
 */
import { afterAll, beforeAll, beforeEach } from "vitest";
import { demoUsers } from "./demo-data.ts";
import { startSpaazaSimulator } from "./index.ts";

// biome-ignore lint/suspicious/noExplicitAny: answers in tests are checked by expect(), not by the type system.
export type Json = any;

export interface SimResponse<T = Json> {
  status: number;
  headers: Headers;
  body: T;
}

export interface Session {
  userId: number;
  key: string;
}

export interface ApiOptions {
  /** Sent form-encoded (the default for PUT/POST). */
  form?: Record<string, string>;
  /** A raw body with its own content type, to test what Spaaza refuses. */
  raw?: { contentType: string; body: string };
  /** A session of the first demo login (fresh) when absent; null for none. */
  session?: Session | null;
  headers?: Record<string, string>;
}

export interface SpaazaSimHarness {
  url: string;
  close(): Promise<void>;
  /** `POST /auth/login` with the given form fields (the POS demo login by default). */
  loginRequest(fields?: Record<string, string>, headers?: Record<string, string>): Promise<SimResponse>;
  /** A live session of the given demo login (the POS login by default). */
  login(username?: string): Promise<Session>;
  api<T = Json>(method: string, path: string, options?: ApiOptions): Promise<SimResponse<T>>;
  /** `POST /__sim/<path>` with a JSON body, or `GET` when body is undefined. */
  sim<T = Json>(path: string, body?: unknown): Promise<SimResponse<T>>;
}

async function read(response: Response): Promise<SimResponse> {
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

const pos = demoUsers[0]!;

/** Starts a simulator on a free port and returns helpers bound to it. */
export async function startSpaazaSimHarness(): Promise<SpaazaSimHarness> {
  const sim = await startSpaazaSimulator({ port: 0 });
  const harness: SpaazaSimHarness = {
    url: sim.url,
    close: sim.close,
    async loginRequest(fields, headers = {}) {
      const form = fields ?? { username: pos.username, password: pos.password };
      return read(await fetch(`${sim.url}/auth/login`, { method: "POST", headers, body: new URLSearchParams(form) }));
    },
    async login(username = pos.username) {
      const user = demoUsers.find((u) => u.username === username);
      const answer = await harness.loginRequest({ username, password: user?.password ?? "" });
      if (answer.status !== 200) throw new Error(`login failed: ${answer.status}`);
      const info = answer.body.results.session_info;
      return { userId: info.session_user_id, key: info.session_key };
    },
    async api(method, path, options = {}) {
      const session = options.session === undefined ? await harness.login() : options.session;
      const headers: Record<string, string> = { ...options.headers };
      if (session) {
        headers["x-spaaza-session-user-id"] = String(session.userId);
        headers["x-spaaza-session-key"] = session.key;
      }
      let body: string | URLSearchParams | undefined;
      if (options.raw) {
        headers["content-type"] = options.raw.contentType;
        body = options.raw.body;
      } else if (options.form) {
        body = new URLSearchParams(options.form);
      }
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
export function useSpaazaSim(): SpaazaSimHarness {
  let current: SpaazaSimHarness | undefined;
  const get = (): SpaazaSimHarness => {
    if (!current) throw new Error("the simulator runs only inside the file's tests");
    return current;
  };
  beforeAll(async () => {
    current = await startSpaazaSimHarness();
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
    loginRequest: (fields, headers) => get().loginRequest(fields, headers),
    login: (username) => get().login(username),
    api: (method, path, options) => get().api(method, path, options),
    sim: (path, body) => get().sim(path, body),
  };
}
