import { NOT_SECRET_CODE } from "./code-rules.ts";
import type { SecretKind } from "./kinds.ts";
import { isProseWord } from "./prose-words.ts";
import { guarded, type Rule } from "./rule-kit.ts";
import { looksRandom, looksSecret, readValue } from "./values.ts";

/**
 * Values after the words that name them: "password for the NAS is …",
 * "PIN 4821", "door code: 7391", "TAP => 8hN$w2Qa", "Kennwort ist …".
 */

/** Words that introduce a value explicitly (longest first), in the languages engineers mix in. */
export const VERBS = [
  "was changed to",
  "were set to",
  "was set to",
  "is set to",
  "got set to",
  "changed to",
  "reset to",
  "set to",
  "is now",
  "is still",
  "it's",
  "it is",
  "its",
  "is",
  "was",
  "are",
  "were",
  "now",
  "lautet",
  "ist",
  "war",
  "était",
  "est",
  "es",
  "era",
  "é",
  "är",
  "jest",
  "è",
  "ficou",
  "fica",
  "says",
  "shows",
];
/** "PIN is now 918273", "Kennwort ist jetzt …": a word of time between the verb and the value. */
const THEN = String.raw`(?:(?:now|still|currently|literally|just|simply|basically|jetzt|ahora|maintenant|nu|agora|teraz|ora)\s+)?`;
const EXPLICIT = String.raw`(?:\s*(?:[:=→]|->|=>)\s*|\s+(?:${VERBS.join("|")})(?:\s*[:=])?\s+)${THEN}`;
/** A bare space on the same line (or "to": "reset her password to qwerty2024"): the value must look like a secret. */
const BARE = String.raw`[ \t]+(?:to[ \t]+)?`;
/**
 * What a label may carry before its value: whose it is and where it goes
 * ("password for the shared mailbox (accounts@)", "PIN I set for him").
 * Up to twelve words or bracketed asides ("(LastPass, jane.doe@contoso.com)"), never across a
 * sentence end, another separator, a variable or an unclosed bracket.
 */
const OWNER = String.raw`(?:[ \t]+(?!(?:${VERBS.join("|")})(?![\w']))(?:(?:Dr|Mr|Mrs|Ms|Prof|St|Jr|Sr)\.|\([^()\n]{0,80}\)|[^\s:=.;!?$→()"]+(?:\.[^\s:=.;!?$→()"]+)*)){0,12}?`;

interface LabelRule {
  kind: SecretKind;
  /** The kind for this text when it depends on the words around ("pre-shared key" of a VPN, not Wi-Fi). */
  kindIn?: (text: string) => SecretKind;
  /** A cheap test the text must pass before the rule's full patterns run. */
  hint: RegExp;
  /** The words that introduce the value (a regex source, no capture groups). */
  label: string;
  /** Words may stand between the label and an explicit separator (default true). */
  owner?: boolean;
  /** Also accept a value right after the label and a space ("pw Hunter2!"), if it looks like a secret. */
  bareValue?: boolean;
  /** Extra check on the value. */
  accept?: (value: string) => boolean;
  /** Whether the words matched as the label are one (checked after the match, cheaper than a lookahead). */
  labelOk?: (label: string) => boolean;
}

/** What follows a password word when the words name a thing about passwords, not one. */
const UI_THING =
  /^\S+\s+(?:box|prompt|field|dialog|window|title|manager|screen|page|pop-?up|policy|policies|expiry|expiration|age|history|complexity|length|rules?|requirements?|hash|writeback|spray|protection|store|vault|entries)\b/i;

