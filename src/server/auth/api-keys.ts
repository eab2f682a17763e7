/**
 * Merchant API keys: they open sessions (`POST /api/v1/sessions`) from the merchant's own server and are
 * never sent to a browser. Compared by SHA-256 in constant time.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { ApiKeyConfig } from "../config/config.schema.ts";

function sha256(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}

/** Finds the configured key matching the presented one, or null. */
export function createApiKeyVerifier(keys: readonly ApiKeyConfig[]) {
  const hashed = keys.map((entry) => ({
    entry,
    digest: entry.key.startsWith("sha256:") ? Buffer.from(entry.key.slice(7), "hex") : sha256(entry.key),
  }));
  return (presented: string): ApiKeyConfig | null => {
    const digest = sha256(presented);
    let found: ApiKeyConfig | null = null;
    // Compare against every key so timing does not tell which one matched.
    for (const { entry, digest: expected } of hashed) {
      if (timingSafeEqual(digest, expected) && !found) found = entry;
    }
    return found;
  };
}
