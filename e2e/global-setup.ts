/**
 * Starts the simulators and the BFF exactly as `npm start` does (demo settings, fresh data directory,
 * random port), plus a merchant site on another origin; tests find them through environment variables.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEMO_API_KEY } from "../src/demo/demo-config.ts";
import { startDemo } from "../src/demo/start.ts";
import { startMerchantSite } from "./support/merchant-site.ts";

export default async function globalSetup() {
  const dataDir = mkdtempSync(join(tmpdir(), "voucher-e2e-"));
  const demo = await startDemo({ build: false, logger: false, env: { ...process.env, PORT: "0", DATA_DIR: dataDir } });
  const merchant = await startMerchantSite(demo.url, DEMO_API_KEY);
  process.env.E2E_BFF_URL = demo.url;
  process.env.E2E_MERCHANT_URL = merchant.url;
  for (const [id, url] of Object.entries(demo.simulatorUrls)) process.env[`E2E_SIM_${id.toUpperCase()}_URL`] = url;
  return async () => {
    await merchant.close();
    await demo.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
