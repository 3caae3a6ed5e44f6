/**
 * What a base64 blob holds, read from its first bytes: private key material
 * (an OpenSSH private key, a PKCS#1/PKCS#8/SEC1 private key, a PKCS#12
 * bundle) or something else (a certificate, a public key, a PDF, an image,
 * a mail body). Only key material is a secret by itself; any other blob is
 * one only where a label or an assignment says so.
 */

const OPENSSH_MAGIC = "openssh-key-v1\u0000";

/** The first `bytes` bytes a base64 (or base64url) text decodes to. */
function head(b64: string, bytes: number): Buffer {
  const chars = Math.ceil(bytes / 3) * 4;
  return Buffer.from(b64.slice(0, chars).replace(/-/g, "+").replace(/_/g, "/"), "base64");
}

/** The offset after a DER length at `at`, or -1 when it is not a length. */
function afterLength(der: Buffer, at: number): number {
  const first = der[at];
  if (first === undefined) return -1;
  if (first < 0x80) return at + 1;
  const count = first & 0x7f;
  return count >= 1 && count <= 4 ? at + 1 + count : -1;
}

/**
 * Whether the base64 text starts with private key material: the OpenSSH
 * magic, or a DER SEQUENCE whose first element is the INTEGER version 0, 1
 * or 3 (RSA and PKCS#8 private keys, EC private keys, PKCS#12). Public keys
 * and certificates start with a nested SEQUENCE instead.
 */
export function isPrivateKeyMaterial(b64: string): boolean {
  if (b64.length < 40) return false;
  const bytes = head(b64, 24);
  if (bytes.subarray(0, OPENSSH_MAGIC.length).toString("latin1") === OPENSSH_MAGIC) return true;
  if (bytes[0] !== 0x30) return false;
  const first = afterLength(bytes, 1);
  if (first < 0) return false;
  return bytes[first] === 0x02 && bytes[first + 1] === 0x01 && [0, 1, 3].includes(bytes[first + 2] ?? -1);
}
