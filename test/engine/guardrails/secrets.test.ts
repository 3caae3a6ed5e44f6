import { describe, expect, it } from "vitest";
import { collectSessionSecrets, findSecrets, redactSecrets } from "../../../src/engine/guardrails/index.ts";

describe("findSecrets", () => {
  it.each([
    ["Logged in with the local admin account (pw is Tr0ub4dor&3 for now, will rotate).", "Tr0ub4dor&3"],
    ["temp password is Spring!2026x until she resets it", "Spring!2026x"],
    ["reset her password to Summer2024! and told her by phone", "Summer2024!"],
    ["Password: hunter22", "hunter22"],
    ["the wifi key is GuestNet-7781", "GuestNet-7781"],
    ["creds are admin / Winter2025$", "Winter2025$"],
    ["pin is 8842", "8842"],
    ["client secret = 7Qx~r8Yk.2sd-fj39VbN_zz", "7Qx~r8Yk.2sd-fj39VbN_zz"],
    ["new key sk-live-7Rq2mVx9LpT4nZ8wKc3HdY6b pasted into the app", "sk-live-7Rq2mVx9LpT4nZ8wKc3HdY6b"],
    ["AWS key AKIAIOSFODNN7EXAMPLE leaked", "AKIAIOSFODNN7EXAMPLE"],
    ["token ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789", "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"],
    [
      "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
    ],
    ["Server=sql01;Database=Dent;User Id=dentapp;Password=Qv7#pLx92!mK;", "Qv7#pLx92!mK"],
    ["postgres://app:S3cr3tPass@db.internal:5432/prod", "S3cr3tPass"],
    [
      "recovery key 418330-102234-556611-093412-700821-245806-331089-612574",
      "418330-102234-556611-093412-700821-245806-331089-612574",
    ],
  ])("finds the secret in %s", (text, secret) => {
    expect(findSecrets(text).map((s) => s.value)).toContain(secret);
  });

  it.each([
    "password reset worked for her",
    "the user changed her password yesterday",
    "password is correct, account not locked",
    "I'll pass to Tier 3 after lunch",
    "pin to Taskbar did nothing",
    "token is expired, re-auth needed",
    "Verified MX records - correct, pointing to acmemedical-com.mail.protection.outlook.com",
    "WAN 203.0.113.45 answers on 443, so not an ISP outage.",
  ])("does not flag ordinary troubleshooting prose: %s", (text) => {
    expect(findSecrets(text)).toEqual([]);
  });

  it("finds a private key block", () => {
    const key = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----";
    expect(findSecrets(`here it is ${key} ok`)[0]?.value).toBe(key);
  });
});

describe("redactSecrets", () => {
  it("redacts a secret wherever it reappears in the session", () => {
    const secrets = collectSessionSecrets(["pw is Tr0ub4dor&3 for now", "nothing here"]);
    expect(secrets).toEqual(["Tr0ub4dor&3"]);
    const later = "Tried Tr0ub4dor&3 on the second firewall too";
    expect(redactSecrets(later, secrets)).toBe("Tried [redacted] on the second firewall too");
  });

  it("leaves text without secrets unchanged", () => {
    expect(redactSecrets("Rebooted the print server")).toBe("Rebooted the print server");
  });
});

describe("redacting twice", () => {
  it("is idempotent", () => {
    const once = redactSecrets("pw is Tr0ub4dor&3 for now. password is [redacted].");
    expect(once).toBe("pw is [redacted] for now. password is [redacted].");
    expect(redactSecrets(once)).toBe(once);
  });
});
