import type { Rule } from "./rule-kit.ts";
import { insideUrlOrPath } from "./rule-kit.ts";
import { entropy, isLongHex, isPlaceholder, looksRandom, looksTechnical } from "./values.ts";

/**
 * Secrets recognised by their shape: long random tokens and hex keys after
 * a credential word, long random tokens and base64 blobs anywhere, and
 * password-shaped words ("Harbor#Lights42", "Quartz-Meadow-19") in a message
 * that talks about credentials, wherever the engineer put them.
 */

/** A message about credentials (in the languages engineers mix in). */
const CREDENTIAL_TALK =
  /magic word|the usual|\bcombo\b|phrase|login info|access details|pass|\bpw\b|\bpwd\b|cred|log[ -]?in|logon|sign[ -]?in|\badmin\b|\broot\b|\bsa\b|reset|temp\b|vault|secret|\bkey\b|\bpin\b|account|\buser\b|laps|break-?glass|wi-?fi|psk|ssid|token|auth|kennwort|contrase|clave|\bmdp\b|wachtwoord|senha|l[öo]senord|has[łl]o|salasana|[şs]ifre|heslo|parola|changed it|went with|picked|typed|told (?:him|her|them) to use|\bit'?s\b/i;

/** Symbols that make a word a password rather than a name, a file or a version. */
const PASSWORD_SYMBOL = /[!@#$%^&*?~+=]|\p{Extended_Pictographic}/u;

/** A word shaped like a password: mixed letters and digits with a symbol, leetspeak, or Capitalized-words-and-digits. */
function passwordShaped(word: string, strongOnly: boolean): boolean {
  if (word.length < 6 || word.length > 64 || isPlaceholder(word) || looksTechnical(word)) return false;
  if (!/\p{L}/u.test(word) || !/\d/.test(word)) return false;
  if (/^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/.test(word)) return false; // e-mail
  if (/\//.test(word) || /^[a-z0-9._-]+@[a-z0-9._-]+$/.test(word)) return false; // paths, user@host
  const strong = PASSWORD_SYMBOL.test(word) && word.length >= 8;
  if (strong || strongOnly) return strong;
  if (word.length > 32) return false; // without a symbol, longer ones are keys or data, left to the token rules
  const leet = /\p{L}\d+\p{L}/u.test(word) && /\p{Lu}/u.test(word) && /\p{Ll}/u.test(word);
  // Biscuit2019, Orchard_Lane_7731, Hamster-Wheel-9
  const words = /^\p{Lu}\p{Ll}+(?:[-_.]?\p{Lu}?\p{Ll}+)*(?:[-_.]?\d{2,}|[-_.]\d)\W?$/u.test(word);
  // printed defaults in capitals and digits: 8NQ4ZK2P (three or more runs of digits)
  const printed =
    /^[A-Z0-9]{8,16}$/.test(word) &&
    (word.match(/\d+/g)?.length ?? 0) >= 3 &&
    /[A-Z].*[A-Z].*[A-Z]/.test(word);
  return PASSWORD_SYMBOL.test(word) || leet || words || printed;
}

/** Names of things (not credentials) that a password-shaped word may follow: "ssid MiFi-7730", "host ACC-APP01". */
const NAMED_BEFORE =
  /\b(?:ssid|host(?:name)?|server|vm|pc|laptop|desktop|computer|device|printer|model|sku|serial|asset|tag|build|version|kb|ticket|case|order|po|invoice|file|folder|share|site|domain|tenant|user(?:name)?|account|mailbox|group|ou|vlan|port|interface|policy|profile|rule|job|task|app|package|driver|firmware|bios|hotfix|update|patch|image|template|project|room|building|floor|suite|ext|id|key\s+id|object\s+id|guid|sku)\s*[:=#]?\s*$/i;

export const SHAPE_RULES: Rule[] = [
  // password-shaped words: anywhere when strong, in credential talk when weaker
  (text, found) => {
    if (!/\d/.test(text)) return;
    for (const m of text.matchAll(/(?<![\w@$%/\\:.-])[^\s"'`()<>,;]{6,}/g)) {
      // "Clinic2024!!" keeps its bangs; a sentence's full stop, comma or bracket is not the password's.
      const word = m[0].replace(/[.,;:?)\]]+$/, "");
      // The word itself does not make the talk ("Password123 is on the banned list").
      const talk = CREDENTIAL_TALK.test(text.slice(0, m.index) + text.slice(m.index + m[0].length));
      if (!passwordShaped(word, !talk)) continue;
      const before = text.slice(Math.max(0, m.index - 24), m.index);
      if (
        insideUrlOrPath(text, m.index) ||
        NAMED_BEFORE.test(before) ||
        /ssh-(?:rsa|ed25519|dss)\s+$/.test(before)
      )
        continue;
      found.push({ kind: "password", start: m.index, end: m.index + word.length, byShape: true });
    }
  },

  // long values right after a credential word: random tokens, and hex keys (not hashes or checksums)
  (text, found) => {
    if (!/[A-Za-z0-9+/=_~.-]{16,}/.test(text)) return;
    const context =
      /\b(?:key\d?|keys|token|tokens|secret|secrets|credential|credentials|creds?|password|passwd|pwd|passphrase|psk|api|auth|bearer|sas|signature|sig|apikey|access|private|cookie|session|challenge|hmac|skey|ikey|pat)\b/gi;
    for (const m of text.matchAll(context)) {
      const before = text.slice(Math.max(0, m.index - 24), m.index + m[0].length);
      // Tokens that start within 80 characters of the word, read to their end.
      const window = text.slice(m.index + m[0].length, m.index + m[0].length + 400);
      if (/ssh-(?:rsa|ed25519|dss)|ecdsa-sha2/.test(window.slice(0, 40))) continue;
      for (const t of window.matchAll(/[A-Za-z0-9+/_~.-][A-Za-z0-9+/=_~.-]{15,}/g)) {
        if (t.index > 80) break;
        const token = t[0].replace(/[.]+$/, "");
        // letters only, random case ("sAiPFzcpTFLUmJHLklWd"): a key when right after a key word
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
        const hex =
          isLongHex(token, 24) &&
          !/hash|checksum|sha|md5|thumbprint|fingerprint|commit|serial|guid|object id|\bid\b/i.test(
            before + window.slice(0, t.index),
          );
        if (!looksRandom(token, 16) && !hex && !mixedLetters && !lowerRandom) continue;
        const start = m.index + m[0].length + t.index;
        found.push({ kind: "secret", start, end: start + token.length, byShape: true });
      }
    }
  },

  // long random tokens and base64 blobs anywhere (not after ssh-ed25519: a public key)
  (text, found) => {
    if (!/[A-Za-z0-9+_~-]{32,}/.test(text)) return;
    for (const t of text.matchAll(/(?<![\w/\\.:%=-])[A-Za-z0-9+_~-]{32,}={0,2}(?![\w/\\%=-])/g)) {
      if (/ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-\S+\s*$/.test(text.slice(Math.max(0, t.index - 24), t.index)))
        continue;
      if (looksRandom(t[0], 32) && !/^[a-z]+(?:[-_][a-z0-9]+)+$/i.test(t[0]))
        found.push({ kind: "secret", start: t.index, end: t.index + t[0].length, byShape: true });
    }
    for (const t of text.matchAll(/(?<![\w/+])[A-Za-z0-9+/]{60,}={0,2}(?![\w/+])/g)) {
      if (/ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-\S+\s*$/.test(text.slice(Math.max(0, t.index - 24), t.index)))
        continue;
      if (looksRandom(t[0].replace(/[+/=]/g, ""), 32) && entropy(t[0]) >= 4.5)
        found.push({ kind: "secret", start: t.index, end: t.index + t[0].length, byShape: true });
    }
  },
];
