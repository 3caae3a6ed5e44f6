/**
 * Chat shorthand spelled out, so ticket notes read as documentation:
 * "cert" -> "certificate", "w/" -> "with". Never inside an identifier, a
 * path or quoted text ("cert.pem", "`Cert:\\LocalMachine`"), and not
 * "config", which is as often a literal setting or UI word ("running-config",
 * "config pending") as shorthand.
 */
const WORD = (word: string) => new RegExp(`(?<![\\w.\\/\\\\:=-])${word}(?![\\w.\\/\\\\:=-])`, "gi");
const ABBREVIATIONS: Array<[RegExp, string]> = [
  [WORD("certs"), "certificates"],
  [WORD("cert"), "certificate"],
  [WORD("creds"), "credentials"],
  [WORD("perms"), "permissions"],
  [WORD("mgmt"), "management"],
  [WORD("svr"), "server"],
  [/\bw\/o\b/gi, "without"],
  [/\bw\/(?=\s)/gi, "with"],
  [/\bb\/c\b/gi, "because"],
  [/\bpls\b|\bplz\b/gi, "please"],
  [/\bmins\b/gi, "minutes"],
  [/\bthx\b/gi, "thanks"],
  [/\basap\b/gi, "as soon as possible"],
];

const QUOTED = /`[^`]*`|"[^"]*"|(?<![\p{L}\d])'[^'\n]+'(?![\p{L}\d])/gu;

export function expandAbbreviations(text: string): string {
  const quoted: string[] = [];
  let out = text.replace(QUOTED, (q) => `\uE200${quoted.push(q) - 1}\uE201`);
  for (const [re, full] of ABBREVIATIONS) {
    out = out.replace(re, (m) =>
      m[0] === m[0]?.toUpperCase() && m[0] !== m[0]?.toLowerCase()
        ? full[0]!.toUpperCase() + full.slice(1)
        : full,
    );
  }
  return quoted.length === 0 ? out : out.replace(/\uE200(\d+)\uE201/g, (_, i: string) => quoted[Number(i)]!);
}
