import type { SecretKind } from "./kinds.ts";
import { guarded, pattern, type Rule, valueAfter } from "./rule-kit.ts";
import { isPlaceholder, looksSecret, readValue } from "./values.ts";

/**
 * Secrets in pasted commands and configuration: command-line flags (net
 * user, mysql -p, sqlcmd -P, sshpass -p, smbclient -U user%pass, psexec -p,
 * xfreerdp /p:), PowerShell, environment variables, .env/ini/JSON/YAML keys,
 * connection strings, Wi-Fi QR strings, Cisco and firewall configuration.
 */

/** The kind a configuration key names: DB_PASS is a password, *_TOKEN a token, *_KEY an API key. */
export function kindOfName(name: string): SecretKind {
  const n = name.toLowerCase();
  if (/private_?key/.test(n)) return "private_key";
  if (/pass|pwd|pw$/.test(n)) return /wpa|wifi|psk/.test(n) ? "wifi_key" : "password";
  if (/token|auth|session|cookie/.test(n)) return "token";
  if (/psk/.test(n)) return "wifi_key";
  if (/key/.test(n)) return "api_key";
  return "secret";
}

/** A configuration key that holds a secret: smtpPassword, DB_PASS, wpa_passphrase, bindpw, client_secret, api-key. */
const SECRET_KEY_NAME = String.raw`(?:[A-Za-z_][\w.-]*?)?(?:pass(?:word|wd|phrase)?|pwd|pw|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key(?:[_-]?id)?|client[_-]?secret|auth[_-]?key|psk|skey|ikey|credential|session(?:_?id)?|sessid|cookie)s?`;

const CONFIG_KEY = new RegExp(
  String.raw`(?<![\w.-])["']?(${SECRET_KEY_NAME})["']?\s*(?:=|:(?!\/\/))\s*(?=\S)`,
  "gi",
);
const CONFIG_KEY_HINT = /pass|pwd|pw|secret|token|key|psk|credential|session|sessid|cookie/i;

export const CLI_PASSWORD_COMMANDS =
  /\b(?:sshpass|psexec|paexec|racadm|ipmitool|docker\s+login|podman\s+login|helm\s+registry\s+login|mysql|mariadb|mysqldump|mysqladmin|sqlcmd|bcp|osql|wmic|winrs|plink|pscp|rdesktop|xfreerdp|smbclient|rpcclient|crackmapexec|nxc|netexec|evil-winrm|impacket|ldapsearch|curl|wget|htpasswd|openssl|az\s+login|ftp|lftp|sqlplus|psql)\b/i;

