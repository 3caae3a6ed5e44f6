import { guarded, pattern, type Rule, valueAfter } from "./rule-kit.ts";

/**
 * Codes: lists of backup codes, a bare "code is 482913", codes read out from
 * an authenticator ("Authy says 058316"), codes typed in groups ("enter 90 41
 * 77"), and door or gate codes said without the word "code".
 */

/** Codes that are not secrets: error, status, zip, product… codes. */
const NOT_SECRET_CODE =
  "error|status|exit|http|response|return|result|zip|postal|area|country|product|event|reason|stop|bug|sku|source|qr|bar|colou?r|hex|sort|swift|routing|tax|order|reference|ref|tracking|dial|station|promo|discount|coupon|voucher|class|course|cost|billing|account|project|fault|trouble|diagnostic|dtc|sql|iso|language|currency|airport|ticket|the|this|that|our|my|your|source|sample|example|qr";

/** Apps and words that show a one-time code. */
const AUTHENTICATOR =
  /\b(?:authenticator|authy|okta(?:\s+verify)?|duo|google\s+auth|ms\s+auth|microsoft\s+auth|totp|otp|mfa|2fa|sms|texted|text(?:ed)?\s+(?:me|her|him)|verification|verify|one-time)\b/i;

export const CODE_RULES: Rule[] = [
  // lists of backup codes
  guarded(/codes?\b/i, (text, found) => {
    const list =
      /\b(?:backup|recovery|scratch|emergency|mfa|2fa)\s+codes?\b[^:\n]{0,40}[:=-]\s*(?<v>(?:[A-Za-z0-9]{4,10}(?:[- ][A-Za-z0-9]{4,10})?[\s,;/]+){1,11}[A-Za-z0-9]{4,10}(?:[- ][A-Za-z0-9]{4,10})?)/gi;
    for (const m of text.matchAll(list)) {
      const v = m.groups!.v!;
      if ((v.match(/\d/g)?.length ?? 0) < 4) continue;
      const start = m.index + m[0].lastIndexOf(v);
      found.push({ kind: "access_code", start, end: start + v.length });
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
      if (
        /(?:ticket|case|order|po|invoice|ext|extension|phone|tel|event|id|kb|build|version|serial|#|no\.?|number|acct|account)\s*$/i.test(
          before,
        )
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
    /door|gate|keypad|alarm|lockbox|safe/i,
    /\b(?:door|gate|keypad|alarm|lockbox|safe)\b(?:\s+[\w-]+){0,4}?\s+(?:is|takes|opens\s+with|code|combo|=|:)?\s*(?<v>[*#]?\d{4,8}#?|\d{1,2}(?:-\d{1,2}){2,3})(?![\w-]|\.\d)/gi,
  ),
];
