/**
 * The demo's configuration: one account per simulator, a demo merchant API key, and signing/data keys
 * made on first start and kept in the data directory (so holds survive a restart). DEMO ONLY.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { AccountConfig } from "../server/config/account.schema.ts";
import type { ServerConfig } from "../server/config/config.schema.ts";
import { readEnvSettings } from "../server/config/load-config.ts";
import { demoAccount as crmcom } from "./accounts/crmcom.ts";
import { demoAccount as jtl } from "./accounts/jtl.ts";
import { demoAccount as mews } from "./accounts/mews.ts";
import { demoAccount as spaaza } from "./accounts/spaaza.ts";
import { demoAccount as tevalis } from "./accounts/tevalis.ts";

/** DEMO ONLY: the merchant API key the demo accepts on `POST /api/v1/sessions`. */
export const DEMO_API_KEY = "demo-merchant-key-0000000000000000";

/** One demo account per provider simulator, named after the provider. */
const demoAccounts: Record<string, (simulatorUrl: string) => AccountConfig> = { jtl, spaaza, tevalis, crmcom, mews };

function demoKeys(dataDir: string): { sessionSigningKey: string; dataKey: string } {
  const file = join(dataDir, "demo-keys.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8"));
  mkdirSync(dataDir, { recursive: true });
  const keys = { sessionSigningKey: randomBytes(32).toString("base64"), dataKey: randomBytes(32).toString("base64") };
  writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  return keys;
}

export function demoConfig(simulatorUrls: Record<string, string>, env = process.env): ServerConfig {
  const problems: string[] = [];
  const settings = readEnvSettings(env, problems);
  if (problems.length > 0) throw new Error(problems.join("\n"));
  return {
    ...settings,
    ...demoKeys(settings.dataDir),
    demo: true,
    sessionTtlSeconds: 3600,
    accounts: Object.entries(demoAccounts)
      .filter(([id]) => simulatorUrls[id])
      .map(([id, make]) => make(simulatorUrls[id]!)),
    apiKeys: [
      {
        id: "demo",
        key: DEMO_API_KEY,
        accounts: Object.keys(demoAccounts),
        abilities: ["redeem", "issue", "refund", "codes"],
      },
    ],
  };
}
