/**
 * The BFF as a real child process (`node --import tsx src/server/main.ts`), for the crash and shutdown
 * tests: a temporary configuration file and PGlite data directory, the URL read from its start-up log,
 * signals sent to the process itself (not to a wrapper that might relay them, or not).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));

// biome-ignore lint/suspicious/noExplicitAny: answers in tests are checked by expect(), not by the type system.
export type Json = any;

export const CRASH_API_KEY = "crash-test-merchant-key-000000000";

/** A configuration and data directory that survive restarts of the BFF. */
export interface BffSite {
  dir: string;
  dataDir: string;
  configFile: string;
  remove(): void;
}

/** Writes a configuration with one JTL account at `jtlUrl` into a fresh temporary directory. */
export function createBffSite(jtlUrl: string, options: { timeoutMs?: number } = {}): BffSite {
  const dir = mkdtempSync(join(tmpdir(), "voucher-bff-"));
  const config = {
    accounts: [
      {
        id: "jtl",
        provider: "jtl",
        baseUrl: jtlUrl,
        currency: "EUR",
        timeoutMs: options.timeoutMs ?? 10_000,
        credentials: { clientId: "demo-pos", clientSecret: "demo-pos-secret" },
      },
    ],
    apiKeys: [{ id: "crash-test", key: CRASH_API_KEY, accounts: ["jtl"] }],
    sessionSigningKey: randomBytes(32).toString("base64"),
    dataKey: randomBytes(32).toString("base64"),
  };
  const configFile = join(dir, "bff.json");
  writeFileSync(configFile, JSON.stringify(config));
  return { dir, dataDir: join(dir, "data"), configFile, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface BffProcess {
  url: string;
  child: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal) and the signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything it wrote so far (pino JSON lines), for failure messages. */
  output(): string;
}

/** Starts the BFF on `site` (port chosen by the OS) and resolves once it listens. */
export async function startBffProcess(site: BffSite, timeoutMs = 60_000): Promise<BffProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: repoRoot,
    env: {
      ...process.env,
      VOUCHER_CONFIG: site.configFile,
      DATA_DIR: site.dataDir,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`the BFF did not start in ${timeoutMs} ms`)), timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new Error(`${error.message}\n${output}`));
    };
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    void exited.then(({ code, signal }) => fail(new Error(`the BFF exited early (${code ?? signal})`)));
  });
  return { url, child, exited, output: () => output };
}

/** A session token for the jtl account, made with the merchant's API key. */
export async function sessionToken(bff: BffProcess, terminalId = "till-1"): Promise<string> {
  const response = await fetch(`${bff.url}/api/v1/sessions`, {
    method: "POST",
    headers: { authorization: `Bearer ${CRASH_API_KEY}`, "content-type": "application/json" },
    body: JSON.stringify({ account: "jtl", terminalId }),
  });
  if (response.status !== 201) throw new Error(`session: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

/** A JSON call to the BFF's API with a session token (and an Idempotency-Key when given). */
export async function api(
  bff: BffProcess,
  token: string,
  method: "GET" | "POST",
  path: string,
  body?: unknown,
  key?: string,
): Promise<{ status: number; headers: Headers; body: Json }> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (key) headers["idempotency-key"] = key;
  const response = await fetch(`${bff.url}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}
