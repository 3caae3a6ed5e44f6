import type { Wait } from "../../../account/session-account.ts";
import { ADDRESSING } from "../../../account/to-client.ts";
import { asListItem, capitalize } from "../../../context/sentences.ts";
import { endSentence } from "../format.ts";
import { declinesStep } from "./line-grammar.ts";
import type { NoteLine } from "./note-lines.ts";
import { type KnownNames, waitOwner, waitWhat } from "./wait-owner.ts";

const BY: Partial<Record<NonNullable<NoteLine["actor"]>, string>> = {
  client: "by the client",
  vendor: "by the vendor",
  colleague: "by a colleague",
};

/** "Next: diff the attributes" under Next steps says "Next" twice. */
const PLAN_LABEL = /^(?:next(?: steps?| up)?|then|plan(?: for \w+)?|todo|to do|follow-? ?ups?)\s*[:\-—–]\s*/i;

/** The closing quote of words quoted on an earlier line ("… within about an hour.'"): nothing opens it here. */
const STRAY_CLOSING_QUOTE = /(?<=[.!?])['"’”]\s*$/;
const OPENING_QUOTE = /(?:^|[\s:(])['"‘“]/;

/** A statement as a list item, whole: only its closing punctuation and a quote closed from an earlier line go. */
export function itemText(text: string): string {
  const own = OPENING_QUOTE.test(text) ? text : text.replace(STRAY_CLOSING_QUOTE, "");
  return asListItem(own).trim();
}

/** Two statements as one line: "Maintenance already runs at 2am. Not it". */
export function joinSentences(first: string, second: string): string {
  const a = itemText(first);
  return `${/[.!?]['"’”)]?$/.test(a) ? a : `${a}.`} ${capitalize(second.trim())}`;
}

// "Thanks Sofia, padlock's back on my phone": the thanks before what the line says.
const THANKS = /^\W*(?:thanks|thank you|cheers|ta)\b[^,:;.!?]{0,30}?[,!:]\s*(?=\S)/i;

/** A line addressed to the client keeps its content, not its greeting ("Hi Gus, the server's …"), nor a thanks. */
export function withoutGreeting(text: string): string {
  // A quote that opens on the greeting ("'Hi Josephine, …'") is kept whole: it is the message as sent.
  const rest = /^\p{L}/u.test(text) ? text.replace(ADDRESSING, "").replace(THANKS, "") : text;
  return rest === text || !rest ? text : capitalize(rest);
}

/** Words written to the client ("your laptop's main board …", "we've found …"), not to the next technician. */
const CLIENT_VOICE = /\b(?:your|you|we'?ve|we have|we'?re|we are)\b/i;

/** The cause as the notes state it: in the client's words it says so, as those are not a technical account. */
export function causeText(cause: { text: string }): string {
  const text = withoutGreeting(cause.text);
  return CLIENT_VOICE.test(text) ? `as told to the client: ${text}` : text;
}

/** One line as the notes say it: whole, with who did it when not the engineer, and the client's words marked. */
// Chat that tells the next technician nothing, at the end of a line: "lol", ":eyes:", "🙃", "??".
const TRAILING_CHAT =
  /(?:\s*(?:\b(?:lol|lmao|haha|ugh|obvs|tbh|smh|fml)\b|:[a-z_+-]+:|(?:\p{Extended_Pictographic}|\u{FE0F}|\u{200D})+|\?{2,}|!{2,}))+\s*$/iu;

// Chat that opens a line and tells the next technician nothing: "Yep, ", "Ok so ", "Hmm, ", "ffs ".
// A bullet stands alone, so the "but" or "and" that tied it to the line before goes too.
const LEADING_CHAT =
  /^(?:(?:ok(?:ay)?|so|hm+|ah+|oh|ugh|ffs|lol|well|yeah|yep|yup|right|alright|cool|nice|great|but|and)(?:[\s,!:;—–-]+|\.{2,}\s*|\.\s+)(?=\S))+/i;

export function lineText(line: NoteLine): string {
  const opened = line.text.replace(LEADING_CHAT, "");
  const chatless = opened && opened !== line.text ? capitalize(opened) : line.text;
  const own = withoutGreeting(chatless).replace(TRAILING_CHAT, "") || line.text;
  const text = itemText(line.kind === "planned" ? capitalize(own.replace(PLAN_LABEL, "")) : own);
  const by = line.actor ? BY[line.actor] : undefined;
  const said = line.author === "client" ? `Client: ${text}` : text;
  return by ? `${said} (${by})` : said;
}

export function bullets(lines: readonly NoteLine[]): string {
  return lines.map((l) => `- ${lineText(l)}`).join("\n");
}

/** The waits, each with who it is on: "Waiting on the client (Marisol): emailed her, …". */
export function waitBullets(lines: readonly NoteLine[], lead: string, known: KnownNames): string {
  return lines
    .map((l) => `- ${lead} ${waitOwner(l.wait!, known)}: ${waitText(l.text, l.wait!.who)}`)
    .join("\n");
}

export function waitText(text: string, who?: string): string {
  return itemText(capitalize(waitWhat(text, who).replace(PLAN_LABEL, "")));
}

// "nothing from sophos", "no reply yet": a silence, not what is asked.
const NO_NEWS = /^\W*(?:nothing|no)\s+(?:from|back|reply|answer|word|news)\b/i;

/** Words that say what is awaited, beyond who: "waiting on nick", "ticket -> waiting on vendor" say none. */
const saysWhat = (text: string, who?: string) =>
  waitWhat(text, who)
    .replace(/^\W*(?:ticket\s*(?:->|→|status)?\s*)?(?:still\s+|now\s+)?waiting\s+(?:on|for)\s+\S+/i, "")
    .split(/\s+/)
    .filter((w) => /\p{L}{3,}/u.test(w)).length >= 3;

/**
 * What the standing wait is for, in its own words; where those name only the party ("waiting on nick"), in the
 * words of the latest earlier wait on the same party that says more ("till nick decides on the seat").
 */
export function standingWaitText(wait: Wait, waits: readonly Wait[]): string {
  // A process's last reading ("Merge 79%") is what it waits for, however short.
  if (wait.on === "process" || saysWhat(wait.text, wait.who)) return waitText(wait.text, wait.who);
  const fuller = waits
    .filter(
      (w) =>
        w !== wait &&
        w.on === wait.on &&
        (!wait.who || !w.who || w.who === wait.who) &&
        w.at <= wait.at &&
        // "not flashing the bios til dell have been", "nothing from sophos": a step held back or a silence, not the ask.
        !declinesStep(w.text) &&
        !NO_NEWS.test(w.text) &&
        saysWhat(w.text, w.who),
    )
    .at(-1);
  return waitText((fuller ?? wait).text, (fuller ?? wait).who);
}

/** The reported problem as one paragraph of whole sentences. */
export function paragraph(lines: readonly NoteLine[]): string {
  return lines.map((l) => endSentence(capitalize(lineText(l)))).join(" ");
}

/** A product, host, code or acronym: "WinRE", "SQL01", "VPN". Chat names none. */
export const TECHNICAL_TERM = /\b(?:[A-Za-z]*[a-z][A-Z]\w*|[A-Za-z]+\d\w*|[A-Z]{2,}s?)\b/;
const TECHNICAL_TERMS = new RegExp(TECHNICAL_TERM.source, "g");

/** What a line tells the next technician: names of things, figures, quoted errors, and some length. */
export function weight(line: NoteLine): number {
  const terms = line.text.match(TECHNICAL_TERMS)?.length ?? 0;
  const words = line.text.split(/\s+/).length;
  return (
    Math.min(terms, 3) +
    (/\d/.test(line.text) ? 1 : 0) +
    (/['"‘“]/.test(line.text) ? 1 : 0) +
    Math.min(words / 12, 1)
  );
}

/**
 * Long sessions: the first lines frame the problem and stay; of the rest the
 * ones that say most, and the latest (where things stand), are kept, in the order they were said.
 */
export function capLines(lines: readonly NoteLine[], max: number, early = 2): NoteLine[] {
  if (lines.length <= max) return [...lines];
  const rest = lines
    .slice(early)
    .map((line, i, rest) => ({ line, i, weight: weight(line) + i / rest.length }))
    .sort((a, b) => b.weight - a.weight || b.i - a.i)
    .slice(0, max - early)
    .sort((a, b) => a.i - b.i)
    .map((r) => r.line);
  return [...lines.slice(0, early), ...rest];
}
