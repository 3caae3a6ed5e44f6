import type { SessionSnapshot } from "../types.ts";
import type { WaitParty } from "./acts.ts";
import {
  CLIENT_WORDS,
  INTERNAL_WORDS,
  namesIn,
  PROCESS_WORDS,
  type SessionParties,
  sessionParties,
  VENDOR_WORDS,
} from "./parties.ts";
import { toClient } from "./to-client.ts";

/** The statement fields the wait reader needs (a `ReadStatement` has them all). */
export interface WaitStatement {
  text: string;
  source: string;
  message: number;
  at: Date;
  author: "engineer" | "assistant" | "client";
  act: string;
  confidence: number;
  negated: boolean;
  actor: string;
  waitingOn: WaitParty | null;
  change: boolean;
  ruleWait?: "client" | "vendor" | "process" | "someone";
}

export interface ReadWait {
  /** Index of the statement the wait rests on. */
  index: number;
  on: WaitParty;
  /** The person or organisation waited on, when the thread names one. */
  who?: string;
  /** The fix itself waits (an approval, a vendor's patch, access), rather than a check after it. */
  blocksFix: boolean;
  open: boolean;
}

// "waiting on X", "until X", "once X", "escalated to X": the words after the cue say on whom.
const WAIT_OBJECT =
  /\b(?:waiting (?:on|for)|ball'?s in|(?:hear|heard) back from|wait(?:s|ed)? (?:on|for)|awaiting|pending|blocked (?:on|by)|depends on|sit(?:ting)? tight (?:for|until|til+)|(?:park|pause)(?:ing|ed)? (?:this |it |here )?(?:until|til+|till|for)|pick(?:ing)? (?:it |this )?back up (?:when|once|after)|(?:resume|continue) (?:when|once|after)|until|til+|till|once(?!\s+(?:when|a\b|per\b|more|again|only|or\b|every|daily|weekly|[,.]))|(?:kick(?:ing|ed)?|pass(?:ing|ed)?|escalat\w*|assign\w*)(?: it| this| the ticket)?(?: in (?:the )?\w+)? to)\s+(.{1,90})/i;
// "needs Derek's ok", "our rule is Colm signs off", "not until it's approved", "could we do this tonight at 7pm?": an approval holds the fix.
const APPROVAL =
  /\bcould we (?:do|go ahead|book|schedule|reboot|restart|run)\b[^?]{0,40}\b(?:tonight|today|tomorrow|after|at|on|this (?:evening|weekend))\b|\b(?:happy|ok|okay|alright) (?:for us )?(?:to|with|if)\b|\b(?:approv\w*|ok'?[ds]|(?:his|her|their|your|an?|the|get|need|needs|gives?|gave) ok\b|\b(?:waiting (?:on|for)|until|til+|pending|awaiting)\s+\w+'s ok\b|ok to\b|okay to\b|go-?ahead|sign(?:s|ed)?[- ]?off|permission to|decision|decide|prefer\w*|which option|authori[sz]\w*|commitment|window)\b/i;
// Held by what we lack: access to their systems, or the vendor's fix itself.
const LACKING =
  /\b(?:access|login|credentials|quote|hotfix|patch|firmware|fix (?:ships|lands|is out)|\d+(?:\.\d+)+ (?:lands|ships|is out|comes out))\b/i;
const DOES_THE_FIX =
  /\b(?:waiting (?:on|for)|until|til+|once)\s+\w+(?:\s+\w+)?\s+to\s+(?:add|re-?add|exclude|change|fix|replace|install|apply|remove|grant|assign|re-?assign|enable|disable|swap|provision|re-?provision|restore|reset|unblock|whitelist|allow)\b/i;
const VENDOR_DELIVERS =
  /\b(?:they|they'?re|are|is|will be|will|'ll)\s+(?:shipping|sending|dispatching|couriering|ship|send|dispatch|courier)\s+(?:out\s+)?(?:a|an|the|us|over)?\s*(?:new|replacement|spare|loan|an? engineer|a tech(?:nician)?)\b/i;
const TOLD_WHEN =
  /\b(?:till|til|until|by)\s+(?:tomorrow|tonight|today|this (?:afternoon|evening)|monday|tuesday|wednesday|thursday|friday|the morning|morning|lunch(?:time)?|\d{1,2}(?::\d{2})?\s*(?:am|pm)?)\b/i;
// An ask of the client; "please dont switch the nas off" is an instruction, not an ask.
const ASKS =
  /\?|\b(?:please(?!,? (?:do ?n[o'’]?t|dont|never|leave|keep))|let (?:me|us) know|could you|can you|would you|if you could)\b/i;
const HOLD =
  /\b(?:can'?t|cannot|won'?t|not (?:touching|changing|doing|adding|buying|restarting|rebooting|going ahead)|haven'?t|havent|hold(?:ing)? off|need(?:s|ed)?|nothing (?:else )?(?:to do|left|more))\b/i;
const DURATION =
  /\b(?:(?:may|can|could|might) take (?:up to |about |around |~)?(?:an?\b|\d)|eta\b|overnight|roll(?:s|ing)? out|will take|usually takes?|takes? (?:about|around|~)|over the next|on (?:its|their) own|automatically|by (?:it|them)selves|should (?:finish|be done|complete|catch up))/i;
const MONITOR =
  /\b(?:monitoring|watching|keep(?:ing)? an eye on|letting it|leaving it to)\b|\b(?:monitor|watch) (?:it|them|for|through|until|overnight)\b/i;
// "the rest are trickling in", "copy at 88%": a process under way.
const UNDER_WAY =
  /\b(?:is|are|'s|'re|still)\s+(?:\w+\s+)?(?:trickling|syncing|rebuilding|uploading|downloading|copying|restoring|installing|replicating|propagating|scanning|processing|catching up|resyncing)\b|\bat \d+\s?%/i;
/** The engineer's own next step ("will pause the update ring once he's back") is a plan, not a wait. */
const HANDED = /^(?:kick|pass|escalat|assign)/i;
const OUR_SIDE = /\b(?:queue|team|tier|t[23]|l[23]|our|soc|noc|senior|lead|security|projects)\b/i;
// "escalated to gwen lacey, sent her the logs", "escalated to marta in CW": a person of ours, handed it in our PSA.
const HANDED_TO_OURS =
  /\b(?:she|he|her|him|his)\b|\bin (?:the )?(?:psa|cw|connectwise|halo(?:psa)?|autotask|servicenow)\b/i;
const OWN_PLAN =
  /^\W*(?:i'll|i will|will|we'll|going to|next(?: step)?\b|then\b|plan\b|(?:i |we )?(?:still )?(?:need|have) to (?:check|look|verify|find|test|work out|figure|dig|go through|pull|compare)\b)/i;
// "She's signing in on the new phone now": someone else is doing the next step.
const DOING =
  /^(?:and\s+)?(she|he|they|[A-Z][a-z]+)(?:'s| is| are|'re) (?:now |still |currently )?(\w+ing)\b/;
/** A stop-gap offered "until then" or "in the meantime" is not what the work waits on. */
// "could you make sure someone can let the engineer in", "please leave it switched on": helping the work happen, not what it waits on.
const LOGISTICS =
  /\b(?:let (?:him|her|them|the (?:engineer|tech|technician|courier)) in|someone (?:is |can be |will be )?(?:on ?site|there|in)|sign for|be there|(?:leave|keep) (?:it|them|the (?:pc|laptop|device|computer|machine|server|router|phone))(?: \w+)? (?:switched |powered |turned |plugged )?(?:on|in)\b)/i;
const SIDE =
  /^\W*(?:(?:until|till?|til) (?:then|that'?s|it'?s|this is|they|we)|in the meantime|meanwhile|for now|workaround)\b|\bworkaround\b/i;
const ASK_FORM =
  /\b(?:could you|can you|would you|please|let me know|are you able|do you have|did (?:a|an|the|you)|when you|if you)\b/i;
const DONT = /\b(?:please (?:don'?t|do not|nobody)|nobody|no one)\b/i;
const SELF = /^(?:i|we|me|us|myself)\b/i;
const RECEIVE = /^(?:i|we)(?: can)? (?:have|get|hear|receive|got)\b/i;
const BACK = /^(?:then|that|that's|thats|this|it's|its|it is)\b/i;
const PRONOUN = /\b(she|he|her|him|his|they|them|their)\b/i;

const ANSWERED_AT_ONCE = /^\W*(?:i\s+)?asked\b[^'"‘“]{1,120}?(?:\s[-–—]|:)\s*['"‘“][^'"’”]{2,}['"’”]?\W*$/i;
// "asked denise, she ok'd it": asked and agreed in one line.
const AGREED_AT_ONCE =
  /^\W*(?:i\s+)?asked\b[^,;.]{1,60}[,;-]\s*(?:she|he|they|[a-z]+)\s+(?:ok'?d|okayed|approved|agreed|said (?:yes|ok|go ahead)|says (?:yes|ok|go ahead)|is (?:fine|ok|happy))\b/i;
const CLAUSE_END = /\s(?:-|—|–|\+|and|but|so|then|because|bc)\s|[,;:!?()]|\.(?:\s|$)/;

/**
 * Reads the waits of a thread: which statements hand the next step to
 * someone (the client, a vendor, our own people) or to a process that
 * finishes by itself, on whom, and whether the wait is over.
 */
export function readWaits(statements: readonly WaitStatement[], session: SessionSnapshot): ReadWait[] {
  const steps = waitSteps(statements, session);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The same waits, read with a turn for the event loop whenever `slice` says one is due. */
export async function readWaitsSliced(
  statements: readonly WaitStatement[],
  session: SessionSnapshot,
  slice: () => Promise<void>,
): Promise<ReadWait[]> {
  const steps = waitSteps(statements, session);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await slice();
  }
}

/** The reading, a statement or a wait at a time: it yields between them so a caller can give other work a turn. */
function* waitSteps(
  statements: readonly WaitStatement[],
  session: SessionSnapshot,
): Generator<void, ReadWait[]> {
  const parties = sessionParties(
    session,
    statements.map((s) => s.text),
  );
  yield;
  const quoted = toClient(statements, parties);
  const waits: ReadWait[] = [];
  const messages = new Map<number, string>();
  for (const s of statements) messages.set(s.message, `${messages.get(s.message) ?? ""} ${s.text}`);
  const opening = statements.find((s) => s.author === "engineer")?.message ?? -1;
  const context: Context = { statements, parties, messages, opening };
  for (let i = 0; i < statements.length; i++) {
    const s = statements[i]!;
    if (s.author !== "engineer") continue;
    const found = waitIn(s, i, quoted[i] ?? false, context, waits);
    if (found) waits.push(found);
    if (i % 64 === 63) yield;
  }
  yield* closeWaits(waits, context);
  return waits;
}

interface Context {
  statements: readonly WaitStatement[];
  parties: SessionParties;
  /** Each message's statements joined: what a message to the client asked as a whole. */
  messages: ReadonlyMap<number, string>;
  /** The engineer's first message: the problem as reported. */
  opening: number;
}

type Found = { on: WaitParty; who?: string } | "self" | "back" | null;

function waitIn(
  s: WaitStatement,
  i: number,
  toTheClient: boolean,
  ctx: Context,
  earlier: readonly ReadWait[],
): ReadWait | null {
  const text = s.text.replace(/`[^`]*`/g, " ");
  if (SIDE.test(text) && !/\b(?:nothing|not)\b/i.test(text)) return null;
  // "wait no - the kicks show up as…": the engineer catching a thought, not waiting.
  if (/^\W*wait\W+(?:no|what|actually|hmm|hang on|a sec)\b/i.test(text)) return null;
  // "raid disk 2 failed overnight": the problem as first reported waits on nothing.
  if (s.message === ctx.opening && s.act === "symptom") return null;
  // "please leave it switched on until tomorrow": an instruction that helps the work, not what it waits on.
  if (toTheClient && LOGISTICS.test(text)) return null;
  // "told kirsty: its rebuilding onto the spare, will be slower till tomorrow morning": when things settle, told
  // to the client, asks nothing of them.
  if (toTheClient && TOLD_WHEN.test(text) && !ASKS.test(text)) return null;
  // "ticket notes updated: timeline, …, no ETA": bookkeeping about the wait, not a wait of its own.
  if (
    /^\W*(?:(?:ticket )?notes? (?:updated|done|written)|(?:logged|noted|documented) (?:it|this|that|in)\b)/i.test(
      text,
    )
  )
    return null;
  // "asked karen to open a payroll file - 'yes opens fine'": asked and answered in one line.
  if (ANSWERED_AT_ONCE.test(text) || AGREED_AT_ONCE.test(text)) return null;
  // A question to a colleague in the thread asks for a fact, not for work.
  if (/^\s*<?@/.test(text) && s.act === "ask") return null;
  const blocksFix =
    APPROVAL.test(text) || LACKING.test(text) || APPROVAL.test(messageText(ctx, s.message, toTheClient));
  const wait = (found: Found): ReadWait | null => {
    if (found === "back") {
      // "nothing to do till then": the wait before it goes on; it is not a new one.
      const last = earlier.at(-1) as ReadWait | undefined;
      if (last && i - last.index <= 6) {
        last.blocksFix ||= blocksFix;
        return null;
      }
      // "till then" with no wait read yet: what the statement before it was about.
      const previous = ctx.statements[i - 1];
      return previous ? wait(partyOfText(previous.text, previous, ctx, i - 1)) : null;
    }
    if (!found || found === "self") return null;
    // "waiting on jamie to add the 4 seats back": a colleague or supplier doing the fix itself, not checking it.
    const doesTheFix = (found.on === "internal" || found.on === "vendor") && DOES_THE_FIX.test(text);
    return { index: i, on: found.on, who: found.who, blocksFix: blocksFix || doesTheFix, open: true };
  };
  const other = (found: Found, allowed: readonly WaitParty[]) =>
    found && found !== "self" && found !== "back" && allowed.includes(found.on) ? wait(found) : null;

  const object = WAIT_OBJECT.exec(text);
  const ownPlan = OWN_PLAN.test(text) && !/\bwait/i.test(text) && !APPROVAL.test(text);
  if (object && !ownPlan) {
    const after = clause(object[1]!);
    const before = clauseBefore(text, object.index);
    const head = text.slice(0, object.index);
    const found = partyOfObject(after, ctx, i, head);
    // "perms can take an hour to replicate, nothing to do till then": "then" is what the statement said before it.
    if (found === "back") return wait(partyOfWords(head) ?? "back");
    // "escalated to blackthorn security in the SEC queue": handed on to someone not named before is ours or a vendor.
    if (found === null && HANDED.test(object[0]))
      return wait({
        on: OUR_SIDE.test(object[1]!) || HANDED_TO_OURS.test(object[1]!) ? "internal" : "vendor",
      });
    if (found === null)
      return wait(partyOfObject(before, ctx, i, head, true) ?? partyOfText(text, s, ctx, i));
    return wait(found);
  }
  // "Haven't changed anything - need the owner's OK": an approval nobody else is named for is the client's.
  if (HOLD.test(text) && APPROVAL.test(text)) return wait(partyOfText(text, s, ctx, i) ?? { on: "client" });
  // "Next: confirm the rule scope with the client before modifying": our plan, held for their word.
  if (OWN_PLAN.test(text) && APPROVAL.test(text) && CLIENT_WORDS.test(text)) return wait({ on: "client" });
  if (OWN_PLAN.test(text) || (s.act === "suggestion" && s.confidence >= 0.5)) return null;
  // "asked sanjay (our voice lead) to keep an eye on it": on the one asked, not on a process.
  if (/^\W*asked\s+/i.test(text) && (MONITOR.test(text) || UNDER_WAY.test(text))) {
    const asked = other(partyOfText(text, s, ctx, i), ["internal", "vendor", "client"]);
    if (asked) return asked;
  }
  if (MONITOR.test(text) || UNDER_WAY.test(text)) return wait({ on: "process" });
  // "they … are shipping a replacement drive", "dell are sending an engineer thursday": the vendor's delivery.
  if (VENDOR_DELIVERS.test(text)) {
    const vendor = other(partyOfText(text, s, ctx, i), ["vendor"]);
    return vendor ?? wait({ on: "vendor" });
  }
  const duration = DURATION.exec(text);
  if (duration) {
    const near = partyOfObject(
      clauseBefore(text, duration.index),
      ctx,
      i,
      text.slice(0, duration.index),
      true,
    );
    const timed =
      other(near, ["process", "vendor", "internal"]) ??
      other(partyOfText(text, s, ctx, i), ["process", "vendor", "internal"]);
    if (timed) return timed;
  }
  const doing = DOING.exec(text);
  if (doing && !/^(?:going|doing|heading|grabbing)$/i.test(doing[2]!))
    return other(personSide(doing[1]!, ctx, i, ""), ["client", "vendor"]);
  const asked = s.act === "ask" && s.confidence >= 0.5;
  if (
    toTheClient &&
    (asked || ASK_FORM.test(text)) &&
    /\?|\b(?:please|let me know|could you|can you)\b/i.test(text)
  )
    return DONT.test(text) || LOGISTICS.test(text) ? null : wait({ on: "client", who: clientName(ctx, i) });
  if (/^\W*asked\s+/i.test(text)) return other(partyOfText(text, s, ctx, i), ["client", "internal"]);
  if (
    s.act === "action_planned" &&
    ["client", "vendor", "colleague"].includes(s.actor) &&
    s.confidence >= 0.4
  )
    return wait(
      partyOfText(text, s, ctx, i) ?? { on: s.actor === "colleague" ? "internal" : (s.actor as WaitParty) },
    );
  if ((s.act === "wait" && s.confidence >= 0.5) || s.ruleWait)
    return wait(partyOfText(text, s, ctx, i, true));
  return null;
}

/** The clause that starts a text: "Rexmoor + the shift change" from "Rexmoor + the shift change, then…". */
function clause(text: string): string {
  const end = text.search(CLAUSE_END);
  return (end > 0 ? text.slice(0, end) : text).trim();
}

function clauseBefore(text: string, at: number): string {
  const head = text.slice(0, at);
  const parts = head.split(/[,;:—–]|\s-\s/);
  return (parts.at(-1) ?? head).trim();
}

function partyOfObject(object: string, ctx: Context, i: number, before: string, subject = false): Found {
  if (!object) return null;
  if (RECEIVE.test(object)) return "back";
  if (SELF.test(object)) return "self";
  if (!subject && BACK.test(object)) return "back";
  // "escalating to their network lead (Dana Cho)": the client's own people.
  // "escalated it to their NOC": the vendor's own people, when it is their support that is named.
  if (/^their\b/i.test(object) && VENDOR_WORDS.test(object)) return { on: "vendor" };
  if (/^(?:their|the client'?s|client'?s)\b/i.test(object)) return { on: "client" };
  // "he ok's the quote, then procurement adds the seats": the one who acts first is the one waited on.
  const leading = /^(?:she|he|they)\b/i.exec(object);
  if (leading) return personSide(leading[0], ctx, i, before);
  const named = sidedName(object, ctx) ?? partyOfWords(object);
  if (named) return named;
  const pronoun = PRONOUN.exec(object);
  if (pronoun) return personSide(pronoun[1]!, ctx, i, before);
  if (CLIENT_WORDS.test(object)) return { on: "client" };
  return askedEarlier(object, ctx, i);
}

const STOP = new Set(
  "the that this with from have when what which their there then they them will would could should about after before into your today tomorrow tonight morning afternoon evening week monday tuesday wednesday thursday friday saturday sunday".split(
    " ",
  ),
);
const contentWords = (text: string) =>
  new Set((text.toLowerCase().match(/\p{L}{4,}/gu) ?? []).filter((w) => !STOP.has(w)));

const ASKED =
  /\b(?:asked|ask|(?:could|can|would) (?:you|someone|somebody|anyone|they)|please|let me know)\b|\?\s*['"’”]?$/i;

/** "parking til the shift leads' list comes in": the wait on whoever was asked for that list. */
function askedEarlier(object: string, ctx: Context, i: number): Found {
  const words = contentWords(object);
  for (let j = i - 1; j >= 0 && j >= i - 20; j--) {
    const s = ctx.statements[j]!;
    if (s.author !== "engineer" || !ASKED.test(s.text)) continue;
    if (![...contentWords(s.text)].some((w) => words.has(w))) continue;
    return sidedName(s.text, ctx) ?? { on: "client", who: clientName(ctx, j) };
  }
  return null;
}

/** A party from role words alone: "our team", "their support", "the upload". */
function partyOfWords(text: string): Found {
  if (INTERNAL_WORDS.test(text)) return { on: "internal" };
  if (VENDOR_WORDS.test(text)) return { on: "vendor" };
  if (PROCESS_WORDS.test(text)) return { on: "process" };
  return null;
}

/** On whom a whole statement waits, when no cue names it: names first, then the words around them. */
function partyOfText(text: string, s: WaitStatement, ctx: Context, i: number, learned = false): Found {
  const named = sidedName(text, ctx) ?? partyOfWords(text);
  if (named) return named;
  const pronoun = PRONOUN.exec(text);
  if (pronoun) {
    const person = personSide(pronoun[1]!, ctx, i, s.text.slice(0, pronoun.index));
    if (person) return person;
  }
  if (CLIENT_WORDS.test(text)) return { on: "client" };
  if (!learned) return null;
  if (s.ruleWait && s.ruleWait !== "someone") return { on: s.ruleWait };
  return s.waitingOn && s.confidence >= 0.5 ? { on: s.waitingOn } : null;
}

function sidedName(text: string, ctx: Context): Found {
  for (const name of namesIn(text, ctx.parties)) {
    const side = ctx.parties.sideOf(name);
    if (side) return { on: side, who: capitalised(name) };
  }
  return null;
}

/**
 * "she", "they": the one named most recently before the word, in the
 * statement itself or the few before it. "She" and "he" are people;
 * "they" may be an organisation.
 */
function personSide(word: string, ctx: Context, i: number, before: string): Found {
  if (/^[A-Z][a-z]+$/.test(word) && !/^(?:She|He|They)$/.test(word)) {
    const side = ctx.parties.sideOf(word);
    return side ? { on: side, who: word } : null;
  }
  const plural = /^(?:they|them|their)$/i.test(word);
  for (let j = i; j >= 0 && j >= i - 8; j--) {
    const names = namesIn(j === i ? before : ctx.statements[j]!.text, ctx.parties);
    for (const name of names.reverse()) {
      const side = ctx.parties.sideOf(name);
      if (!side || (!plural && !ctx.parties.isPerson(name))) continue;
      return { on: side, who: capitalised(name) };
    }
  }
  return plural ? null : { on: "client" };
}

function clientName(ctx: Context, i: number): string | undefined {
  for (let j = i; j >= 0 && j >= i - 6; j--)
    for (const name of namesIn(ctx.statements[j]!.text, ctx.parties))
      if (ctx.parties.sideOf(name) === "client") return capitalised(name);
  return undefined;
}

function messageText(ctx: Context, message: number, toTheClient: boolean): string {
  return toTheClient ? (ctx.messages.get(message) ?? "") : "";
}

/** Short names written as they are known: "ms" is Microsoft, not "Ms". */
const KNOWN_AS: Record<string, string> = {
  ms: "Microsoft",
  hp: "HP",
  hpe: "HPE",
  aws: "AWS",
  bt: "BT",
  wd: "WD",
};
const capitalised = (name: string) =>
  KNOWN_AS[name.toLowerCase()] ?? name.charAt(0).toUpperCase() + name.slice(1);

const REPLY =
  /\b(?:says|said|replied|responded|answered|confirmed|approved|ok'?d|okayed|signed off|agreed|came back|called back|got back|wrote back|sent (?:it|them|the|us|me|over|back|a)|gave (?:us|me)|is (?:fine|ok)|go-?ahead|yes)\b/i;
const NOT_YET = /\b(?:no|not|nothing|hasn'?t|haven'?t|still|yet|once|when|until|til+|till|after|if)\b/i;
const FINISHED =
  /\b(?:finished|completed?|done|succeeded|success|caught up|100\s?%|is back|are back|came up|synced|rebuilt|healthy|all \d+ (?:have|are|got))\b/i;

/**
 * A wait is over once the thread shows the answer: the person or vendor
 * replies ("Comcast called back", "gus: shop opens 6am"), the process
 * finishes, or a newer wait on the same party replaces it.
 */
function* closeWaits(waits: ReadWait[], ctx: Context): Generator<void, void> {
  const { statements, parties } = ctx;
  const waitAt = new Map(waits.map((w) => [w.index, w]));
  // What each statement could answer is read once; each wait then only compares.
  const said = statements.map((s) => replyOf(s, parties));
  yield;
  for (const wait of waits) {
    const from = statements[wait.index]!;
    const asked = messageText(ctx, from.message, true).toLowerCase();
    for (let j = wait.index + 1; j < statements.length && wait.open; j++) {
      const later = waitAt.get(j);
      // A wait restated on the same party ("our rule is Colm signs off", then "pinged Colm, he's in a QBR til 3")
      // is one wait, and still the sign-off; a later ask of the same person is a second wait.
      const restated = later && later.on === wait.on && statements[later.index]!.message - from.message <= 1;
      if (later && restated) {
        if (wait.blocksFix && (!wait.who || !later.who || later.who === wait.who)) later.blocksFix = true;
        wait.open = false;
      } else if (wait.on === "process") {
        if (said[j]!.finished && statements[j]!.message !== from.message) wait.open = false;
      } else if (answers(said[j]!, wait, parties, asked)) wait.open = false;
    }
    yield;
  }
}

const APPROVED =
  /\b(?:approved|ok'?d|okayed|go-?ahead|agreed|signed off|says? yes|said yes|yes|confirmed (?:it|that|the|both|which|option|we|to)|gave (?:us|me) (?:the|access|a login)|sent (?:the|us|me) (?:login|password|credentials|details)|added us)\b/i;
const PROMISE =
  /\b(?:will|'ll|going to|later|tomorrow|tonight|by (?:the )?end|end of|at \d|after (?:lunch|the|break)|can do|\d{1,2}[:.]\d{2})\b/i;
const REFUSED = /\b(?:not comfortable|declined|refused|doesn'?t want|don'?t want|says no|said no|won'?t)\b/i;

const TOPIC = /\b(?:re|about|regarding|on)\s+(?:the\s+)?(\p{L}{4,})/iu;

interface Reply {
  fromClient: boolean;
  refused: boolean;
  /** Says nothing came back, or only promises it ("Marcus says they'll send it at 2pm"). */
  silent: boolean;
  names: string[];
  speaker?: string;
  pronoun: boolean;
  /** The statement, for the one thing it answers about ("Marcus replied re racking"), read only when needed. */
  text: string;
  reply: boolean;
  approved: boolean;
  finished: boolean;
}

function replyOf(s: WaitStatement, parties: SessionParties): Reply {
  const pronoun = /^\s*(?:she|he|they)\b/i.test(s.text);
  return {
    fromClient: s.author === "client",
    refused: pronoun && REFUSED.test(s.text),
    silent: s.negated || /\b(?:nothing|no word|not yet|still)\b/i.test(s.text) || PROMISE.test(s.text),
    names: namesIn(s.text, parties),
    speaker: /^\s*([A-Za-z][\w'-]*)\s*:/.exec(s.text)?.[1],
    pronoun,
    text: s.text,
    reply: REPLY.test(s.text),
    approved: APPROVED.test(s.text),
    finished: FINISHED.test(s.text) && !s.negated && !NOT_YET.test(s.text),
  };
}

function answers(r: Reply, wait: ReadWait, parties: SessionParties, asked: string): boolean {
  if (r.fromClient && wait.on === "client") return true;
  if (r.refused) return true;
  // "gus: shop opens 6am, he'll be there": the answer reported after the name.
  if (r.speaker && parties.sideOf(r.speaker) === wait.on && !r.silent) return true;
  if (r.silent) return false;
  const sameParty = r.names.some((n) => parties.sideOf(n) === wait.on || n === wait.who?.toLowerCase());
  if (!sameParty && !r.pronoun) return false;
  const topic = TOPIC.exec(r.text)?.[1]?.toLowerCase();
  if (topic && !asked.includes(topic)) return false;
  // An approval is answered by a yes or a no, not by any word from the same person.
  return wait.blocksFix ? r.approved : r.reply;
}
