import { guarded, insideUrlOrPath, pattern, type Rule, slotValue, valueAfter } from "./rule-kit.ts";
import { isHostName, looksSecret, looksTechnical, readValue } from "./values.ts";

/**
 * Secrets told in a sentence without a label right before them: "set
 * Bluebird#2024 as her new password", "X is the new one for svc_veeam",
 * "creds for the NAS are admin / Hunter2!", "logged in as svc_backup / …".
 */

const USERISH = String.raw`(?:[A-Za-z][\w.$-]*\\)?[A-Za-z_][\w.@$-]{1,63}`;
/** Words after which "user / password" or "user with password" follows. */
const PAIR_CONTEXT = String.raw`(?:creds?|credentials?|log(?:ged)?[ -]?in(?:\s+(?:as|with|using))?|logon|sign(?:ed)?[ -]?in(?:\s+(?:as|with|using))?|username(?:\s*(?:\/|and|&)\s*password)?|user(?:\s*(?:\/|and|&)\s*pass(?:word)?)|account|acct|auth(?:enticate|enticated)?\s+(?:as|with)|use|using|try|tried|with|via|runas|run\s+as|as|ssid)`;

const PAIR = new RegExp(
  String.raw`(?<![\w-])${PAIR_CONTEXT}(?![\w-])(?:\s+(?:for|to|on)\s+(?:the\s+)?[\w.@-]+(?![\w.@-]))?(?:\s+(?:is|are|was|were|=|:))?\s*[:=]?\s*["'\`]?(?<![\w.@$-])(${USERISH})["'\`]?(?:\s*\/\s*pass(?:word)?\s+|\s*(?:\/|:|\|)|\s+(?:with|using|and\s+(?:pw|password|pass))\s+)\s*(?!\/)`,
  "gi",
);

/** Words after "sign-in", "login", "account" that name a thing about it, never a user: "sign-in logs: …". */
const NOT_A_USER =
  /^(?:logs?|history|attempts?|events?|errors?|failures?|activity|page|screen|prompt|report|details|issues?|problems?|box|window|settings|status|type|policy|method|methods|flow|loop|time|times|audit)$/i;

