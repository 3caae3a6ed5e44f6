import { isPrivateKeyMaterial } from "./key-material.ts";
import type { Rule } from "./rule-kit.ts";
import { insideUrlOrPath } from "./rule-kit.ts";
import {
  entropy,
  isFileName,
  isHostName,
  isLongHex,
  isPlaceholder,
  looksRandom,
  looksTechnical,
} from "./values.ts";

/**
 * Secrets recognised by their shape: long random tokens and hex keys after
 * a credential word, long random tokens and base64 blobs anywhere, and
 * password-shaped words ("Harbor#Lights42", "Quartz-Meadow-19") in a message
 * that talks about credentials, wherever the engineer put them.
 */

/** A message about credentials (in the languages engineers mix in). */
const CREDENTIAL_TALK =
  /magic word|the usual|\bcombo\b|phrase|login info|access details|pass|\bpw\b|\bpwd\b|cred|log[ -]?in|logon|sign[ -]?in|\badmin\b|\broot\b|\bsa\b|reset|temp\b|vault|secret|\bkey\b|\bpin\b|account|\buser\b|laps|break-?glass|wi-?fi|psk|ssid|token|auth|kennwort|contrase|clave|\bmdp\b|wachtwoord|senha|l[öo]senord|has[łl]o|salasana|[şs]ifre|heslo|parola|changed it|went with|picked|typed|told (?:him|her|them) to use|\bit'?s\b/gi;

