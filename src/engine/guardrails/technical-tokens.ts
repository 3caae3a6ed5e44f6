/**
 * Detectors for things a client must never see: addresses, host names,
 * paths, URLs, error codes and internal identifiers. Each regex is linear
 * (no nested quantifiers over the same characters).
 */
export type TokenKind = "ip" | "hostname" | "email" | "path" | "url" | "error_code";

const IPV4 =
  /(?<![\d.])(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}(?:\/\d{1,2})?(?::\d{1,5})?(?![\d.]*\d)/g;
// Candidate IPv6 runs; validated in code (needs "::" or a hex letter, and 3+ groups) so "10:30:45" is not one.
const IPV6_CANDIDATE =
  /\[?(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?:%[\w.]+)?(?:\/\d{1,3})?\]?(?::\d{1,5})?(?![\w:])/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
const URL = /\b(?:https?|ftp|smb|ldap|rdp):\/\/[^\s<>"')]+|\bwww\.[^\s<>"')]+/gi;
const PATH =
  /\\\\[A-Za-z0-9._$-]+(?:\\[^\s\\,;'"]+)*\\?|\b[A-Za-z]:\\[^\s,;'"]*|(?<![\w.])\/(?:etc|var|usr|home|opt|tmp|mnt|srv|Users|Volumes|Library)\/[^\s,;'"]*|\bHK(?:LM|CU|CR|U|EY_[A-Z_]+)\\[^\s,;'"]*/g;
const FQDN =
  /(?<![\w@.-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+(?:com|net|org|local|lan|internal|corp|lab|io|co|us|uk|ca|de|au|nz|ie|edu|gov|biz|info|cloud|intra|home|ad|domain|onmicrosoft|arpa|dev|app|it|eu)\b(?!\.[A-Za-z0-9])/gi;
const ERROR_CODES = [
  /\b0x[0-9A-Fa-f]{4,}\b/g,
  /(?<![\w-])-\d{3,6}\b/g,
  /\bKB\d{6,8}\b/g,
  /\bAADSTS\d{4,}\b/g,
  /\b[245]\.\d\.\d{1,3}\b(?!\.\d)/g,
  /\b(?:error|err|code|event(?: ?id)?|exit code|status code|stop code|bug ?check)\s*(?:#|no\.?|:)?\s*\d{3,6}\b/gi,
  /\b(?:HTTP|http)\s*[1-5]\d\d\b/g,
  /\b[A-Z][A-Z_]{3,}_[A-Z_]{3,}\b/g,
];

/** Bare host and identifier names: fw01, DC01, SRV-FILE02, acme-dc1, RVF-SQL01, svc-sqlagent, OrderPointDB, log_reuse_wait. */
const HOST_TOKEN = /(?<![\w@.\\/-])[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*(?![\w@\\/-])/g;
const TICKET_LIKE = /^(?:TKT|INC|REQ|CHG|SR|RITM|TASK|PRB|CASE|TICKET)[-_]?\d+$/i;
const ALLOWED_ALNUM =
  /^(?:M365|O365|Office365|Microsoft365|Win\d{1,2}|Windows\d{1,2}|W1[01]|[xX](?:64|86)|[vV]\d+|Q[1-4]|H[12]|FY\d{2,4}|\d+(?:GB|MB|TB|KB|K|am|pm|AM|PM|st|nd|rd|th|s|x|min|mins|h|hrs?|ms)|mp[34]|i[3579]|iPhone\d*|iPad\d*|iOS\d*|2FA|B2B|B2C|24x7|COVID-?19|Wi-Fi|e-mail|sign-in|log-in|follow-up|set-up|check-in|go-ahead|re-[a-z]+|co-[a-z]+|one-liner|day-to-day|up-to-date|[a-z]+(?:-[a-z]+)+)$/;

function isHostLike(token: string): boolean {
  if (token.length < 3 || TICKET_LIKE.test(token)) return false;
  if (/^(?:svc|srv|adm|admin|sa)[-_][a-z0-9]/i.test(token)) return true; // service/admin accounts
  if (ALLOWED_ALNUM.test(token)) return false;
  if (/_/.test(token)) return true; // snake_case identifiers
  if (/^[A-Za-z]{1,}[A-Za-z-]*\d{1,4}[A-Za-z]?$/.test(token) && /[A-Za-z]{2}/.test(token)) return true; // fw01, DC01, acme-dc1
  if (/^[A-Z0-9]{2,}(?:-[A-Z0-9]+)+$/.test(token) && /\d/.test(token)) return true; // RVF-SQL01, SRV-FILE02
  if (/^[A-Z]{2,}(?:-[A-Z]{2,})+$/.test(token)) return true; // SRV-FILE, RVF-APP
  if (/^[A-Za-z]+(?:-[A-Za-z0-9]+)*-\d+[A-Za-z]*$/.test(token)) return true; // PC-RECEPTION-3
  if (/[a-z][A-Z]{2,}$/.test(token)) return true; // OrderPointDB
  return false;
}

export interface TokenMatch {
  kind: TokenKind;
  match: string;
  index: number;
}

function validIpv6(candidate: string): boolean {
  const bare = candidate
    .replace(/^\[|\](?::\d+)?$/g, "")
    .replace(/%.*$/, "")
    .replace(/\/\d+$/, "");
  const groups = bare.split(":");
  return (
    groups.length >= 3 && (bare.includes("::") || /[A-Fa-f]/.test(bare)) && groups.every((g) => g.length <= 4)
  );
}

/** Every technical token in a text, in order, longest first where they overlap. */
export function findTechnicalTokens(text: string): TokenMatch[] {
  const out: TokenMatch[] = [];
  const push = (kind: TokenKind, re: RegExp, filter?: (s: string) => boolean) => {
    for (const m of text.matchAll(re))
      if (!filter || filter(m[0])) out.push({ kind, match: m[0], index: m.index });
  };
  push("url", URL);
  push("email", EMAIL);
  push("path", PATH);
  push("ip", IPV4);
  push("ip", IPV6_CANDIDATE, validIpv6);
  push("hostname", FQDN);
  for (const re of ERROR_CODES) push("error_code", re);
  push("hostname", HOST_TOKEN, isHostLike);
  out.sort((a, b) => a.index - b.index || b.match.length - a.match.length);
  // Drop matches inside an earlier, longer one (a host inside a URL or an email).
  const kept: TokenMatch[] = [];
  let coveredUntil = -1;
  for (const t of out) {
    if (t.index < coveredUntil) continue;
    kept.push(t);
    coveredUntil = t.index + t.match.length;
  }
  return kept;
}
