/**
 * The demo's configuration: one account per simulator, a demo merchant API key, and signing/data keys
 * made on first start and kept in the data directory (so holds survive a restart). DEMO ONLY.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ServerConfig } from "../server/config/config.schema.ts";
import { readEnvSettings } from "../server/config/load-config.ts";
import { demoClients } from "../simulators/jtl/demo-data.ts";

/** DEMO ONLY: the merchant API key the demo accepts on `POST /api/v1/sessions`. */
export const DEMO_API_KEY = "demo-merchant-key-0000000000000000";

/** Loopback origins on any port: the demo page and test pages served from elsewhere on this machine. */
const demoOrigins = ["http://localhost:*", "http://127.0.0.1:*"];

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
  const jtlClient = demoClients[0]!;
  return {
    ...settings,
    ...demoKeys(settings.dataDir),
    demo: true,
    sessionTtlSeconds: 3600,
    accounts: [
      {
        id: "jtl",
        provider: "jtl",
        baseUrl: simulatorUrls.jtl!,
        currency: "EUR",
        allowedOrigins: demoOrigins,
        timeoutMs: 5000,
        credentials: {
          clientId: jtlClient.clientId,
          clientSecret: jtlClient.clientSecret,
          clientType: "voucher-widget-demo",
        },
      },
    ],
    apiKeys: [{ id: "demo", key: DEMO_API_KEY, accounts: ["jtl"], abilities: ["redeem", "issue", "refund", "codes"] }],
  };
}