/** Inside a long base64 run (a key or certificate line): its "/" does not split a user from a password. */
function insideBlob(text: string, index: number): boolean {
  const start = Math.max(text.lastIndexOf(" ", index), text.lastIndexOf("\n", index)) + 1;
  const token = /^[^\s"',]*/.exec(text.slice(start))![0];
  return token.length >= 40 && /^[A-Za-z0-9+/=\\]+$/.test(token);
}

export const PROSE_RULES: Rule[] = [
  // "set Bluebird#2024 as her new password", "try 'Rv8%nT2q!' as the password"
  guarded(/\bas\b/i, (text, found) => {
    const re =
      /\b(?:set|use|used|using|try|tried|made|make|chose|picked|typed|entered|gave\s+(?:her|him|them|the\s+user)|give\s+(?:her|him|them)|assigned|put)\s+(\S+)\s+as\s+(?:the|her|his|their|a|an|our|my|its)?\s*(?:new\s+|temp(?:orary)?\s+|initial\s+|one-time\s+)?(?:password|pw|pwd|passphrase|passcode|pin)\b/gi;
    for (const m of text.matchAll(re)) {
      const v = readValue(text, m.index + m[0].indexOf(m[1]!, m[0].indexOf(" ")), false);
      if (v) found.push({ kind: "password", start: v.start, end: v.end });
    }
  }),
  // "Gx7#Wm2!qLp9 is the new one for svc_veeam", "X is her new password"; never a host ("OS-LT11 is the one dave
  // set up for her"): a name in capitals with dashes is "the one" only as a new, temp or current one.
  pattern(
    "password",
    /\bis\s+(?:the|her|his|their|our|my)\b/i,
    /(?<![\w#$-])(?![A-Z0-9]+(?:-[A-Z0-9]+)+\s+is\s+(?:the|her|his|their|our|my)\s+one\b)(?<v>[^\s'"`]{6,40})\s+is\s+(?:the|her|his|their|our|my)\s+(?:new\s+|temp(?:orary)?\s+|current\s+)?(?:one|password|pw|pwd|passphrase|pin)\b/gi,
    (v) => looksSecret(v) && /\d/.test(v) && /[^\w]|[A-Z]/.test(v),
  ),
  // "old password was Summer2019 and the new one is Autumn#2024", "at the pw prompt typed Lk4@pW9xE3"
  valueAfter(
    "password",
    /pass|pw|pwd|creds?/i,
    /\b(?:(?:new|old|current|temp(?:orary)?)\s+one\s+(?:is|was|:)|(?:typed|entered|pasted|keyed\s+in|used)(?:\s+in)?)\s+/gi,
    false,
    (v) => /\d/.test(v) || /[^\w]/.test(v),
  ),

  // user / pass and user:pass pairs after a credential word or verb
  guarded(/[/:|]|\bwith\b/, (text, found) => {
    for (const m of text.matchAll(PAIR)) {
      const after = m.index + m[0].length;
      // "sign-in logs: loads of failures": what the credential word describes, not a user name.
      if (NOT_A_USER.test(m[1]!)) continue;
      if (insideUrlOrPath(text, after) || /"\s*:\s*"?$/.test(text.slice(Math.max(0, after - 6), after)))
        continue;
      // "SSID: ACME-Office / WPA2 key: …": a word that qualifies the next label is not its value
      if (/^\s*\S+\s+(?:key|pass\w*|pw|pwd|psk|secret|code|pin)\s*[:=]/i.test(text.slice(after, after + 40)))
        continue;
      // After a credential word and "/" or ":" the second part sits in the password's slot: any non-prose
      // word is it. Joined by "with" ("login fails with 0xC000006D") it must look like a password.
      const slash = !/\s(?:with|using|and\s+\S+)\s+$/i.test(m[0]);
      const credWord = slash && /^(?:creds?|credentials?|log|sign|user|account|acct|ssid)/i.test(m[0]);
      const v = credWord
        ? slotValue(text, m.index + m[0].length)
        : readValue(text, m.index + m[0].length, false);
      // "fails with net::ERR_…": after a verb the second part must look like a password, not an identifier.
      if (v && !credWord && (!/\d/.test(v.value) || !/[a-z]/i.test(v.value) || /^:/.test(v.value))) continue;
      if (v && !/^\d{1,5}$/.test(v.value))
        found.push({ kind: /^ssid/i.test(m[0]) ? "wifi_key" : "password", start: v.start, end: v.end });
    }
  }),

  // "admin / Hunter2!" or "jsmith:Winter2024!" anywhere, when the second part is clearly a password
  guarded(/[/:]/, (text, found) => {
    const re =
      /(?<![\w/\\.:@#~-])(?:[A-Za-z][\w.$-]*\\)?[A-Za-z_][\w.@$-]{1,40}(?: \/ |\/|:)(?<v>(?=[^\s/]*\d)(?=[^\s/]*[A-Za-z])(?=[^\s/]*(?:[^\w\s/]|[a-z][^\s/]*[A-Z]|[A-Z][^\s/]*[a-z]))[^\s/:,;'"()<>]{6,64})(?![\w/\\])/g;
    for (const m of text.matchAll(re)) {
      const v = m.groups!.v!;
      if (
        insideUrlOrPath(text, m.index) ||
        !/[a-z]/.test(v) ||
        isHostName(v) ||
        isHostName(v.replace(/[.,;:!?]+$/, "")) ||
        looksTechnical(v) ||
        insideBlob(text, m.index)
      )
        continue;
      // "-U CORP/jdoe%Jd0e!Smb": a command's user flag, read by the command rules
      if (/(?:^|\s)-[uU]\s+\S*$/.test(text.slice(Math.max(0, m.index - 40), m.index + 1))) continue;
      if (!(/[^\w]/.test(v.replace(/[.!?]$/, "")) || (/[A-Z]/.test(v) && /[a-z]/.test(v)))) continue;
      const start = m.index + m[0].lastIndexOf(v);
      found.push({ kind: "password", start, end: start + v.length });
    }
  }),
];
