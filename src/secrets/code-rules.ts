import { guarded, pattern, type Rule, type SecretSpan, valueAfter } from "./rule-kit.ts";

/**
 * Codes: lists of backup codes, a bare "code is 482913", codes read out from
 * an authenticator ("Authy says 058316"), codes typed in groups ("enter 90 41
 * 77"), and door or gate codes said without the word "code".
 */

/** Codes that are not secrets: error, status, zip, product… codes. */
export const NOT_SECRET_CODE =
  "error|status|exit|http|response|return|result|zip|postal|area|country|product|event|reason|stop|bug|sku|source|qr|bar|colou?r|hex|sort|swift|routing|tax|order|reference|ref|tracking|dial|station|promo|discount|coupon|voucher|class|course|cost|billing|account|project|fault|trouble|diagnostic|dtc|sql|iso|language|currency|airport|ticket|the|this|that|our|my|your|source|sample|example|qr";

/** Apps and words that show a one-time code. */
const AUTHENTICATOR =
  /\b(?:authenticator|authy|okta(?:\s+verify)?|duo|google\s+auth|ms\s+auth|microsoft\s+auth|totp|otp|mfa|2fa|sms|texted|text(?:ed)?\s+(?:me|her|him)|verification|verify|one-time)\b/i;

/** The names of lists of one-time codes ("backup codes", "bypass codes", "github-recovery-codes.txt"). */
const CODE_LIST_LABEL =
  /\b(?:backup|recovery|bypass|scratch|emergency|mfa|2fa|one[- ]time|single[- ]use|authenticator|verification)[\s_-]+codes?\b/gi;
/** One code of a list: letters and digits, maybe dashed ("c1297-5fd55"), with at least one digit. */
const CODE_TOKEN = /^[A-Za-z0-9]{2,12}(?:-[A-Za-z0-9]{2,12}){0,3}$/;
/** What may stand between codes: numbering ("1.", "2)"), bullets, commas. */
const LIST_FILLER = /^(?:\d{1,2}[.)]|[-*•–]|[,;/|])$/;
const MAX_CODES = 32;

/**
 * The codes of a list starting at `from`: tokens that look like codes, over
 * commas, spaces, numbering and line breaks, until the first word that is
 * not one. Codes on one line make one span ("5068 6888").
 */
function codeList(text: string, from: number): SecretSpan[] {
  const spans: SecretSpan[] = [];
  let codes = 0;
  let digits = 0;
  for (const t of text.slice(from, from + 1200).matchAll(/[^\s,;]+|\n/g)) {
    const token = t[0];
    if (token === "\n" || LIST_FILLER.test(token)) continue;
    // a code has a digit, or is printed in capitals ("HXSJ P6ZH D6Q7"); a word ends the list
    const codeLike = CODE_TOKEN.test(token) && (/\d/.test(token) || /^[A-Z0-9-]+$/.test(token));
    if (!codeLike || token.replace(/-/g, "").length < 4 || ++codes > MAX_CODES) break;
    digits += token.replace(/\D/g, "").length;
    const start = from + t.index;
    const last = spans.at(-1);
    if (last && !/[\n]/.test(text.slice(last.end, start)) && /^[\s,;]*$/.test(text.slice(last.end, start)))
      last.end = start + token.length;
    else spans.push({ kind: "access_code", start, end: start + token.length });
  }
  return codes >= 2 && digits >= 4 ? spans : [];
}

export const CODE_RULES: Rule[] = [
  // lists of backup codes, inline or one a line: "Duo bypass codes for mike.t (valid 24h): 293912024, …",
  // "github-recovery-codes.txt (acme-it-bot):" followed by a code on each line, numbered or not
  guarded(/codes?\b/i, (text, found) => {
    for (const m of text.matchAll(CODE_LIST_LABEL)) {
      const labelEnd = m.index + m[0].length;
      const lineEnd = text.indexOf("\n", labelEnd) === -1 ? text.length : text.indexOf("\n", labelEnd);
      const colon = text.slice(labelEnd, lineEnd).search(/[:=]|->/);
      const from = colon === -1 ? labelEnd : labelEnd + colon + 1;
      found.push(...codeList(text, from));
    }
  }),
  // "code is 482913", "alarm panel code 8 2 3 9" (never error, status, exit or zip codes)
  valueAfter(
    "access_code",
    /code/i,
    new RegExp(String.raw`(?<!\b(?:${NOT_SECRET_CODE})\s)\bcode(?:\s*(?:is|was|:|=|→|->|=>)\s*|\s+)`, "gi"),
    true,
    (v) => /^\d{4,8}#?$/.test(v) || /^\d{1,4}(?:[ -]\d{1,4}){1,5}#?$/.test(v),
  ),
  // a code read out from an authenticator: "Authy says 058316", "MS Authenticator is showing 615204"
  guarded(AUTHENTICATOR, (text, found) => {
    const re = /(?<![\w#.:/-])(?<v>\d{6,8}|\d{3}[ -]\d{3}|\d(?: \d){5,7})(?![\w.:/-])/g;
    for (const m of text.matchAll(re)) {
      const before = text.slice(Math.max(0, m.index - 16), m.index);
      // The app or word that shows the code is on the number's line or the line before ("Validation 118345" in
      // one line of a note, "jess for her login + mfa" two lines down, is no code).
      const from = text.lastIndexOf("\n", text.lastIndexOf("\n", m.index) - 1) + 1;
      const to = text.indexOf("\n", m.index);
      if (!AUTHENTICATOR.test(text.slice(from, to === -1 ? undefined : to))) continue;
      if (
        /(?:ticket|case|order|po|invoice|ext|extension|phone|tel|event|id|kb|build|version|serial|#|no\.?|number|acct|account|failure|error|err|status|aadsts)\s*$/i.test(
          before,
        ) ||
        // the end of a longer number: "+44 7700 900412"
        /\d[\s-]$/.test(before)
      )
        continue;
      found.push({ kind: "access_code", start: m.index, end: m.index + m[0].length });
    }
  }),
  // "enter 90 41 77 when the authenticator asks"
  pattern(
    "access_code",
    /authenticator|approve|mfa|2fa|otp|verify|code/i,
    /\b(?:enter|type|use|punch\s+in|key\s+in)\s+(?<v>\d{2,4}(?:[ -]\d{2,4}){1,3})\b/gi,
  ),
  // door and gate codes said without "code": "front door 6262", "gate takes *2204", "safe opens with 17-33-08"
  pattern(
    "pin",
    /door|gate|keypad|alarm|lockbox|safe|t[üu]r|tor\b|porte|puerta|portail/i,
    /\b(?:door|gate|keypad|alarm|alarmanlage|lockbox|safe|t[üu]r|tor|alarme|porte|portail|puerta|alarma)\b(?:\s+[\w/-]+){0,4}?\s+(?:is|takes|opens\s+with|(?:arm|disarm|set|unset)s?\s+with|mit|with|avec|con|code|combo|=|:)?\s*(?<v>[*#]?\d{4,8}#?|\d{1,2}(?:-\d{1,2}){2,3})(?![\w-]|\.\d)/gi,
  ),
];
