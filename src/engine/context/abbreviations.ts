/**
 * Chat shorthand spelled out, so ticket notes read as documentation:
 * "cert" -> "certificate", "config" -> "configuration", "w/" -> "with".
 */
const ABBREVIATIONS: Array<[RegExp, string]> = [
  [/\bcerts\b/gi, "certificates"],
  [/\bcert\b/gi, "certificate"],
  [/\bconfigs\b/gi, "configurations"],
  [/\bconfig\b/gi, "configuration"],
  [/\bcreds\b/gi, "credentials"],
  [/\bperms\b/gi, "permissions"],
  [/\bmgmt\b/gi, "management"],
  [/\bsvr\b/gi, "server"],
  [/\bw\/o\b/gi, "without"],
  [/\bw\/(?=\s)/gi, "with"],
  [/\bb\/c\b/gi, "because"],
  [/\bpls\b|\bplz\b/gi, "please"],
  [/\bmins\b/gi, "minutes"],
  [/\bthx\b/gi, "thanks"],
  [/\basap\b/gi, "as soon as possible"],
];

export function expandAbbreviations(text: string): string {
  let out = text;
  for (const [re, full] of ABBREVIATIONS) {
    out = out.replace(re, (m) =>
      m[0] === m[0]?.toUpperCase() && m[0] !== m[0]?.toLowerCase()
        ? full[0]!.toUpperCase() + full.slice(1)
        : full,
    );
  }
  return out;
}