/** Symbols that make a word a password rather than a name, a file or a version. */
const PASSWORD_SYMBOL = /[!@#$%^&*?~+=]|\p{Extended_Pictographic}/u;

/**
 * How much a word looks like a password: "strong" (letters, digits and a
 * symbol: Harbor#Lights42), "weak" (leetspeak, Capitalized-words-and-digits,
 * printed capitals: Sc4nPl3ase, Biscuit2019, 8NQ4ZK2P: a password only where
 * credentials are talked about), or not at all. Cheap shape tests first, the
 * vetoes (technical facts, e-mail, paths) only for words that pass them.
 */
function passwordShape(word: string): "strong" | "weak" | null {
  if (word.length > 64 || !/\p{L}/u.test(word)) return null;
  // a line of base64 (a certificate or key body): a blob, never a typed password
  if (word.length >= 40 && /^[A-Za-z0-9+/]+={0,2}$/.test(word)) return null;
  let shape: "strong" | "weak" | null = null;
  if (PASSWORD_SYMBOL.test(word)) shape = word.length >= 8 ? "strong" : "weak";
  else if (word.length <= 32) {
    const leet = /\p{L}\d+\p{L}/u.test(word) && /\p{Lu}/u.test(word) && /\p{Ll}/u.test(word);
    // Biscuit2019, Orchard_Lane_7731, Hamster-Wheel-9
    const words = /^\p{Lu}\p{Ll}+(?:[-_.]?\p{Lu}?\p{Ll}+)*(?:[-_.]?\d{2,}|[-_.]\d)\W?$/u.test(word);
    // printed defaults in capitals and digits: 8NQ4ZK2P (three or more runs of digits)
    const printed =
      /^[A-Z0-9]{8,16}$/.test(word) &&
      (word.match(/\d+/g)?.length ?? 0) >= 3 &&
      /[A-Z].*[A-Z].*[A-Z]/.test(word);
    if (leet || words || printed) shape = "weak";
  }
  if (!shape) return null;
  if (isPlaceholder(word) || looksTechnical(word)) return null;
  if (/\//.test(word)) return null; // paths
  if (/^(?:ctrl|shift|alt|win|cmd|fn|option)\+/i.test(word)) return null; // a key combination: shift+F10
  if (/_[0-9a-f]{6,}$|^[A-Z]{2,}-[A-Z0-9]{2,}[_-]/.test(word)) return null; // a resource name: HF-APP02_OsDisk_1_8c41d2
  if (/^[£$€¥]\d/.test(word)) return null; // a price: £11.99+vat
  if (/^\d[\d.,]*\+(?:vat|gst|tax|p&p)\W?$/i.test(word)) return null; // a price's tail after its comma: "£3,180+vat"
  if (
    /^[~≈<>+-]?\d+(?:[.,]\d+)?(?:[-–]\d+(?:[.,]\d+)?)?(?:ms|s|sec|min|mins|m|h|hrs?|%|[kmgt]i?b|[kmg]bps|x|°c)?\W?$/i.test(
      word,
    )
  )
    return null; // a figure or a range: ~180ms, ~1.5-2h
  if (/^(?:[A-Z][a-z]{2,})+(?=[A-Z0-9]*[A-Z])[A-Z0-9]{2,5}(?:[A-Z][a-z]{2,})+$/.test(word)) return null; // a metric or field name: SuccessE2ELatency
  if (/^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$|^[a-z0-9._-]+@[a-z0-9._-]+$/.test(word)) return null; // e-mail, user@host
  if (/^\d{2,5}@[A-Za-z][\w.-]*$/.test(word)) return null; // a licence server as port@host: 27000@FHA-LIC01
  return shape;
}

/** Names of things (not credentials) that a password-shaped word may follow: "ssid MiFi-7730", "host ACC-APP01". */
const NAMED_BEFORE =
  /\b(?:ssid|host(?:name)?|server|vm|pc|laptop|desktop|computer|device|printer|model|sku|serial|asset|tag|build|version|kb|ticket|case|order|po|invoice|product(?:\s+(?:number|no\.?|code|id))?|part(?:\s+(?:number|no\.?))?|p\/n|pn|mtm|s\/n|file|folder|share|site|domain|tenant|user(?:name)?|account|mailbox|group|ou|vlan|port|interface|policy|profile|rule|job|task|app|package|driver|firmware|bios|hotfix|update|patch|image|template|project|room|building|floor|suite|ext|id|key\s+id|object\s+id|guid|sku)\s*[:=#]?\s*['"‘“]?$/i;

/** Words between spaces, quotes, brackets, commas and semicolons. */
const CANDIDATE_WORD = /[^\s"'`()<>,;]+/g;
/** A word glued to a path, an address or a variable is part of it. */
const GLUED_BEFORE = /[\w@$%/\\:.-]/;

/** Words after which a long random value is a credential (not part of a host name: "api-eu.local"). */
const KEY_WORD =
  /\b(?:key\d?|keys|token|tokens|secret|secrets|credential|credentials|creds?|password|passwd|pwd|passphrase|psk|api|auth|bearer|sas|signature|sig|apikey|access|private|cookie|session|challenge|hmac|skey|ikey|pat)\b(?![\w-]*\.[a-z]{2,}\b)/gi;
const LONG_TOKEN = /[A-Za-z0-9+/_~.-]{16,}={0,2}/g;

/** Whether the text has a run of at least `min` token characters (letters, digits, + / = _ ~ . -): a cheap first test. */
function hasRun(text: string, min: number): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const token =
      (c >= 48 && c <= 57) ||
      (c >= 65 && c <= 90) ||
      (c >= 97 && c <= 122) ||
      c === 43 ||
      c === 47 ||
      c === 61 ||
      c === 95 ||
      c === 126 ||
      c === 46 ||
      c === 45;
    run = token ? run + 1 : 0;
    if (run >= min) return true;
  }
  return false;
}

export const SHAPE_RULES: Rule[] = [
  // password-shaped words: anywhere when strong, in credential talk when weaker
  (text, found) => {
    if (!/\d/.test(text)) return;
    // Where the message talks about credentials (found once, when a candidate needs it); a word
    // does not make the talk itself ("Password123 is on the banned list").
    let talkAt: Array<readonly [number, number]> | undefined;
    for (const m of text.matchAll(CANDIDATE_WORD)) {
      if (m[0].length < 6 || GLUED_BEFORE.test(text[m.index - 1] ?? " ") || !/\d/.test(m[0])) continue;
      // "Clinic2024!!" keeps its bangs; a sentence's full stop, comma or bracket is not the password's.
      // Markdown's bold or italic markers around a word ("at 7pm?**") are the layout's, not the word's.
      const lead = /^(?:\*\*|__)/.exec(m[0])?.[0].length ?? 0;
      let word = m[0].slice(lead).replace(/(?:\*\*|__|[.,;:?)\]])+$/, "");
      // "--setuppwd=N3wB10s!", "admin:Gr4fana!Adm", "host:5432:*:user:Pa55#": the value after the name
      let at = m.index + lead;
      const named = /^[^=:]*[=:](?!\/\/)/.exec(word) ? word.search(/[^=:]*$/) : 0;
      if (named > 0) {
        at += named;
        word = word.slice(named);
      }
      if (word.length < 6) continue;
      const shape = passwordShape(word);
      if (!shape) continue;
      if (shape === "weak") {
        const end = at + word.length;
        talkAt ??= [...text.matchAll(CREDENTIAL_TALK)].map((t) => [t.index, t.index + t[0].length] as const);
        // The talk is on the word's own line: a note's other bullets ("reset her password") say nothing of it.
        const lineStart = text.lastIndexOf("\n", at) + 1;
        const lineEnd = text.indexOf("\n", end) < 0 ? text.length : text.indexOf("\n", end);
        if (!talkAt.some(([a, b]) => a >= lineStart && b <= lineEnd && (b <= at || a >= end))) continue;
      }
      const before = text.slice(Math.max(0, at - 24), at);
      if (
        insideUrlOrPath(text, at) ||
        NAMED_BEFORE.test(before) ||
        /ssh-(?:rsa|ed25519|dss)\s+$/.test(before)
      )
        continue;
      found.push({ kind: "password", start: at, end: at + word.length, byShape: true });
    }
  },

  // long values right after a credential word: random tokens, and hex keys (not hashes or checksums)
  (text, found) => {
    if (!hasRun(text, 16)) return;
    for (const t of text.matchAll(LONG_TOKEN)) {
      const token = t[0].replace(/[.]+$/, "");
      // "[DS-SAS-01] MF-FS01/MF-FS01_1.vmdk": a file, whatever word stands before it
      if (token.length < 16 || isHostName(token) || isFileName(token)) continue;
      // letters only, random case ("sAiPFzcpTFLUmJHLklWd")
      const mixedLetters =
        /^[A-Za-z]{16,}$/.test(token) &&
        (token.match(/[a-z][A-Z]|[A-Z][a-z]/g)?.length ?? 0) >= 6 &&
        entropy(token) >= 3.8;
      // lowercase and digits ("f6jxh4xkcjf4nm32…"): Azure DevOps PATs, base32 tokens
      const lowerRandom =
        /^[a-z0-9]{24,}$/.test(token) &&
        /[g-z]/.test(token) &&
        (token.match(/\d+/g)?.length ?? 0) >= 4 &&
        entropy(token) >= 4;
      const hex = isLongHex(token.replace(/^0x/i, ""), 16);
      if (!hex && !mixedLetters && !lowerRandom && !looksRandom(token, 16)) continue;
      // … and only right after a credential word (up to 80 characters before it)
      const before = text.slice(Math.max(0, t.index - 80), t.index);
      const cue = [...before.matchAll(KEY_WORD)].at(-1);
      if (!cue) continue;
      if (/ssh-(?:rsa|ed25519|dss)|ecdsa-sha2/.test(before.slice(cue.index))) continue;
      if (
        hex &&
        /hash|checksum|sha|md5|thumbprint|fingerprint|commit|serial|guid|object id|\bid\b/i.test(before)
      )
        continue;
      found.push({ kind: "secret", start: t.index, end: t.index + token.length, byShape: true });
    }
  },

  // base64 that decodes to private key material (a PFX, a DER or OpenSSH key pasted without its PEM
  // armour); other blobs (mail bodies, images, certificates, DKIM signatures) are not secrets by shape
  (text, found) => {
    if (!hasRun(text, 60)) return;
    for (const t of text.matchAll(/(?<![\w/+])[A-Za-z0-9+/]{60,}={0,2}(?![\w/+])/g))
      if (isPrivateKeyMaterial(t[0]))
        found.push({ kind: "private_key", start: t.index, end: t.index + t[0].length });
  },
];
