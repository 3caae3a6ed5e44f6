/**
 * Technical tokens that are never secrets, however random they look: MIME
 * encoded words, DKIM and ARC signatures and DKIM public keys and selectors,
 * SSH host-key fingerprints, AWS ARNs, Azure resource ids, IPv6 and MAC
 * addresses, IPv4 ranges, data URIs, Windows paths and the name of a command
 * run with its flags. No rule may match inside them, so a label or a shape
 * test never takes one for a value.
 */
import { CLI_PASSWORD_COMMANDS } from "./command-rules.ts";

interface Shape {
  /** A cheap test the text must pass before `re` runs. */
  hint: RegExp;
  re: RegExp;
  /** Extra check on a match. */
  accept?: (token: string) => boolean;
  /** Rules may read it as context (a share path before a password), though no value may overlap it. */
  readable?: boolean;
}

/** A range of a text: [start, end), and whether rules may still read it as context. */
export type NotSecretRange = [number, number, boolean?];

const HEX_GROUPS = /^[0-9a-f:]+$/i;

/** An IPv6 address: hex groups with "::" or eight groups, an optional zone and prefix length. */
function isIpv6(token: string): boolean {
  const bare = token.replace(/%[\w.-]+$/, "").replace(/\/\d{1,3}$/, "");
  const v4 = /:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(bare);
  const hex = v4 ? bare.slice(0, v4.index + 1) : bare;
  if (!HEX_GROUPS.test(hex) || /:::/.test(hex)) return false;
  const groups = hex.split(":");
  if (groups.some((g) => g.length > 4)) return false;
  const compressed = hex.includes("::");
  const count = groups.filter((g) => g !== "").length + (v4 ? 2 : 0);
  return compressed ? count <= 7 && (count >= 1 || hex === "::") : count === 8;
}

const SHAPES: Shape[] = [
  // =?UTF-8?B?…?= and =?iso-8859-1?Q?…?= in mail headers
  { hint: /=\?/, re: /=\?[\w.-]+\?[BbQq]\?[^?\s]*\?=/g },
  // DKIM-Signature / ARC-Seal / ARC-Message-Signature tags, and a DKIM key record's public key
  {
    hint: /DKIM|ARC-|dkim/,
    re: /(?<![\w-])(?:bh?|p)=[A-Za-z0-9+/]+={0,2}/g,
  },
  // SSH and certificate fingerprints: SHA256:base64, MD5:aa:bb:…
  {
    hint: /(?:SHA|sha)\d{1,3}:|(?:MD5|md5):/,
    re: /\b(?:SHA(?:1|256|384|512)|MD5):(?:[A-Za-z0-9+/]{27,86}={0,2}|[0-9a-f]{2}(?::[0-9a-f]{2}){15,63})(?![\w+/])/gi,
  },
  // arn:aws:service:region:account:resource
  { hint: /arn:aws/, re: /\barn:aws[\w-]*:[\w-]*:[\w-]*:\d{0,12}:[^\s"'`,;)]+/g },
  // Azure resource ids
  {
    hint: /\/subscriptions\//i,
    re: /\/subscriptions\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?:\/[^\s"'`/]+)*/gi,
  },
  // IPv6 addresses (with zone and prefix length), as words or in URL brackets
  {
    hint: /::|[0-9a-fA-F]:[0-9a-fA-F]{1,4}:[0-9a-fA-F]{1,4}:/,
    re: /(?<![\w:.%-])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,8}(?::\d{1,3}(?:\.\d{1,3}){3})?(?:%[\w.-]+)?(?:\/\d{1,3})?(?![\w:%-])/g,
    accept: isIpv6,
  },
  // MAC addresses: aa:bb:cc:dd:ee:ff, AA-BB-…, and Cisco's 001a.2b3c.4d5e
  {
    hint: /[:-][0-9a-fA-F]{2}[:-][0-9a-fA-F]{2}[:-]|\.[0-9a-f]{4}\./,
    re: /(?<![\w:.-])(?:[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}|[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4})(?![\w:.-])/g,
  },
  // data: URIs with a base64 body (images in pasted mail)
  { hint: /data:/, re: /\bdata:[\w.+-]+\/[\w.+-]+(?:;[\w=.-]+)*;base64,[A-Za-z0-9+/]+={0,2}/g },
  // DKIM selectors as DNS names: "selector1._domainkey", "selector1/selector2._domainkey CNAMEs"
  { hint: /_domainkey/i, re: /(?<![\w.-])[\w-]+(?:\/[\w-]+)*\._domainkey(?:\.[\w-]+)*/gi },
  // IPv4 addresses written as ranges: "192.168.0.x", "10.20.*.*", "172.16.0.0/12"
  {
    hint: /\d\.\d{1,3}\.(?:\d|x|\*)/i,
    re: /(?<![\w.])\d{1,3}\.(?:\d{1,3}|x|\*)\.(?:\d{1,3}|x|\*)\.(?:\d{1,3}|x|\*)(?:\/\d{1,2})?(?![\w.])/gi,
    readable: true,
  },
  // The command of a command line ("creds off the sheet: sqlcmd -S SRV01 -U sa -P …"): its name is no password,
  // though the rules still read it to find the password flag after it.
  {
    hint: CLI_PASSWORD_COMMANDS,
    re: new RegExp(`${CLI_PASSWORD_COMMANDS.source}(?=\\s+-{1,2}\\w)`, "gi"),
    readable: true,
  },
  // Windows paths: UNC, drive letters and PowerShell drives (Cert:\, HKLM:\)
  {
    hint: /\\/,
    re: /(?<![\w\\])(?:\\\\[\w.$-]+|\b[A-Za-z]:|\b(?:Cert|HKLM|HKCU|HKCR|HKU|Env|Registry|Variable|WSMan)::?)\\[^\s"'`|<>*?]*/g,
    readable: true,
  },
];

/** Where the text holds a token that is never a secret, as [start, end) ranges. */
export function notSecretRanges(text: string): NotSecretRange[] {
  const out: NotSecretRange[] = [];
  for (const shape of SHAPES) {
    if (!shape.hint.test(text)) continue;
    for (const m of text.matchAll(shape.re))
      if (!shape.accept || shape.accept(m[0])) out.push([m.index, m.index + m[0].length, shape.readable]);
  }
  return out;
}
