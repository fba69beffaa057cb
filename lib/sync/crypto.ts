import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

// CRM credentials at rest: AES-256-GCM with a random 12-byte nonce per value, stored as
// "v1.<nonce>.<tag>.<ciphertext>" (base64url). The key comes from the BATON_ENCRYPTION_KEY setting and
// never reaches the database, so a database dump alone reveals no token. GCM's tag refuses a value that
// was altered or encrypted under another key instead of decrypting it to garbage.

const VERSION = "v1";

export function encryptionKey(): Buffer {
  const value = getEnv().BATON_ENCRYPTION_KEY;
  if (!value)
    throw new AppError(
      "CRM connections need the BATON_ENCRYPTION_KEY setting (32 bytes, 64 hex characters), which is not set on this server.",
    );
  return /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, "hex") : Buffer.from(value, "base64");
}

export function encryptSecret(plain: string, key: Buffer = encryptionKey()): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, nonce);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, nonce.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(".");
}

export function decryptSecret(stored: string, key: Buffer = encryptionKey()): string {
  const [version, nonce, tag, data] = stored.split(".");
  if (version !== VERSION || !nonce || !tag || data === undefined)
    throw new AppError("The stored credentials are not in a format this server reads: reconnect the CRM.");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(nonce, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new AppError(
      "The stored credentials cannot be decrypted with this server's BATON_ENCRYPTION_KEY (was the key changed?): reconnect the CRM.",
    );
  }
}
