import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { FlowPilotError } from "../errors.ts";

/**
 * AES-256-GCM for secrets at rest (PSA private keys). The stored form is
 * `v1.<iv>.<tag>.<ciphertext>` in base64url, so a wrong key or a tampered
 * value fails authentication instead of yielding garbage.
 */
const VERSION = "v1";

export function sealSecret(plaintext: string, key: Buffer): string {
  assertKey(key);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), body]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

export function openSecret(sealed: string, key: Buffer): string {
  assertKey(key);
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || body === undefined) {
    throw new FlowPilotError(
      "config_invalid",
      "The stored PSA credentials are not in a format this version reads.",
    );
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString(
      "utf8",
    );
  } catch (err) {
    throw new FlowPilotError(
      "config_invalid",
      "The stored PSA credentials cannot be decrypted: FLOWPILOT_ENCRYPTION_KEY is not the key they were saved with.",
      { cause: err },
    );
  }
}

function assertKey(key: Buffer) {
  if (key.length !== 32) throw new FlowPilotError("config_invalid", "The encryption key must be 32 bytes.");
}
