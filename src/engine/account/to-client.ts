import { namesIn, type SessionParties } from "./parties.ts";

interface Said {
  text: string;
  message: number;
  author: string;
}

// "sent Oksana: 'Hi Oksana, …", "told colm: the disk is replaced", "messaged tessa: '…'".
const REPORTED =
  /^\W*(?:\w+\s+){0,3}?(?:told|sent|messaged|emailed|texted|updated|wrote to|replied to|called|rang|whatsapp'?d)\s+(?:to\s+)?([^:'"‘“]{1,40}?)\s*(?::|—|–|\s-\s)\s*(['"‘“])?/i;
// "Hi Keisha, …", "pasted to client: Hi Gloria, …".
const GREETING = /^(?:[^:]{0,40}:\s*)?\W*(?:hi|hello|hey|dear|good (?:morning|afternoon))\s+([A-Z][\w'-]+)/i;
const CLOSING_QUOTE = /['"’”](?:\s|$)/;

/** "told deborah: 'Hi Deborah, …", "Claire emailed: '…'", "Sent: '…'": a line quoting words someone sent or said. */
const QUOTES =
  /^\W*(?:[\w'-]+\s+){0,3}?(?:told|sent|messaged|emailed|texted|updated|wrote|replied|said|says|asked|called|rang)\b[^:'"‘“]{0,40}:\s*['"‘“]/i;

export const quotesWords = (text: string): boolean => QUOTES.test(text);

const ADDRESSING =
  /^\W*(?:hi|hello|hey|dear|morning|afternoon|good (?:morning|afternoon))\b[^,:;.!?-]{0,30}(?:[,:!]|\s[-–—])\s*/i;

/** The words themselves: "told paula: 'Hi Paula, Sage stopped because …" is "Sage stopped because …". */
export function quotedContent(text: string): string {
  const reported = QUOTES.exec(text);
  if (!reported) return text.replace(ADDRESSING, "");
  return text
    .slice(reported[0].length)
    .replace(ADDRESSING, "")
    .replace(/['"’”]\W*$/, "");
}

/** Marks the statements inside quoted words: the one that opens the quote, and the rest of its message until the quote closes. */
export function quotedWords(statements: readonly Said[]): boolean[] {
  const out = statements.map(() => false);
  let open = false;
  let message = -1;
  statements.forEach((s, i) => {
    if (s.message !== message) {
      open = false;
      message = s.message;
    }
    const m = QUOTES.exec(s.text);
    if (m) {
      out[i] = true;
      open = !CLOSING_QUOTE.test(s.text.slice(m[0].length));
    } else if (open) {
      out[i] = true;
      if (CLOSING_QUOTE.test(s.text)) open = false;
    }
  });
  return out;
}

/**
 * Marks the statements that are words to the client: a message the engineer
 * reports having sent ("sent Oksana: '…'") or drafts in the thread ("Hi
 * Keisha, …"), up to the closing quote. An ask there is an ask of the client.
 */
export function toClient(statements: readonly Said[], parties: SessionParties): boolean[] {
  const out = statements.map(() => false);
  let open = false;
  let message = -1;
  statements.forEach((s, i) => {
    if (s.message !== message) {
      open = false;
      message = s.message;
    }
    if (s.author !== "engineer") return;
    const reported = REPORTED.exec(s.text);
    const greeting = GREETING.exec(s.text);
    const addressee = reported?.[1] ?? greeting?.[1];
    const toThem =
      addressee !== undefined &&
      !namesIn(addressee, parties).some((n) => parties.sideOf(n) !== "client") &&
      !/<[@#]/.test(addressee);
    if (toThem) {
      out[i] = true;
      const rest = reported ? s.text.slice(reported[0].length) : s.text;
      open = Boolean(reported?.[2] || greeting) && !CLOSING_QUOTE.test(rest);
      return;
    }
    if (open) {
      out[i] = true;
      if (CLOSING_QUOTE.test(s.text)) open = false;
    }
  });
  return out;
}
