import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decodeEncryptionKey } from "../../src/config.ts";
import { openSecret, sealSecret } from "../../src/psa/secret-box.ts";

describe("secret box (AES-256-GCM)", () => {
  const key = randomBytes(32);

  it("round-trips a secret and never stores it in the clear", () => {
    const sealed = sealSecret("priv-S3cr3t-9x", key);
    expect(sealed).not.toContain("priv-S3cr3t-9x");
    expect(sealed).toMatch(/^v1\./);
    expect(openSecret(sealed, key)).toBe("priv-S3cr3t-9x");
  });

  it("uses a fresh IV each time, so equal secrets do not look equal at rest", () => {
    expect(sealSecret("same", key)).not.toBe(sealSecret("same", key));
  });

  it("refuses a wrong key or a tampered value with a message naming the key variable", () => {
    const sealed = sealSecret("priv-S3cr3t-9x", key);
    expect(() => openSecret(sealed, randomBytes(32))).toThrow(/FLOWPILOT_ENCRYPTION_KEY/);
    const parts = sealed.split(".");
    const body = Buffer.from(parts[3]!, "base64url");
    body[0] = (body[0]! + 1) % 256;
    parts[3] = body.toString("base64url");
    expect(() => openSecret(parts.join("."), key)).toThrow(/cannot be decrypted/);
  });

  it("reads keys written as 64 hex characters or base64, and nothing shorter", () => {
    expect(decodeEncryptionKey(key.toString("hex"))).toEqual(key);
    expect(decodeEncryptionKey(key.toString("base64"))).toEqual(key);
    expect(decodeEncryptionKey("too-short")).toBeNull();
    expect(decodeEncryptionKey(randomBytes(16).toString("base64"))).toBeNull();
  });
});
