import { passphraseAt } from "./passphrase.ts";
import { isProseWord } from "./prose-words.ts";

/**
 * Reading the value that follows a credential word: "password is X",
 * "PIN: 4821", 'passphrase "correct horse battery staple"'. How strict the
 * value must look depends on how the engineer introduced it: after an
 * explicit "is", ":" or "=" an ordinary-looking word still counts when it
 * ends the clause ("wifi password is letmein"); after a bare space it must
 * look like a secret ("pw Hunter2!").
 */

/**
 * Common passwords that are ordinary words: after "password is" they are the
 * password even in the middle of a sentence.
 */
const COMMON_PASSWORDS = new Set(
  `password passw0rd letmein welcome admin administrator root qwerty qwertyuiop abc123 monkey dragon sunshine princess
  football baseball master shadow superman batman trustno1 iloveyou starwars whatever freedom changeme default guest
  secret test test123 temp temp123 summer winter spring autumn fall hello login pass1234`.split(/\s+/),
);

/** After these a bare word ended its clause: "wifi password is letmein and it works". */
const CLAUSE_WORDS = new Set("and but then so lmk pls please thx thanks btw fyi ok okay asap".split(" "));

const MAX_EXTRA_WORDS = 3;

export interface ValueSpan {
  start: number;
  end: number;
  value: string;
}

const OPEN_QUOTES: Record<string, string> = { '"': '"', "'": "'", "`": "`", "“": "”", "‘": "’", "«": "»" };

/** Where the next key of a key=value list starts: ";Encrypt=", ",domain=", "&grant_type=". */
const NEXT_KEY = /[;,&](?=[A-Za-z_][\w .-]{0,40}=)/;

/** Punctuation that closes a sentence or clause, not part of a value typed in prose. */
const TRAILING = /(?:[.,;:)\]}>"'”’»?]|\*\*)+$/;

/** A PowerShell command (approved verb, dash, noun): an expression that produces the value, not the value. */
const CMDLET =
  /^(?:Get|Set|New|Remove|Add|ConvertTo|ConvertFrom|Convert|Invoke|Start|Stop|Read|Write|Test|Import|Export|Connect|Disconnect|Enable|Disable|Update|Install|Uninstall|Restart|Select|Where|ForEach|Out|Format|Clear|Copy|Move|Rename|Resolve|Reset|Register|Unregister|Grant|Revoke|Find|Save|Send|Receive|Wait|Enter|Exit|Join|Split|Measure|Compare|Group|Sort|Show|Hide|Lock|Unlock|Protect|Unprotect|Mount|Dismount|Sync|Publish|Request|Confirm|Complete|Initialize|Repair|Backup|Restore|Use|Search|Suspend|Resume|Submit|Edit|Expand|Compress)-[A-Z][A-Za-z]+$/;

/** A value that is no value: masked, a placeholder, a variable or a code expression. */
export function isPlaceholder(value: string): boolean {
  return (
    /^[*•·x.#_-]{3,}$/i.test(value) ||
    /^[<%(]|^\{\{?\s*[\w.]*\s*\}?\}$|^\{[A-Z_]+\}$|^\$(?:env:\w+|\{\w+\}|[A-Za-z_]\w*(?:\.\w+)*)$/.test(
      value,
    ) || // <password>, {{ vault_pw }}, %PASS%, (Read-Host, $env:X, $cred.Password
    /^[A-Z][A-Z0-9]*_[A-Z0-9_]+$/.test(value) || // an environment variable's name: DB_PASS
    /^(?:<[^>]*>|\{[^}]*\}|\[[^\]]*\]|%\w+%|\$\{?\w+\}?|\$env:\w+|\(\w+\))$/i.test(value) ||
    /^(?:[A-Z][a-z]+-[A-Z][A-Za-z]+|[\w.]+\(.*\)?;?)$/.test(value) || // Get-Credential, foo()
    CMDLET.test(value) || // ConvertTo-SecureString, Read-Host
    /^(?:null|none|n\/a|na|tbd|unknown|redacted|hidden|masked|encrypted|changeme)$/i.test(value)
  );
}

