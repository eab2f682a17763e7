/**
 * Idempotency keys per intent (DESIGN §4): one key for one thing the user means to do. The key is kept
 * while the outcome is unknown, so retrying the same redeem (same hold, same body) sends the same key and
 * the BFF replays the first outcome instead of charging twice. Once a definite answer arrives the key is
 * dropped, so the next, separate intent (another voucher sold for the same amount) gets a fresh one.
 */

/** A v4 UUID. `crypto.randomUUID` exists only in secure contexts; a POS page on plain http on the LAN has
 * only `getRandomValues`, which is enough to build one. */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === "function") return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Keys by intent fingerprint (route, path and body), held only in memory. */
export class IntentKeys {
  readonly #keys = new Map<string, string>();

  /** The key for this intent: the one still open from an earlier try, or a new one. */
  keyFor(fingerprint: string): string {
    let key = this.#keys.get(fingerprint);
    if (!key) {
      key = newIdempotencyKey();
      this.#keys.set(fingerprint, key);
    }
    return key;
  }

  /** The intent reached a definite outcome (success or a final refusal): the next try is a new intent. */
  settle(fingerprint: string): void {
    this.#keys.delete(fingerprint);
  }

  /** Drops every open intent (the fingerprints include what was typed, so nothing outlives a reset). */
  clear(): void {
    this.#keys.clear();
  }

  /** How many intents are still open (for tests). */
  get size(): number {
    return this.#keys.size;
  }
}
