import type { Wait } from "../../../account/session-account.ts";

const PARTY: Record<Wait["on"], string> = {
  client: "the client",
  vendor: "the vendor",
  internal: "our team",
  process: "a process to finish",
};

/** Whom a wait can name besides the one the account read: the ticket's contact. */
export interface KnownNames {
  contact?: string;
}

/**
 * A name the account read in a wait, when it is one. The account sides only
 * names the thread uses as people or companies ("told renee", "Dell
 * ProSupport"), so a generic word is all that is left to drop.
 */
function personNamed(named: string | undefined, known: KnownNames): string | undefined {
  const who = named?.replace(/[^\p{L}\d&-]/gu, "");
  if (!who || who.length < 2) return undefined;
  const first = known.contact?.split(/\s+/)[0]?.toLowerCase();
  if (first && who.toLowerCase() === first) return who;
  // "till claires replies come in": the contact's name with a possessive s typed without its apostrophe.
  if (first && who.toLowerCase() === `${first}s`) return who.slice(0, -1);
  if (/^(?:client|customer|vendor|user|team|someone)$/i.test(who)) return undefined;
  return who;
}

/** Who a wait hangs on, as the notes name it: "the client (Derek)", "the vendor", "our team (Renee)". */
export function waitOwner(wait: Wait, known: KnownNames): string {
  const who = personNamed(wait.who, known);
  // The ticket's contact is the client, whatever the wait was read as.
  const isContact = who && known.contact?.toLowerCase().startsWith(who.toLowerCase());
  const party = isContact ? PARTY.client : PARTY[wait.on];
  return who ? `${party} (${who})` : party;
}

/** The wait's own words without a lead that repeats the heading: "waiting on fiona for the go" → "for the go". */
export function waitWhat(text: string, named?: string): string {
  const who = named?.replace(/[^\p{L}]/gu, "");
  const lead = new RegExp(
    `^(?:still\\s+|now\\s+)?waiting\\s+(?:on|for)\\s+${who ? `(?:${who}\\b(?!['’]s)\\s*)?` : ""}`,
    "i",
  );
  // "Ticket notes: 53003 / HR-Block, waiting on written approval from Robert …": what is awaited starts at the cue.
  const cue =
    /(?:^|[,;:.]\s+|\s[-–—]\s+)(?:so\s+|and\s+)?((?:still\s+|now\s+)?waiting\s+(?:on|for)\s+.*)$/i.exec(text);
  // "told lena: 'Could you try a test booking?'": the words of the ask, without who was told.
  const told = /^\W*(?:told|asked|sent|messaged|emailed)\s+[\w'-]+\s*:\s*['"‘“]/i.exec(text);
  const own = told ? text.slice(told[0].length).replace(/['"’”]\s*$/, "") : text;
  const awaited = cue && cue[1]!.split(/\s+/).length >= 5 ? cue[1]! : own;
  const rest = awaited.replace(lead, "").trim();
  // "waiting on ardent now" keeps its lead: "ardent now" alone says nothing.
  return rest.split(/\s+/).length >= 3 ? rest : awaited;
}