export const COMMAND_RULES: Rule[] = [
  // net use [X:|*] \\server\share PASSWORD|"pass phrase" [/user:…] (never "*": it prompts)
  pattern(
    "password",
    /net\s+use/i,
    /\bnet\s+use\s+(?:[A-Za-z]:\s+|\*\s+)?(?:"\\\\[^"\n]+"|\\\\\S+)\s+(?:(["'])(?<q>[^"'\n]+)\1|(?<v>(?![/*])[^\s"']+))/gi,
  ),
  // SNMP tools: -c COMMUNITY, and v3's -A auth and -X privacy passphrases
  guarded(/\bsnmp\w*\b/i, (text, found) => {
    for (const m of text.matchAll(
      /\bsnmp(?:walk|get|bulkwalk|bulkget|set|getnext|table|trap|check|status|df|netstat)\b[^\n]*/gi,
    ))
      for (const f of m[0].matchAll(/\s-[cAX]\s*(?:(["'])(?<q>[^"'\n]+)\1|(?<v>[^\s"'-][^\s"']*))/g)) {
        const value = f.groups!.q ?? f.groups!.v!;
        if (isPlaceholder(value)) continue;
        const start = m.index + f.index + f[0].lastIndexOf(value);
        found.push({ kind: "secret", start, end: start + value.length });
      }
  }),
  // FortiGate: the community's name is its secret ("config system snmp community … set name "F0rti-NMS"")
  pattern(
    "secret",
    /snmp\s+community/i,
    /config\s+system\s+snmp\s+community[\s\S]{0,80}?\bset\s+name\s+(?:"(?<v>[^"\n]+)"|(?<w>\S+))/gi,
  ),
  // //user:password@host (mount_smbfs, cifs, smbclient URLs without a scheme)
  pattern("password", /\/\/[^\s/:@]+:/, /(?<![\w:/])\/\/[^\s:/@]+:(?<v>[^\s@/]+)@[\w.-]+/g),
  // net user NAME PASS, net use … /user:X PASS
  pattern("password", /net\s+user/i, /\bnet\s+user\s+[\w.$\\-]+\s+(?<v>(?![*/])\S{4,})(?=\s|$)/gi, (v) =>
    looksSecret(v),
  ),
  // (not runas: it asks for the password, and what follows /user: is the program to run)
  guarded(/\/user:/i, (text, found) => {
    for (const m of text.matchAll(/\/user:\S+\s+(?<v>(?![*/])\S{4,})(?=\s|$)/gi)) {
      const line = text.slice(text.lastIndexOf("\n", m.index) + 1, m.index);
      if (/\brunas\b/i.test(line) || !looksSecret(m.groups!.v!)) continue;
      const start = m.index + m[0].length - m.groups!.v!.length;
      found.push({ kind: "password", start, end: start + m.groups!.v!.length });
    }
  }),
  // mysql -pSECRET (no space), -p'SECRET'
  pattern(
    "password",
    /mysql|mariadb/i,
    /\b(?:mysql|mariadb|mysqldump|mysqladmin)\b[^\n|]*?\s-p(?<v>[^\s'"-][^\s'"]{2,})/gi,
  ),
  pattern(
    "password",
    /mysql|mariadb/i,
    /\b(?:mysql|mariadb|mysqldump|mysqladmin)\b[^\n|]*?\s-p(['"])(?<v>[^'"]+)\1/gi,
  ),
  // -p / -P / /p: / --password after a command that takes a password there (never "ssh -p 2222")
  guarded(CLI_PASSWORD_COMMANDS, (text, found) => {
    const re =
      /(?<![\w-])(?:-p|-P|\/p:|-w|--pass(?:word)?(?:=|\s+)|-Password\s+|-Pass\s+)\s*(?:(["'])(?<q>[^"'\n]+)\1|(?<v>[^\s"']+))/g;
    for (const m of text.matchAll(re)) {
      const value = m.groups!.q ?? m.groups!.v!;
      if (/^\d{1,5}$/.test(value) || /^-/.test(value) || isPlaceholder(value) || value.length < 4) continue;
      // The flag belongs to a command on its own line: "Start-ADSyncSyncCycle -PolicyType Delta" under a
      // line that ran sqlcmd is no password.
      if (!CLI_PASSWORD_COMMANDS.test(text.slice(text.lastIndexOf("\n", m.index) + 1, m.index))) continue;
      if (m.groups!.q === undefined && !looksSecret(value)) continue; // "-p prompts for the password"
      const start = m.index + m[0].lastIndexOf(value);
      found.push({ kind: "password", start, end: start + value.length });
    }
  }),
  // smbclient -U user%pass, curl -u user:pass
  pattern(
    "password",
    /-U\s|-u\s|--user/,
    /(?<![\w-])(?:-U|-u|--user(?:name)?=?)\s*["']?[\w.@\\/$-]+[%:](?<v>[^\s"']{3,})/g,
  ),
  // --password=…, -NewPassword …, -AccountPassword …
  valueAfter(
    "password",
    /-{1,2}(?:new-?|account)?(?:password|passwd|pwd|pass)\b/i,
    /(?<![\w-])-{1,2}(?:new-?|account)?(?:password|passwd|pwd|pass|newpassword)(?:\s*[=:]\s*|\s+)/gi,
    true,
    (v) => !/^-/.test(v),
  ),
  valueAfter("password", /securestring/i, /ConvertTo-SecureString\s+(?:-String\s+)?/gi, true),
  // echo 'PASS' | sudo -S
  guarded(/sudo\s+-S/, (text, found) => {
    for (const m of text.matchAll(/\becho\s+(["']?)(?<v>[^\s'"]+)\1\s*\|\s*sudo\s+-S/g)) {
      const start = m.index + m[0].indexOf(m.groups!.v!);
      found.push({ kind: "password", start, end: start + m.groups!.v!.length });
    }
  }),
  // configuration keys: DB_PASS=…, "smtpPassword": "…", wpa_passphrase=…, bindpw=…, client_secret: …
  guarded(CONFIG_KEY_HINT, (text, found) => {
    if (!/[=:]/.test(text)) return;
    for (const m of text.matchAll(CONFIG_KEY)) {
      // a JSON object or list as the value: its own keys are read one by one
      if (/^\s*[{[]/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 8))) continue;
      const v = readValue(text, m.index + m[0].length, true);
      if (!v || isPlaceholder(v.value) || /^(?:true|false|null|yes|no|\d{1,3})$/i.test(v.value)) continue;
      const kind = kindOfName(m[1]!);
      // a cookie or session value is a random string, not a word ("stsservicecookie=estsfd")
      if (kind === "token" && !looksSecret(v.value) && v.value.length < 24) continue;
      found.push({ kind, start: v.start, end: v.end });
    }
  }),
  // pasted tables and CSV: a column headed password, pin, secret, token or key
  guarded(
    /\n[\s\S]*(?:pass|pwd|pin|secret|token|key|code)|(?:pass|pwd|pin|secret|token|key|code)[\s\S]*\n/i,
    (text, found) => {
      const lines = text.split("\n");
      let offset = 0;
      let header: { sep: string; columns: Map<number, SecretKind>; count: number } | null = null;
      for (const line of lines) {
        const sep = line.includes("\t")
          ? "\t"
          : line.includes("|")
            ? "|"
            : line.includes(",")
              ? ","
              : line.includes(";")
                ? ";"
                : "";
        const cells = sep ? line.split(sep) : [];
        if (sep && cells.length >= 2) {
          const secretColumns = new Map<number, SecretKind>();
          cells.forEach((c, i) => {
            const name = c.trim().toLowerCase();
            if (/^(?:pass(?:word|wd)?|pwd|pw|passcode)$/.test(name)) secretColumns.set(i, "password");
            else if (name === "pin") secretColumns.set(i, "pin");
            else if (/^(?:secret|token|api[ _-]?key|key|code)$/.test(name))
              secretColumns.set(i, kindOfName(name));
          });
          if (secretColumns.size > 0) header = { sep, columns: secretColumns, count: cells.length };
          else if (header && sep === header.sep && cells.length >= header.count - 1) {
            let at = offset;
            cells.forEach((cell, i) => {
              const value = cell.trim();
              const kind = header!.columns.get(i);
              if (kind && value && !isPlaceholder(value) && !/^:?-+:?$/.test(value)) {
                const start = at + cell.indexOf(value);
                found.push({ kind, start, end: start + value.length });
              }
              at += cell.length + sep.length;
            });
          }
        } else header = null;
        offset += line.length + 1;
      }
    },
  ),
  // Wi-Fi QR codes: WIFI:S:name;T:WPA;P:password;;
  pattern("wifi_key", /WIFI:/i, /WIFI:[^\s]*?P:(?<v>(?:\\;|[^;])+);/gi),

  // scheme://user:pass@host (the user may be empty: redis://:pass@host)
  pattern("connection_string", /:\/\//, /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:(?<v>[^\s@/]+)@/gi),
  // connection-string keys
  pattern(
    "connection_string",
    /=/,
    /(?<![\w-])(?:password|pwd|passwd|pass)\s*=\s*(?<v>"[^"\n]+"|'[^'\n]+'|\{[^}\n]+\}|[^;\s"'&]+?(?=[;\s"'&]|,[A-Za-z_][\w.-]{0,40}=|$))/gi,
    (v) => v.length >= 3 && !/^\[/.test(v) && !isPlaceholder(v.replace(/^["']|["']$/g, "")),
  ),
  pattern(
    "api_key",
    /=/,
    /(?<![\w-])(?:AccountKey|SharedAccessKey|SharedAccessSignature|SecretKey|ClientSecret|Secret|AuthKey|PresharedKey|PreSharedKey)\s*=\s*(?<v>[^;\s"'&]{8,})/gi,
  ),
  pattern("private_key", /PrivateKey/i, /(?<![\w-])PrivateKey\s*=\s*(?<v>[A-Za-z0-9+/]{40,}={0,2})/g),

  // network device configuration: "username x password 0 SECRET", "enable secret …", "key 7 …", SNMP communities
  pattern(
    "password",
    /(?:^|\n)\s*(?:username|enable|snmp-server|radius-server|tacacs|key\s|set\s|ip\s|crypto|aaa|config|edit|server-private|wpa|psk)|privilege\s+\d+/i,
    /\b(?:password|secret|key|key-string|pre-shared-key|pre-shared-secret|authentication-key|message-digest-key\s+\d+\s+md5|community)\s+(?:[0-9]\s+)?(?<v>(["'])[^"'\n]+\2|[^\s"']{4,})(?=\s|$)/gi,
    (v) => {
      const raw = v.replace(/^["']|["']$/g, "").replace(/[.,;:)]+$/, "");
      return (
        raw === v.replace(/^["']|["']$/g, "") &&
        !isPlaceholder(raw) &&
        (looksSecret(raw) || /^[0-9A-F]{12,}$/.test(raw)) &&
        !/^\d+$/.test(raw)
      );
    },
  ),
];
