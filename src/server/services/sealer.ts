/**
 * Encryption and keyed hashing for the few secrets the BFF must keep: a held voucher's code and PIN
 * (JTL needs them again to extend), the sealed replay of an issued voucher, and HMACs that identify a
 * voucher without storing its code. One 32-byte secret key; HKDF derives a separate key per purpose.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface Sealer {
  /** AES-256-GCM: version | iv | tag | ciphertext. `context` is bound as associated data (e.g. the row id). */
  seal(plaintext: string, context: string): Uint8Array;
  /** Opens what `seal` made with the same context; throws on any tampering or a wrong context. */
  open(sealed: Uint8Array, context: string): string;
  /** HMAC-SHA-256 (hex) of `parts`, joined unambiguously. */
  hmac(...parts: string[]): string;
}

/** Builds a sealer from a 32-byte secret key (e.g. `Buffer.from(env.SECRET_KEY, "base64")`). */
export function createSealer(secretKey: Uint8Array): Sealer {
  if (secretKey.byteLength !== 32) throw new RangeError("secretKey must be 32 bytes");
  const derive = (purpose: string) =>
    Buffer.from(hkdfSync("sha256", secretKey, "voucher-widget", `voucher-widget/${purpose}/v1`, 32));
  const encKey = derive("seal");
  const macKey = derive("hmac");

  return {
    seal(plaintext, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", encKey, iv);
      cipher.setAAD(Buffer.from(context, "utf8"));
      const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
    },
    open(sealed, context) {
      const buf = Buffer.from(sealed);
      if (buf.length < 1 + IV_BYTES + TAG_BYTES || buf[0] !== VERSION) throw new Error("unreadable sealed value");
      const iv = buf.subarray(1, 1 + IV_BYTES);
      const tag = buf.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
      const decipher = createDecipheriv("aes-256-gcm", encKey, iv);
      decipher.setAAD(Buffer.from(context, "utf8"));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(buf.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
        "utf8",
      );
    },
    hmac(...parts) {
      const mac = createHmac("sha256", macKey);
      // Length-prefixing keeps ("ab", "c") and ("a", "bc") apart.
      for (const part of parts) mac.update(`${Buffer.byteLength(part)}:${part};`);
      return mac.digest("hex");
    },
  };
}