const NOT_A_PIN_CODE = new RegExp(
  `^(?:${NOT_SECRET_CODE}|fehler|post|rabatt|gutschein|short|auth|unlock)[ -]?code`,
  "i",
);
const PIN_VALUE = (v: string) =>
  /^[*#]?\d{3,10}#?$/.test(v) || /^\d{1,4}(?:[- ]\d{1,4}){1,5}#?$/.test(v.replace(/#$/, ""));
const CODE_VALUE = (v: string) =>
  (v.length >= 8 && looksSecret(v) && /[A-Z]/.test(v) && /[a-z]/.test(v) && /[^\w]/.test(v)) || // a TAP: "+fXSnbEI"
  /^[*#]?\d{4,10}#?$/.test(v) ||
  /^\d{1,4}(?:[ -]\d{1,4}){1,5}#?$/.test(v) ||
  /^(?=.*\d)(?=.*[A-Za-z])[\w#*!@$%&?+=-]{6,48}$/.test(v);
const BASE32 = (v: string) => /^[A-Z2-7]{16,}=*$/i.test(v.replace(/[\s-]/g, "")) && /[2-7]/.test(v);
const WIFI_WORDS =
  /wi-?fi|wlan|wireless|ssid|wpa|guest\s+(?:network|key|pass\w*)|auto-?joins?|router|access\s+point|\bap\b|hotspot|mifi/i;

/** A WPA passphrase is 8 to 63 characters (a WEP key 10 or 26 hex digits): "gen2" in "cloud key gen2" or "5ghz" is none. */
const WIFI_KEY_LENGTH = (v: string) =>
  v.replace(/[.,;:!?)]+$/, "").length >= 8 || /^(?:[0-9a-f]{10}|[0-9a-f]{26})$/i.test(v);

const LABELS: LabelRule[] = [
  {
    kind: "wifi_key",
    kindIn: (text) => (WIFI_WORDS.test(text) ? "wifi_key" : "secret"),
    hint: /wi-?fi|wlan|wireless|ssid|network\s+(?:key|pass|security)|psk|wpa|pre-?shared|schl[üu]ssel|key\s+content/i,
    label: String.raw`(?:(?:wi-?fi|wlan|wireless|ssid|network)(?:[- ](?:schl[üu]ssel|wachtwoord|passwort|kennwort|senha|clave|contrase[ñn]a)|\s+(?:password|passwd|pass|pw|pwd|key|passphrase|psk|code|kennwort|passwort))|(?:password|passwort|kennwort|clave|contrase[ñn]a|mot\s+de\s+passe|wachtwoord|senha)\s+(?:du\s+|de\s+|del\s+|for\s+the\s+)?(?:wi-?fi|wlan)|pre-?shared\s+key|psk|wpa[23]?(?:-(?:psk|sae|personal))?\s+(?:key|passphrase|password|psk)|network\s+security\s+key|key\s+content|wi-?fi(?:\s+for\s+[^:=\n]{1,40}?)?(?=\s+(?:is|:)\s+["']))`,
    bareValue: true,
    accept: (v) => WIFI_KEY_LENGTH(v) && !/^wpa|^wep|^open$/i.test(v),
  },
  {
    // "ssid MiFi-7730, key a7f2c9d1": in a message about Wi-Fi, a bare key or pass is its key
    kind: "wifi_key",
    hint: WIFI_WORDS,
    // "error code 80180014" names an error, wherever Wi-Fi is mentioned
    label:
      "(?<!(?:error|exit|status|reason|result|return|response|event|stop|fault)\\s)(?:key|pass|passphrase|code)",
    bareValue: true,
    accept: (v) => WIFI_KEY_LENGTH(v) && looksSecret(v) && !/^wpa|^wep/i.test(v),
  },
  {
    kind: "access_code",
    hint: /code|\botp\b|\btap\b|\bpass(?:code)?\b|access\s+pass|authenticator|authy|\bduo\b/i,
    label: String.raw`(?:one[- ]?time\s+(?:code|passcode|password|pin)|otp(?:\s+code)?|(?:verification|verify|confirmation|security|auth(?:entication|enticator)?|log-?in|sign-?in|mfa|2fa|two-factor|sms|text(?:ed)?|setup|enrollment|activation|invite|bypass|one-time\s+bypass|emergency(?:\s+access)?|recovery|backup|scratch|rsa|duo|host|leader|moderator|participant)\s+codes?|code\s+de\s+v[ée]rification|c[óo]digo\s+de\s+verifica[cç][ãa]o|verifizierungscode|best[äa]tigungscode|tokencode|tap|temporary\s+access\s+pass(?:code)?|temp(?:orary)?\s+access\s+(?:code|pass)|access\s+pass)`,
    bareValue: true,
    accept: CODE_VALUE,
  },
  {
    kind: "pin",
    hint: /\bpin\b|\bpuk\b|passcode|codes?\b|\bcombo\b|combination|keypad/i,
    label: String.raw`(?:(?:[\w-]+[- ])?pin(?:\s+(?:code|number|no\.?))?|\p{L}{3,}[ -]?code|puk(?:\s+code)?|(?:screen\s+)?passcode|(?:door|alarm|gate|keypad|lockbox|lock\s+box|key\s*safe|safe|entry|building|garage|clicker|padlock|disarm|arm|unlock|suite|cage|rack|cabinet|access|copier|printer|release|panel)\s+(?:code|combo|combination|pin)|combination|combo|keypad|voicemail\s+(?:password|code))`,
    bareValue: true,
    accept: PIN_VALUE,
    // any "<word> code" (installer code, Zugangscode), never an error, status, zip… code
    labelOk: (label) => !NOT_A_PIN_CODE.test(label),
  },
  {
    kind: "totp_seed",
    hint: /totp|2fa|mfa|otp|authenticator|duo|seed|setup\s+key|secret\s+key|base32/i,
    label: String.raw`(?:(?:totp|2fa|mfa|otp|authenticator|google\s+authenticator|duo|time-?otp)(?:[- ](?:secret|seed|key))?(?:[- ](?:secret|seed|key|base32))*|(?:setup|secret)\s+key|seed|base32)`,
    bareValue: true,
    accept: BASE32,
  },
  {
    kind: "recovery_key",
    hint: /recovery|bitlocker|filevault/i,
    // "Recovery key ID (to identify your key): 7C1E9A52-…": the key's ID is shown on screen to find the key, not the key
    label: String.raw`(?:bitlocker\s+(?:recovery\s+)?(?:key|password)|recovery\s+(?:key|password)|filevault\s+(?:recovery\s+)?key|personal\s+recovery\s+key)(?!\s*(?:id|identifier)\b)`,
    bareValue: true,
    accept: (v) => /\d/.test(v) && v.replace(/[^A-Za-z0-9]/g, "").length >= 16 && !/^id$/i.test(v),
  },
  {
    kind: "api_key",
    hint: /key\b|key\d|token|secret/i,
    label: String.raw`(?:api[ _-]?key|apikey|api[ _-]?token|api[ _-]?secret|access[ _-]?key(?:[ _-]?id)?|secret[ _-]?access[ _-]?key|aws_secret_access_key|aws_access_key_id|subscription[ _-]?key|ocp-apim-subscription-key|app(?:lication)?[ _-]?key|(?:storage\s+)?account\s+key|routing\s+key|integration\s+key|rest\s+key|license\s+api\s+key|x-api-key|x-functions-key|x-auth-key|function\s+key|master\s+key|host\s+key|hmac\s+key|signing\s+key|key[12])`,
    bareValue: true,
    accept: (v) => v.length >= 10 && (/\d/.test(v) || looksRandom(v, 16) || /^[A-Za-z]{16,}$/.test(v)),
  },
  {
    kind: "token",
    hint: /token|\bpat\b|session|cookie|sessid|aspxauth|estsauth/i,
    label: String.raw`(?:(?:access|refresh|auth|bearer|session|id|api|bot|sas|security|registration|enrollment|join|install|personal\s+access|oauth|csrf|xsrf|push|device|upload|deploy|ci|runner)[ _-]?token|token|pat|personal\s+access\s+token|session[ _-]?(?:id|cookie)|cookie|jsessionid|phpsessid|asp\.net_sessionid|\.aspxauth|estsauth(?:persistent)?)`,
    bareValue: true,
    accept: (v) => v.length >= 12 && (/\d/.test(v) || looksRandom(v, 12) || /[._-]/.test(v)),
  },
  {
    kind: "secret",
    hint: /secret|password|key\b|community|challenge|\blaps\b|\bprivate\b/i,
    label: String.raw`(?:client[ _-]?secret(?:\s+value)?|shared[ _-]?secret|pre-shared-secret|radius\s+(?:shared\s+)?secret|app(?:lication)?[ _-]?(?:password|secret)|app-specific\s+password|signing[ _-]?secret|webhook[ _-]?secret|encryption[ _-]?key|secret[ _-]?(?:key|value)|secret|private\s+key\s+password|key\s+password|keystore\s+password|pfx\s+password|certificate\s+password|cert\s+password|unlock\s+key|decryption\s+key|(?:snmp\s+)?community(?:\s+string)?|(?:scep\s+|enrollment\s+)?challenge(?:\s+password)?|laps(?:\s+password)?|bios\s+password|private)`,
    bareValue: true,
    accept: (v) => v.length >= 6 && (looksSecret(v) || /^[a-z]{16}$/.test(v)),
  },
  {
    kind: "password",
    hint: /pass(?:word|wd|phrase)?s?\b|pasword|\bpw|pword|cred|kennwort|passwort|contrase|clave|\bmdp\b|wachtwoord|senha|l[öo]senord|has[łl]o|salasana|adgangskode|passord|[şs]ifre|heslo|parola|jelsz/i,
    label: String.raw`(?:passwords?|pasword|passwd|pwd|pw|pword|passphrase|pass\s+phrase|kennwort|passwort|contrase[ñn]a|clave|mot\s+de\s+passe|mdp|wachtwoord|senha|l[öo]senord(?:et)?|has[łl]o|salasana|adgangskode|passord|[şs]ifre|heslo|parola|jelsz[óo]|creds?|credentials?)`,
    bareValue: true,
    // "credential manager, new profile -> '…'", "the password box title says '…'": a thing about passwords
    labelOk: (label) => !UI_THING.test(label),
  },
  {
    // "pass: Qwerty778", "ADMIN pass (from the sticker) is KJTWQHZRAP" (never a bare space: "pass the ticket to tier 2")
    kind: "password",
    hint: /\bpass\b/i,
    // "spf=pass smtp.mailfrom=…": a verdict in mail headers, not a label
    label: "(?<![=])pass",
    // "dmarc all pass - so not spoofed, their mailbox is compromised": a verdict, then prose
    accept: (v) => !isProseWord(v) && !/^\p{Ll}+(?:ed|ing|ly)\W?$/u.test(v),
  },
  {
    // "the zip is protected with Payr0ll-Jun24", "encrypted with …": only a value that looks like a password
    kind: "password",
    hint: /protected|encrypted/i,
    label: String.raw`(?:password[- ])?protected\s+(?:with|by)|encrypted\s+with`,
    owner: false,
    bareValue: true,
    accept: looksSecret,
  },
  {
    // "passphrase is still X on the old NAS, the new one uses: Y"
    kind: "password",
    hint: /(?:pass|pw|pwd|kennwort|passwort)[\s\S]*\bone\b/i,
    label: String.raw`(?:new|old|current|other|second|first)\s+one(?:\s+uses)?`,
    owner: false,
    accept: (v) => looksSecret(v) || v.includes(" "),
  },
  {
    // the other names people give a password: "magic word", "the usual", "first half is …"
    kind: "password",
    hint: /magic|usual|half|phrase|login\s+info|access\s+details/i,
    label: String.raw`(?:magic\s+word|the\s+usual|(?:first|second|other|last)\s+half|login\s+info|access\s+details)`,
    accept: looksSecret, // "magic word for this client is patience" is not a password
  },
];

/** Words that say how a value is written, before a colon and the value: "all lowercase:", "case sensitive:". */
const HOW_WRITTEN =
  /^(?:(?:all|in|lower|upper|lowercase|uppercase|lower-case|upper-case|case|sensitive|caps|capitals|no|spaces|exactly|as|typed|written|shown|spelled|below|following)[ \t]+){0,3}(?:all|lowercase|uppercase|lower-case|upper-case|sensitive|caps|capitals|spaces|exactly|typed|written|shown|spelled|below|following)\s*[:=]\s*/i;

const PAIR_FOLLOWS = /^\s*[/:|](?!\/)/;

function labelRule(rule: LabelRule): Rule {
  const owner = rule.owner === false ? "" : OWNER;
  const explicit = new RegExp(String.raw`(?<![\p{L}\p{N}_-])(?:${rule.label})${owner}${EXPLICIT}`, "giu");
  const bare = rule.bareValue
    ? new RegExp(String.raw`(?<![\p{L}\p{N}_-])(?:${rule.label})${BARE}`, "giu")
    : null;
  return guarded(rule.hint, (text, found) => {
    const kind = rule.kindIn?.(text) ?? rule.kind;
    const take = (v: ReturnType<typeof readValue>) => {
      if (!v || (rule.accept && !rule.accept(v.value))) return;
      // "creds are admin / Hunter2!": the first word is the user name; the pair rule takes the password.
      if (rule.kind === "password" && PAIR_FOLLOWS.test(text.slice(v.end, v.end + 4))) return;
      found.push({ kind, start: v.start, end: v.end });
      // "codes: 184302 then 557019", "PIN 1234 and PUK 5678"
      for (let end = v.end; ; ) {
        const more = /^\s*(?:,|and|then|&|\/|or)\s*/.exec(text.slice(end));
        if (!more) break;
        const next = readValue(text, end + more[0].length, false);
        if (!next || !rule.accept?.(next.value)) break;
        found.push({ kind, start: next.start, end: next.end });
        end = next.end;
      }
    };
    for (const m of text.matchAll(explicit)) {
      if (rule.labelOk && !rule.labelOk(m[0])) continue;
      const at = m.index + m[0].length;
      // "wlan pw is all lowercase: bluebird42seaside": how it is written, then the value
      const aside = readValue(text, at, true) ? null : HOW_WRITTEN.exec(text.slice(at));
      take(readValue(text, aside ? at + aside[0].length : at, true));
    }
    if (!bare) return;
    for (const m of text.matchAll(bare))
      if (!rule.labelOk || rule.labelOk(m[0])) take(readValue(text, m.index + m[0].length, false));
  });
}

export const LABEL_RULES: Rule[] = LABELS.map(labelRule);

/** Labels a message may end with, its value to come in the next one: every label above, and a bare key or code. */
const ENDING_LABELS = LABELS.filter((rule) => rule.owner !== false).map((rule) => ({
  rule,
  re: new RegExp(
    String.raw`(?<![\p{L}\p{N}_-])(?:${rule.label})${OWNER}\s*(?:[:=?]|->|=>|\s(?:is|are|was|were|ist|est|es|é|è))?\s*[:?.!]*\s*$`,
    "iu",
  ),
}));
const ENDING_KEY = new RegExp(
  String.raw`(?<![\p{L}\p{N}_-])(?:keys?|secrets?|codes?)${OWNER}\s*(?:[:=]|->|=>|\sis)\s*$`,
  "iu",
);

/**
 * The kind of value a text's last line announces and leaves for the next
 * message ("temp password for jsmith:", "ok here's the KeePass passphrase",
 * "door code for the server room?"), and whether a list may follow
 * ("backup codes:"). Undefined when the text does not end with a label.
 */
export function labelAtEnd(text: string): { kind: SecretKind; list: boolean } | undefined {
  const last = text.trimEnd().split("\n").at(-1) ?? "";
  if (last.length > 200) return undefined;
  const list = /\b(?:codes|keys|passwords|pins)\b/i.test(last);
  for (const { rule, re } of ENDING_LABELS)
    if (rule.hint.test(last) && re.test(last)) return { kind: rule.kindIn?.(last) ?? rule.kind, list };
  return ENDING_KEY.test(last) ? { kind: "secret", list } : undefined;
}
