/**
 * The BFF's configuration file (JSON). Every secret may be written inline or as `"env:NAME"`, read
 * from the environment at start-up, so the file itself can be committed to a deployment repository.
 */
import { z } from "zod";
import { abilities } from "../../shared/index.ts";
import type { LoadSheddingOptions } from "../http/load-shedding.ts";
import { AccountConfig } from "./account.schema.ts";

/** A base64 key of at least 32 bytes. */
const key32 = z
  .string()
  .refine((s) => Buffer.from(s, "base64").length >= 32, "at least 32 bytes, base64-encoded (openssl rand -base64 32)");

export const ApiKeyConfig = z.strictObject({
  /** A name for logs; never the key. */
  id: z.string().min(1).max(64),
  /** The merchant's API key (≥ 24 characters) or its SHA-256 as `sha256:<hex>`. */
  key: z.string().refine((k) => k.length >= 24 || /^sha256:[0-9a-f]{64}$/.test(k), "at least 24 characters"),
  /** Accounts this key may open sessions for. */
  accounts: z.array(z.string()).min(1),
  /** Abilities sessions made with this key may have (default: all). */
  abilities: z
    .array(z.enum(abilities))
    .min(1)
    .default([...abilities]),
});

export const ServerConfigFile = z.strictObject({
  accounts: z.array(AccountConfig).min(1),
  apiKeys: z.array(ApiKeyConfig).min(1),
  /** Signs the widget's session tokens (HS256). */
  sessionSigningKey: key32,
  /** Encrypts PINs kept during a hold and keys voucher fingerprints (HMAC). */
  dataKey: key32,
  /** Default lifetime of a session token in seconds. */
  sessionTtlSeconds: z.int().min(60).max(43_200).default(900),
});

export type ApiKeyConfig = z.infer<typeof ApiKeyConfig>;
export type ServerConfigFile = z.infer<typeof ServerConfigFile>;

/** Everything the BFF runs with, after the file and the environment are combined and checked. */
export interface ServerConfig extends ServerConfigFile {
  port: number;
  host: string;
  /** PGlite data directory (used when no databaseUrl). */
  dataDir: string;
  databaseUrl?: string;
  logLevel: string;
  /** Demo mode: `POST /demo/session` exists and hands out tokens without an API key. */
  demo: boolean;
  /** Load shedding limits of this instance (MAX_IN_FLIGHT, MAX_EVENT_LOOP_DELAY_MS); defaults when absent. */
  loadShedding?: LoadSheddingOptions;
}
