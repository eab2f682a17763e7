/**
 * Reads the configuration: the JSON file named by VOUCHER_CONFIG, then the environment (PORT, HOST,
 * DATA_DIR, DATABASE_URL, LOG_LEVEL, MAX_IN_FLIGHT, MAX_EVENT_LOOP_DELAY_MS). The only place in the BFF
 * where secrets are read. Problems are collected and reported together, each with where to fix it.
 */
import { readFileSync } from "node:fs";
import type { z } from "zod";
import { type ServerConfig, ServerConfigFile } from "./config.schema.ts";

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

type Env = Record<string, string | undefined>;

/** Replaces `"env:NAME"` strings anywhere in the parsed file with the variable's value. */
function resolveEnvRefs(value: unknown, env: Env, path: string, problems: string[]): unknown {
  if (typeof value === "string" && value.startsWith("env:")) {
    const name = value.slice(4);
    const resolved = env[name];
    if (resolved === undefined || resolved === "") problems.push(`${path}: environment variable ${name} is not set`);
    return resolved ?? "";
  }
  if (Array.isArray(value)) return value.map((v, i) => resolveEnvRefs(v, env, `${path}[${i}]`, problems));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, resolveEnvRefs(v, env, path ? `${path}.${k}` : k, problems)]),
    );
  }
  return value;
}

function readJson(file: string, problems: string[]): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    problems.push(`VOUCHER_CONFIG: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? "error"})`);
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    problems.push(`VOUCHER_CONFIG: ${file} is not valid JSON (${(error as Error).message})`);
    return undefined;
  }
}

/** Environment settings shared by the demo and a configured BFF. */
export function readEnvSettings(env: Env, problems: string[] = []) {
  const port = env.PORT === undefined || env.PORT === "" ? 8080 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) problems.push(`PORT: "${env.PORT}" is not a port number`);
  const logLevel = env.LOG_LEVEL || "info";
  if (!["fatal", "error", "warn", "info", "debug", "trace", "silent"].includes(logLevel)) {
    problems.push(`LOG_LEVEL: "${logLevel}" is not one of fatal, error, warn, info, debug, trace, silent`);
  }
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push("DATABASE_URL: must start with postgres:// or postgresql://");
  }
  const loadShedding = {
    maxInFlight: readCount(env, "MAX_IN_FLIGHT", problems),
    maxEventLoopDelayMs: readCount(env, "MAX_EVENT_LOOP_DELAY_MS", problems),
  };
  return { port, host: env.HOST || "127.0.0.1", dataDir: env.DATA_DIR || ".data", databaseUrl, logLevel, loadShedding };
}

/** A non-negative whole number from the environment (0 turns a limit off), or undefined for the default. */
function readCount(env: Env, name: string, problems: string[]): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === "") return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) problems.push(`${name}: "${raw}" is not a whole number ≥ 0`);
  return value;
}

/**
 * Loads the configuration from `env.VOUCHER_CONFIG`, or returns null when none is given (the caller may
 * then run the demo). Throws ConfigError listing every problem found.
 */
export function loadConfig(env: Env = process.env): ServerConfig | null {
  const file = env.VOUCHER_CONFIG;
  if (!file) return null;
  const problems: string[] = [];
  const settings = readEnvSettings(env, problems);
  const raw = readJson(file, problems);
  if (raw === undefined) throw new ConfigError(problems);
  const parsed = ServerConfigFile.safeParse(resolveEnvRefs(raw, env, "", problems));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push(`${file}: ${issue.path.join(".") || "(top level)"}: ${issue.message}`);
    }
  }
  if (parsed.success) problems.push(...crossCheck(parsed.data));
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);
  return { ...parsed.data, ...settings, demo: false };
}

/** Checks that need the whole file: unique ids, API keys naming real accounts. */
export function crossCheck(config: z.infer<typeof ServerConfigFile>): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const account of config.accounts) {
    if (ids.has(account.id)) problems.push(`accounts: id "${account.id}" appears twice`);
    ids.add(account.id);
  }
  for (const apiKey of config.apiKeys) {
    for (const account of apiKey.accounts) {
      if (!ids.has(account)) problems.push(`apiKeys "${apiKey.id}": account "${account}" is not configured`);
    }
  }
  return problems;
}
