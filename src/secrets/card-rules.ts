import type { Rule, SecretSpan } from "./rule-kit.ts";

/**
 * Payment cards: a card number (13 to 19 digits, plain or grouped by spaces
 * or dashes, with a card brand's prefix and a valid Luhn check digit) where
 * the message talks about a card or an expiry date follows it, and the
 * expiry date and security code (CVV, CVC, CID) written next to it.
 */

/** Words that say a number is a card's. */
const CARD_TALK =
  /\b(?:cards?|credit|debit|visa|master\s?card|amex|american\s+express|discover|diners|jcb|union\s?pay|maestro|cvv2?|cvc2?|cvn2?|cid|csc|pan|exp(?:iry|ires|iration)?|valid\s+thru|good\s+thru|cardholder|kreditkarte|karte|tarjeta|carte|cart[ãa]o|carta|kaart|karta)\b/i;

/** A number the writer calls a test card's. */
const TEST_CARD = /\b(?:test|sandbox|dummy)\s+(?:card|number|pan|visa|mastercard|amex)\b\D{0,12}$/i;

const CANDIDATE = /(?<![\w.,/-])\d(?:[ -]?\d){11,18}(?![\w-]|[.,/]\d)/g;

const MONTH = "(?:0[1-9]|1[0-2])";
/** 09/27, 11/2026, 0428, 2027-08, 10 / 27 */
const DATE = String.raw`(?:${MONTH}\s?[/-]\s?(?:20)?\d{2}(?![\d/])|${MONTH}(?:20)?\d{2}(?!\d)|20\d{2}[-/]${MONTH}(?!\d))`;
const EXPIRY_LABEL = String.raw`(?:exp(?:iry|ires|iration)?(?:\s+date)?\.?|valid\s+(?:thru|through|until|to)|good\s+(?:thru|through)|g[üu]ltig\s+bis|ablauf(?:datum)?|vence|caducidad|date\s+d'expiration|scadenza|validade|vervaldatum)`;
const CODE_LABEL = String.raw`(?:cvv2?|cvc2?|cvn2?|cid|csc|cav2|security\s+code|sec(?:urity)?\.?\s+code|card\s+code|verification\s+(?:code|value)|pr[üu]fziffer|kartenpr[üu]fnummer|c[óo]digo\s+de\s+seguridad|cryptogramme|(?:\d|three|four)\s+digits\s+on\s+the\s+back(?:\s+(?:are|is))?)`;

const LABELLED_EXPIRY = new RegExp(String.raw`\b${EXPIRY_LABEL}\s*[:=]?\s*(?<v>${DATE})`, "gi");
const LABELLED_CODE = new RegExp(String.raw`(?<![\w-])${CODE_LABEL}\s*[:=]?\s*(?<v>\d{3,4})(?![\d/])`, "gi");
/** Right after the number: " 12/34", " / 10/27", ", 11/2026" */
const NEXT_DATE = new RegExp(String.raw`^\s*[,/|;]?\s*(?<v>${DATE})`);
/** Right after the expiry: " 567", " / 284" */
const NEXT_CODE = /^\s*[,/|;]?\s*(?<v>\d{3,4})(?![\d/:.])/;

/** How far after a card number its expiry and code may stand (a few short lines of a form). */
const WINDOW = 160;

/** Whether the digits pass the Luhn check. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Whether the digits start like a card brand's numbers of that length (Visa, Mastercard, Amex, …). */
function brandFits(digits: string): boolean {
  const n = digits.length;
  const p2 = Number(digits.slice(0, 2));
  const p3 = Number(digits.slice(0, 3));
  const p4 = Number(digits.slice(0, 4));
  if (digits[0] === "4") return n === 13 || n === 16 || n === 19; // Visa
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return n === 16; // Mastercard
  if (p2 === 34 || p2 === 37) return n === 15; // American Express
  if ((p3 >= 300 && p3 <= 305) || p2 === 36 || p2 === 38 || p2 === 39) return n >= 14 && n <= 19; // Diners
  if (p4 >= 3528 && p4 <= 3589) return n >= 16 && n <= 19; // JCB
  if (p4 === 6011 || p2 === 65 || (p3 >= 644 && p3 <= 649) || p2 === 62) return n >= 16 && n <= 19; // Discover, UnionPay
  if (p2 === 50 || (p2 >= 56 && p2 <= 69)) return n >= 12 && n <= 19; // Maestro
  return false;
}

/** Grouped as cards are printed: one run, or groups of three to six digits with one kind of separator. */
function groupedLikeACard(written: string): boolean {
  const groups = written.split(/[ -]/);
  if (groups.length === 1) return true;
  if (groups.length > 5 || new Set(written.match(/[ -]/g)).size > 1) return false;
  return groups.every((g) => g.length >= 3 && g.length <= 6);
}

export const CARD_RULES: Rule[] = [
  (text: string, found: SecretSpan[]) => {
    if (!/\d{4}/.test(text) && !/\d{3,4}[ -]\d{4}/.test(text)) return;
    let talk: boolean | undefined;
    for (const m of text.matchAll(CANDIDATE)) {
      const written = m[0];
      const digits = written.replace(/[ -]/g, "");
      if (digits.length < 13 || !groupedLikeACard(written) || !brandFits(digits) || !luhnValid(digits))
        continue;
      const end = m.index + written.length;
      const after = text.slice(end, end + WINDOW);
      const date = NEXT_DATE.exec(after);
      talk ??= CARD_TALK.test(text);
      if (!talk && !date) continue;
      // "the test card 4242 4242 4242 4242": named a test number, with no expiry given for it
      if (!date && TEST_CARD.test(text.slice(Math.max(0, m.index - 32), m.index))) continue;
      found.push({ kind: "payment_card", start: m.index, end });
      let codeFrom = end;
      if (date) {
        const at = end + date.index + date[0].length - date.groups!.v!.length;
        found.push({ kind: "payment_card", start: at, end: at + date.groups!.v!.length });
        codeFrom = at + date.groups!.v!.length;
        const code = NEXT_CODE.exec(text.slice(codeFrom, codeFrom + 16));
        if (code) {
          const c = codeFrom + code[0].length - code.groups!.v!.length;
          found.push({ kind: "payment_card", start: c, end: c + code.groups!.v!.length });
        }
      }
      for (const re of [LABELLED_EXPIRY, LABELLED_CODE])
        for (const v of after.matchAll(re)) {
          const at = end + v.index + v[0].length - v.groups!.v!.length;
          found.push({ kind: "payment_card", start: at, end: at + v.groups!.v!.length });
        }
    }
  },
];
