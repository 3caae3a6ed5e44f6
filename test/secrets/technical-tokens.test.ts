import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { intakeText } from "../../src/engine/intake/intake-text.ts";

/**
 * Property: an ordinary chat line full of technical tokens (MAC and IPv6
 * addresses, AWS ARNs, Azure resource ids, GUIDs, hashes, host names) is
 * stored exactly as typed: no marker, no emoji, nothing removed.
 */

const hex = (n: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${n}}$`));
const upperOrLower = (a: fc.Arbitrary<string>) =>
  fc.tuple(a, fc.boolean()).map(([s, up]) => (up ? s.toUpperCase() : s));

const mac = fc.oneof(
  fc
    .tuple(fc.array(hex(2), { minLength: 6, maxLength: 6 }), fc.constantFrom(":", "-"))
    .map(([g, sep]) => g.join(sep)),
  fc.array(hex(4), { minLength: 3, maxLength: 3 }).map((g) => g.join(".")),
);

const ipv6 = fc
  .tuple(
    fc.array(fc.stringMatching(/^[0-9a-f]{1,4}$/), { minLength: 8, maxLength: 8 }),
    fc.nat({ max: 8 }),
    fc.nat({ max: 6 }),
    fc.constantFrom("", "%12", "%eth0", "/64", "/48"),
  )
  .map(([groups, from, span, suffix]) => {
    // compress a run of groups to "::" (from 8: none)
    if (from >= 8) return groups.join(":") + suffix;
    const end = Math.min(8, from + span + 1);
    return `${groups.slice(0, from).join(":")}::${groups.slice(end).join(":")}${suffix}`;
  });

const word = fc.stringMatching(/^[a-z][a-z0-9]{1,10}$/);
const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{2,24}$/);
const region = fc.constantFrom("us-east-1", "eu-west-2", "ap-southeast-2", "");
const account = fc.stringMatching(/^\d{12}$/);
const arn = fc
  .tuple(
    fc.constantFrom("iam", "s3", "rds", "lambda", "kms", "secretsmanager", "ec2", "sts", "sns", "sqs"),
    region,
    account,
    fc.constantFrom("role/", "key/", "function:", "db:", "secret:", "instance/", "assumed-role/", ""),
    name,
  )
  .map(
    ([service, r, acct, type, n]) => `arn:aws:${service}:${r}:${service === "s3" ? "" : acct}:${type}${n}`,
  );

const guid = fc
  .tuple(hex(8), hex(4), hex(4), hex(4), hex(12), fc.boolean(), fc.boolean())
  .map(([a, b, c, d, e, braces, up]) => {
    const g = `${a}-${b}-${c}-${d}-${e}`;
    const cased = up ? g.toUpperCase() : g;
    return braces ? `{${cased}}` : cased;
  });

const resourceId = fc
  .tuple(
    guid.map((g) => g.replace(/[{}]/g, "").toLowerCase()),
    name,
    fc.constantFrom(
      "Microsoft.Compute/virtualMachines",
      "Microsoft.Storage/storageAccounts",
      "Microsoft.KeyVault/vaults",
      "Microsoft.Network/networkSecurityGroups",
    ),
    name,
  )
  .map(([sub, rg, type, n]) => `/subscriptions/${sub}/resourceGroups/${rg}/providers/${type}/${n}`);

const hash = upperOrLower(fc.oneof(hex(32), hex(40), hex(64)));

const host = fc
  .tuple(
    fc.array(fc.stringMatching(/^[a-z][a-z0-9-]{0,12}[a-z0-9]$/), { minLength: 1, maxLength: 3 }),
    fc.constantFrom("local", "com", "net", "co.uk", "internal", "lan", "io"),
    fc.boolean(),
  )
  .map(([labels, tld, up]) => {
    const h = `${labels.join(".")}.${tld}`;
    return up ? h.toUpperCase() : h;
  });

const token = fc.oneof(mac, ipv6, arn, resourceId, guid, hash, host);

/** Words of ordinary troubleshooting chat around the tokens (no credential word among them). */
const filler = fc.constantFrom(
  "checked",
  "on",
  "the",
  "printer",
  "dropped off",
  "from",
  "and",
  "ping to",
  "times out",
  "VM",
  "restarted",
  "role",
  "assumed by the backup job",
  "device",
  "is not compliant",
  "file hash",
  "flagged on",
  "resolves to",
  "lease for",
  "expired",
  "see",
  "-",
  "(",
  ")",
  ",",
  word,
);

const line = fc
  .array(fc.tuple(filler, token), { minLength: 1, maxLength: 5 })
  .map((parts) => parts.map(([f, t]) => `${f} ${t}`).join(" "));

describe("ordinary lines with technical tokens", () => {
  it("are stored exactly as typed", async () => {
    await fc.assert(
      fc.asyncProperty(line, async (typed) => {
        expect(await intakeText(typed)).toBe(typed);
      }),
      { numRuns: 1000, seed: 27 },
    );
  });
});