/** Has a digit, a symbol or an inner capital: not an ordinary word. Letters of any alphabet are letters. */
export function looksSecret(value: string): boolean {
  if (value.length < 4 || /^\[/.test(value) || isProseWord(value) || isPlaceholder(value)) return false;
  if (/^\d+$/.test(value)) return true;
  const hasDigit = /\d/.test(value);
  // "-", "_" and "." join words in names ("db-creds", "svc_backup"); other symbols make a secret.
  // An apostrophe between letters joins them too ("dell'amministratore", "c'est").
  const hasSymbol = /[^\p{L}\p{N}._-]/u.test(value.replace(/(?<=\p{L})['’](?=\p{L})/gu, ""));
  const innerUpper = /\p{Lu}/u.test(value.slice(1)) && /\p{Ll}/u.test(value);
  // a long run of letters with nothing else is a word ("dell'amministratore"), not a key
  return (
    hasDigit || hasSymbol || innerUpper || (value.length >= 16 && !/^\p{L}+(?:['’]\p{L}+)*$/u.test(value))
  );
}

/**
 * An ordinary-looking word after an explicit "is"/":" counts as the value
 * when it is a known weak password, or when it ends the clause.
 */
function acceptsPlainWord(word: string, after: string): boolean {
  const next = /^\s*(\S+)/.exec(after)?.[1] ?? "";
  if (!next || /^[,.;!?)—–-]/.test(after.trimStart())) return true;
  // "password is letmein for now"; not "passwd: password updated successfully"
  if (COMMON_PASSWORDS.has(word.toLowerCase()))
    return !isProseWord(next) || /^(?:for|and|but|so)$/i.test(next);
  return CLAUSE_WORDS.has(next.toLowerCase().replace(/[^a-z]/g, ""));
}

/**
 * The value starting at `from` (after the separator). `lenient`: the value
 * was introduced explicitly; otherwise it must look like a secret. Returns
 * null when there is no value there.
 */
export function readValue(text: string, from: number, lenient: boolean): ValueSpan | null {
  let i = from;
  while (i < text.length && (text[i] === " " || text[i] === "\t")) i++;
  const open = text[i];
  const close = open ? OPEN_QUOTES[open] : undefined;
  if (close) {
    const end = text.indexOf(close, i + 1);
    if (end > i + 1 && end - i <= 120 && !text.slice(i + 1, end).includes("\n")) {
      const value = text.slice(i + 1, end);
      if (value.trim().length >= 3 && !/^\s|\s$/.test(value) && !isPlaceholder(value))
        if (lenient || looksSecret(value.replace(/\s/g, ""))) return { start: i + 1, end, value };
    }
    return null;
  }
  const first = /^\S+/.exec(text.slice(i));
  if (!first) return null;
  // a JSON object or list: its own keys name their values, read one by one
  if (/^(?:\{\s*"|\[\s*[{"])/.test(first[0])) return null;
  // In a key=value list ("Pwd=x;Encrypt=True", "password=x,domain=CORP", "secret=x&grant_type=…") the
  // value ends where the next key starts.
  const listed = NEXT_KEY.exec(text.slice(i, i + first[0].length + 48));
  if (listed && listed.index < first[0].length) first[0] = first[0].slice(0, listed.index);
  const grouped = groupedValue(text.slice(i));
  if (grouped) return { start: i, end: i + grouped.length, value: grouped };
  // "is correct horse battery staple": after an explicit label, words that run to the clause's end
  const phrase = lenient ? passphraseAt(text, i) : null;
  if (phrase) return phrase;
  const token = first[0].replace(TRAILING, "");
  if (!token || /^\[/.test(token) || isProseWord(token) || isPlaceholder(token)) return null;
  // After "API key:" a GUID is the key; after a bare space it is an identifier.
  if (lenient ? isTechnicalFact(token) : looksTechnical(token)) return null;
  let end = i + token.length;
  if (!looksSecret(token)) {
    if (!lenient || token.length < 3 || !/^\p{L}+$/u.test(token)) return null;
    if (!acceptsPlainWord(token, text.slice(end))) return null;
    return { start: i, end, value: token };
  }
  // "password : Gr33n Apple 77": a passphrase typed without quotes runs on over words that are not prose.
  if (lenient && first[0] === token) {
    let cursor = end;
    for (let extra = 0; extra < MAX_EXTRA_WORDS; extra++) {
      const next = /^ (\S+)/.exec(text.slice(cursor));
      if (!next) break;
      const raw = next[1]!;
      const word = raw.replace(TRAILING, "");
      const passphraseLike = /[\p{L}\p{N}]/u.test(word) && (/\d/.test(word) || /^\p{Lu}/u.test(word));
      if (!word || isProseWord(word) || !passphraseLike || /^(?:\p{Lu}\p{Ll}+:|https?:)/u.test(word)) break;
      cursor += 1 + word.length;
      end = cursor;
      if (word !== raw) break;
    }
  }
  return { start: i, end, value: text.slice(i, end) };
}

/**
 * Codes and keys typed in groups: "559 204", "90 41 77", "cdci vcil cvsh vegs",
 * "JBSW Y3DP EHPK 3PXP". Every group has the first one's length and kind.
 */
function groupedValue(rest: string): string | null {
  const m =
    /^(?:\d(?: \d){3,9}|\d{2,4}(?:[ -]\d{2,4}){1,7}|[a-z]{4}(?: [a-z]{4}){3,7}|[A-Z2-7]{4}(?: [A-Z2-7]{4}){3,7}|[a-z2-7]{4}(?: [a-z2-7]{4}){3,7})(?=$|[\s,.;:)!?])/.exec(
      rest,
    );
  if (!m) return null;
  const groups = m[0].split(/[ -]/);
  if (groups.some((g) => g.length !== groups[0]!.length)) return null;
  // Letter groups must not be words of a sentence: they read as a key only when not all vowel-balanced words.
  if (/^[a-z ]+$/.test(m[0]) && groups.some((g) => isProseWord(g))) return null;
  return m[0];
}

/**
 * Tokens that are technical facts, not secrets: IP addresses, versions,
 * dates and times, MAC addresses, GUIDs, KB numbers, hex codes, SIDs, ticket
 * ids, host and asset names in capitals, file names.
 */
export function looksTechnical(token: string): boolean {
  return isTechnicalFact(token) || isIdentifierLike(token);
}

/** GUIDs, hex, names in capitals with dashes: identifiers, unless a credential word introduced them. */
function isIdentifierLike(token: string): boolean {
  return (
    /^\{?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}\}?$/i.test(token) ||
    /^(?=[0-9A-F]*[A-F])(?=[0-9A-F]*\d)[0-9A-F]{8}(?:[0-9A-F]{8})?$/.test(token) || // a memory address: 5A3C21F0
    /^[A-Z]{1,4}\d{2,5}\+$/i.test(token) || // a model: DS1821+, ds920+
    /^0x[0-9a-f]+$/i.test(token) ||
    /^[A-Z]{2,6}-\d{2,}$/.test(token) ||
    /^[A-Z0-9]+(?:-[A-Z0-9]+)+$/.test(token)
  );
}

/** Facts that are never credentials: addresses, versions, dates, times, paths, settings, mentions, files. */
function isTechnicalFact(token: string): boolean {
  return (
    /^\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?(?:\/\d+)?$/.test(token) ||
    /^v?\d+(?:\.\d+)+[a-z]?$/i.test(token) ||
    /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(token) ||
    /^\d{1,2}:\d{2}(?::\d{2})?(?:am|pm)?$/i.test(token) ||
    /^(?:[0-9a-f]{2}[:-]){5}[0-9a-f]{2}$/i.test(token) ||
    /^KB\d{6,8}$/i.test(token) ||
    /^Standard_[A-Z]{1,3}\d{1,3}[a-z]*(?:_v\d{1,2})?$|^[A-Z]{1,3}\d{1,3}[a-z]*_v\d{1,2}$/.test(token) || // VM sizes: D4s_v5, Standard_B2ms
    /^(?:rdp-tcp|ica-cgp|ica-tcp|console|services)#\d+$/i.test(token) || // a Windows session name: rdp-tcp#14
    /^S-1-\d+(?:-\d+)+$/.test(token) ||
    /^(?:wan|lan|dmz|port|eth|ens|eno|wlan|vlan|mgmt|internal|external|ge|xe|gi|fa|te|tun|ppp|bond|br|lo)\d+(?:[/.:]\d+)*$/i.test(
      token,
    ) || // an interface: wan1, port3, eth0, gi1/0/24
    /:\/\/|\\|^\/|^~[\w.-]*\//.test(token) || // URLs, Windows and Unix paths, registry keys
    /^[A-Za-z_][\w.-]*=/.test(token) || // a setting: NoAutoUpdate=0, Server=sql01
    /^[@#]/.test(token) || // mentions and channels
    isHostName(token) ||
    isFileName(token)
  );
}

/** A file by its extension, with its folder if written ("MF-FS01/MF-FS01_1.vmdk", "setup.exe"). */
export function isFileName(token: string): boolean {
  return /^[\w./-]+\.(?:exe|msi|dll|log|txt|csv|xlsx?|docx?|pdf|zip|ps1|sh|json|ya?ml|xml|ini|conf|cfg|iso|vhdx?|avhdx|vmdk|vmx|vmsn|nvram|ova|ovf|qcow2|pst|ost|bak)[.,;:!?]?$/i.test(
    token,
  );
}

/**
 * A host name: dot-separated labels ending in an alphabetic top-level label,
 * in one case ("fs01.corp.local", "SRV01.CORP.LOCAL"), with an optional port
 * ("sql01.corp.local:1433", "acme-prod.database.windows.net,1433").
 */
export function isHostName(token: string): boolean {
  return (
    /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}(?:[:,]\d{1,5})?$/.test(token) ||
    /^(?:[A-Z0-9](?:[A-Z0-9-]{0,61}[A-Z0-9])?\.)+[A-Z]{2,24}(?:[:,]\d{1,5})?$/.test(token)
  );
}

/** Shannon entropy in bits per character. */
export function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** A long random-looking token: mixed classes and high entropy, not a hex id, GUID, path or word. */
export function looksRandom(token: string, minLength: number): boolean {
  if (token.length < minLength) return false;
  if (/^[0-9a-f-]+$/i.test(token)) return false; // hex: hashes, GUIDs, thumbprints (a key word makes them count)
  const classes = [/[a-z]/, /[A-Z]/, /\d/].filter((re) => re.test(token)).length;
  if (classes < 3 && !(classes === 2 && /[+/=_~-]/.test(token) && token.length >= 24)) return false;
  const digitRuns = token.match(/\d+/g)?.length ?? 0;
  return entropy(token) >= (minLength >= 32 ? 4.2 : 3.5) && digitRuns >= 2;
}

/** A long hex string: an API key or token after a key word, a hash after a hash word. */
export function isLongHex(token: string, min = 24): boolean {
  return token.length >= min && /^[0-9a-f]+$/i.test(token) && /\d/.test(token) && /[a-f]/i.test(token);
}
