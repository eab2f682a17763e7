/**
 * Test support: one JTL simulator and one or more real BFF instances started with `startServer` (the code
 * path production runs), listening on loopback and called over real HTTP. On PGlite there is one instance
 * (a data directory belongs to one process); on PostgreSQL any number share one fresh schema, so test
 * runs never see each other's rows and every instance runs the migrations at start, concurrently.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { abilities, Problem } from "../../shared/index.ts";
import { type SimHarness, startSimHarness } from "../../simulators/jtl/test-client.ts";
import type { ServerConfig } from "../config/config.schema.ts";
import type { LoadSheddingOptions } from "../http/load-shedding.ts";
import { type RunningServer, startServer } from "../server.ts";
import { freshSchema } from "../store/pg-schema.fixture.ts";

const API_KEY = "concurrency-merchant-key-0000000000";

/** An answer from the BFF: status, headers and the parsed body. */
export interface Answer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: answers are checked by expect() and the shared schemas.
  body: any;
}

/** One terminal: a session token on one instance. */
export interface Terminal {
  terminalId: string;
  /** Which instance this terminal talks to. */
  instance: number;
  call(
    method: "GET" | "POST" | "DELETE",
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Answer>;
}

export interface Cluster {
  store: "pglite" | "postgres";
  /** Base URLs of the BFF instances. */
  urls: string[];
  sim: SimHarness;
  /** The schema the instances share (PostgreSQL only); its connection string has the search_path set. */
  schemaUrl?: string;
  /** The PGlite data directory, or the one handed to PostgreSQL instances to prove it stays unused. */
  dataDir: string;
  /** Opens a session for `terminalId` on instance `instance` (default: terminals alternate instances). */
  terminal(terminalId: string, instance?: number): Promise<Terminal>;
  /** Seeds a voucher in the simulator. */
  seed(amount: string, pin?: string): Promise<{ id: string; code: string }>;
  /** The simulator's remaining balance of a voucher, in cents. */
  remainingCents(voucherId: string): Promise<number>;
  /** The simulator's charges of a voucher (what really moved). */
  charges(voucherId: string): Promise<{ id: string; amount: string; order_number: string }[]>;
  close(): Promise<void>;
}

export interface ClusterOptions {
  /** PostgreSQL to run on (a fresh schema is made in it); PGlite in a temporary directory otherwise. */
  databaseUrl?: string;
  /** BFF instances (PostgreSQL only for more than one). */
  instances?: number;
  loadShedding?: LoadSheddingOptions;
}

let terminalCounter = 0;

/** A fresh idempotency key. */
export const newKey = () => `k-${randomBytes(9).toString("base64url")}`;

/** Cents of a decimal amount string with two digits. */
export const cents = (amount: string) => Math.round(Number(amount) * 100);

/** Starts the simulator and the instances; the instances start (and migrate) concurrently. */
export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const instances = options.instances ?? 1;
  if (instances > 1 && !options.databaseUrl) throw new Error("several instances need PostgreSQL");
  const sim = await startSimHarness();
  const schema = options.databaseUrl ? await freshSchema(options.databaseUrl) : undefined;
  const dataDir = mkdtempSync(join(tmpdir(), "voucher-cluster-"));
  // With PostgreSQL the directory is removed again at once: the test checks no instance creates it.
  if (schema) rmSync(dataDir, { recursive: true });
  const config: ServerConfig = {
    accounts: [
      {
        id: "jtl",
        provider: "jtl",
        baseUrl: sim.url,
        currency: "EUR",
        allowedOrigins: [],
        timeoutMs: 5000,
        credentials: { clientId: "demo-pos", clientSecret: "demo-pos-secret" },
      },
    ],
    apiKeys: [{ id: "test", key: API_KEY, accounts: ["jtl"], abilities: [...abilities] }],
    // Shared by every instance: tokens from one are good at the other, voucher HMACs match across them.
    sessionSigningKey: randomBytes(32).toString("base64"),
    dataKey: randomBytes(32).toString("base64"),
    sessionTtlSeconds: 900,
    port: 0,
    host: "127.0.0.1",
    dataDir,
    ...(schema ? { databaseUrl: schema.url } : {}),
    logLevel: "silent",
    demo: false,
    ...(options.loadShedding ? { loadShedding: options.loadShedding } : {}),
  };
  let servers: RunningServer[] = [];
  try {
    servers = await Promise.all(Array.from({ length: instances }, () => startServer(config, { logger: false })));
  } catch (error) {
    await sim.close();
    await schema?.drop();
    throw error;
  }
  const urls = servers.map((s) => s.url);

  async function request(url: string, init: RequestInit): Promise<Answer> {
    const response = await fetch(url, init);
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
  }

  return {
    store: schema ? "postgres" : "pglite",
    urls,
    sim,
    ...(schema ? { schemaUrl: schema.url } : {}),
    dataDir,
    async terminal(terminalId, instance = terminalCounter++ % urls.length) {
      const base = urls[instance] as string;
      const session = await request(`${base}/api/v1/sessions`, {
        method: "POST",
        headers: { authorization: `Bearer ${API_KEY}`, "content-type": "application/json" },
        body: JSON.stringify({ account: "jtl", terminalId }),
      });
      if (session.status !== 201) throw new Error(`session: ${session.status} ${JSON.stringify(session.body)}`);
      const token = session.body.token as string;
      return {
        terminalId,
        instance,
        call: (method, path, body, headers = {}) =>
          request(`${base}${path}`, {
            method,
            headers: {
              authorization: `Bearer ${token}`,
              ...(body === undefined ? {} : { "content-type": "application/json" }),
              ...headers,
            },
            ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          }),
      };
    },
    async seed(amount, pin) {
      const answer = await sim.sim("vouchers", { amount, currency: "EUR", status: "active", ...(pin ? { pin } : {}) });
      if (answer.status !== 201) throw new Error(`seed: ${answer.status}`);
      return answer.body;
    },
    async remainingCents(voucherId) {
      const answer = await sim.sim(`vouchers/${voucherId}`);
      return cents(answer.body.remaining_amount);
    },
    async charges(voucherId) {
      const answer = await sim.api("GET", `/v1/vouchers/${voucherId}/charges?per_page=1000`);
      return answer.body.data;
    },
    async close() {
      await Promise.allSettled(servers.map((s) => s.close()));
      await sim.close();
      await schema?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The problem code of an answer, checked against the shared Problem schema and its content type. */
export function problemCode(answer: Answer): string {
  if (!/^application\/problem\+json/.test(answer.headers.get("content-type") ?? "")) {
    throw new Error(`not problem+json: ${answer.status} ${answer.headers.get("content-type")}`);
  }
  const problem = Problem.parse(answer.body);
  if (problem.status !== answer.status) throw new Error(`status ${answer.status} but problem says ${problem.status}`);
  return problem.code;
}
