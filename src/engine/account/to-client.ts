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

/** "told deborah: 'Hi Deborah, …", "Claire emailed: '…'", "Sent: '…'", "told lewis: found why …": a line quoting words someone sent or said. */
const QUOTES =
  /^\W*(?:[\w'-]+\s+){0,3}?(?:(?:told|sent|messaged|emailed|texted|updated|wrote|replied|said|says|asked|called|rang|msg|message|reply)\b[^:'"‘“]{0,40}:\s*(?:['"‘“]|(?:hi|hello|dear)\s)|(?:told|messaged|texted|msg to|message to)\s+[A-Za-z][\w'-]*(?:\s+[A-Za-z][\w'-]*)?\s*:\s*(?=\S))/i;

export const quotesWords = (text: string): boolean => QUOTES.test(text);

/** "Maureen: 'Yes 7pm is fine …'": someone's words quoted as they came (not a label: "Error: '…'", "Bounce: '…'"). */
const QUOTED_REPLY =
  /^\W*(?!(?:note|notes|update|result|results|test|status|error|errors|log|logs|output|screenshot|event|events|bounce|ndr|message|reply|response|warning|alert|popup|prompt|banner|queue|subject|lasterror|says|said)\b)[a-z]+\s*:\s*['"‘“]/i;

export const quotesReply = (text: string): boolean => QUOTED_REPLY.test(text);

/** "Hi Paula, ", "Morning Sue - ": the greeting that opens words to someone. */
export const ADDRESSING =
  /^\W*(?:hi|hello|hey|dear|morning|afternoon|good (?:morning|afternoon))\b[^,:;.!?]{0,30}?(?:[,:!]|\s[-–—])\s*/i;

/** The words themselves: "told paula: 'Hi Paula, Sage stopped because …" is "Sage stopped because …". */
export function quotedContent(text: string): string {
  const reported = QUOTES.exec(text);
  if (!reported) return text.replace(ADDRESSING, "");
  return text
    .slice(reported[0].length)
    .replace(ADDRESSING, "")
    .replace(/['"’”]\W*$/, "");
}

/** Where a statement opens quoted words, and whether the quote runs on past it (no closing mark in `rest`). */
type Opening = { quoted: boolean; rest: string } | null;

/** Marks each statement that opens quoted words, and the rest of its message until the quote closes. */
function markQuoted(statements: readonly Said[], opens: (s: Said) => Opening): boolean[] {
  const out = statements.map(() => false);
  let open = false;
  let message = -1;
  statements.forEach((s, i) => {
    if (s.message !== message) {
      open = false;
      message = s.message;
    }
    const opening = opens(s);
    if (opening) {
      out[i] = true;
      open = opening.quoted && !CLOSING_QUOTE.test(opening.rest);
    } else if (open) {
      out[i] = true;
      if (CLOSING_QUOTE.test(s.text)) open = false;
    }
  });
  return out;
}

/** Marks the statements inside quoted words: the one that opens the quote, and the rest of its message until the quote closes. */
export function quotedWords(statements: readonly Said[]): boolean[] {
  return markQuoted(statements, (s) => {
    const m = QUOTES.exec(s.text);
    return m ? { quoted: true, rest: s.text.slice(m[0].length) } : null;
  });
}

/**
 * Marks the statements that are words to the client: a message the engineer
 * reports having sent ("sent Oksana: '…'") or drafts in the thread ("Hi
 * Keisha, …"), up to the closing quote. An ask there is an ask of the client.
 */
export function toClient(statements: readonly Said[], parties: SessionParties): boolean[] {
  return markQuoted(statements, (s) => {
    if (s.author !== "engineer") return null;
    const reported = REPORTED.exec(s.text);
    const greeting = GREETING.exec(s.text);
    const addressee = reported?.[1] ?? greeting?.[1];
    const toThem =
      addressee !== undefined &&
      !namesIn(addressee, parties).some((n) => parties.sideOf(n) !== "client") &&
      !/<[@#]/.test(addressee);
    if (!toThem) return null;
    return {
      quoted: Boolean(reported?.[2] || greeting),
      rest: reported ? s.text.slice(reported[0].length) : s.text,
    };
  });
}
