import { capitalize } from "../../context/sentences.ts";
import type { SessionFacts } from "../../context/session-facts.ts";
import type { CommunicationTemplates } from "../../templates.ts";
import type { UpdateContextKind } from "../../types.ts";
import { buildClientPhrasing, type ClientPhrasing } from "./client-phrasing.ts";
import { TONES, type ToneWording } from "./tone.ts";

/**
 * The body of a client-facing update (client update and email draft share it):
 * what we're working on, what we've found, what's next, in plain language.
 * Returns paragraphs; the caller adds greeting and sign-off.
 */
export function clientBodyParagraphs(
  facts: SessionFacts,
  context: UpdateContextKind,
  templates: CommunicationTemplates,
): string[] {
  const tone = TONES[templates.client_tone];
  const p = buildClientPhrasing(facts);
  if (context === "resolution") return resolutionParagraphs(facts, p, tone);
  if (context === "escalation") return escalationParagraphs(p, tone);
  return updateParagraphs(facts, p, tone);
}

function updateParagraphs(facts: SessionFacts, p: ClientPhrasing, tone: ToneWording): string[] {
  const paragraphs: string[] = [];
  const since = sinceLastSentence(facts, tone);
  if (since) paragraphs.push(since);
  const progress: string[] = [];
  switch (facts.status) {
    case "identified":
      progress.push(tone.identified(p.issue, p.cause));
      break;
    case "implementing":
      progress.push(tone.implementing(p.issue, p.cause));
      break;
    default:
      progress.push(tone.investigating(p.issue));
      if (p.checkedAreas) progress.push(tone.checked(p.checkedAreas));
  }
  if (p.ruledOut) progress.push(tone.ruledOut(p.ruledOut));
  paragraphs.push(progress.join(" "));
  const next: string[] = [];
  if (p.next) next.push(tone.next(p.next));
  if (p.waitingOnClient && facts.status !== "implementing") next.push(tone.confirmBeforeChange);
  if (next.length > 0) paragraphs.push(next.join(" "));
  paragraphs.push(tone.closingUpdate);
  return paragraphs;
}

function resolutionParagraphs(facts: SessionFacts, p: ClientPhrasing, tone: ToneWording): string[] {
  const found = p.cause
    ? `We found that ${p.cause} was causing the problem, and we've corrected it.`
    : "We've applied a fix and corrected the problem.";
  const detail = p.fix ? `In short: ${p.fix.replace(/[.!]+$/, "")}.` : "";
  const verified =
    facts.verified.length > 0 || facts.resolutionSummary
      ? "We've confirmed everything is working as expected."
      : "Everything should now be working as expected.";
  return [tone.resolved(p.issue), [found, detail, verified].filter(Boolean).join(" "), tone.closingResolved];
}

function escalationParagraphs(p: ClientPhrasing, tone: ToneWording): string[] {
  const done: string[] = [];
  if (p.checkedAreas) done.push(tone.checked(p.checkedAreas));
  if (p.ruledOut) done.push(tone.ruledOut(p.ruledOut));
  if (p.cause)
    done.push(
      `Our current thinking is that ${p.cause} is involved, and the specialist will confirm the best way to fix it.`,
    );
  return [tone.escalated(p.issue), ...(done.length > 0 ? [done.join(" ")] : []), tone.closingEscalated];
}

const STATUS_CHANGE: Record<string, string> = {
  identified: "we've identified what's causing the problem",
  implementing: "we've started applying the fix",
  resolved: "the problem has been resolved",
  escalated: "we've brought in a specialist",
  investigating: "we've continued our investigation",
};

function sinceLastSentence(facts: SessionFacts, tone: ToneWording): string | null {
  const since = facts.sinceLast;
  if (!since) return null;
  if (since.statusChanged) return tone.sinceLast(STATUS_CHANGE[facts.status] ?? "we've made progress");
  if (since.newFacts.length > 0) return tone.sinceLast("we've completed further checks");
  return tone.noChangeSinceLast;
}

/** One or two sentences for a quick client update or email body. */
export function clientQuickSentence(
  facts: SessionFacts,
  context: UpdateContextKind,
  templates: CommunicationTemplates,
  name: string | undefined,
  withLead: boolean,
): string {
  const tone = TONES[templates.client_tone];
  const p = buildClientPhrasing(facts);
  const lead = withLead ? `${tone.quickLead(name, p.issue)} ` : "";
  const core = quickCore(facts, context, p, templates.client_tone);
  return `${lead}${withLead ? core : capitalize(core)}`;
}

function quickCore(facts: SessionFacts, context: UpdateContextKind, p: ClientPhrasing, tone: string): string {
  const formal = tone === "formal";
  const friendly = tone === "friendly";
  if (context === "resolution") {
    if (formal)
      return "we are pleased to confirm that it has been resolved and service is operating normally.";
    return friendly
      ? "it's fixed and everything is working again!"
      : "it's resolved and everything is working again.";
  }
  if (context === "escalation") {
    if (formal) return "we have referred the matter to a specialist and will keep you informed.";
    return "we're bringing in a specialist to take a closer look and will keep you updated.";
  }
  const approval = p.waitingOnClient
    ? formal
      ? " upon your approval"
      : " once you give us the go-ahead"
    : "";
  switch (facts.status) {
    case "identified":
      if (formal) return `we have identified the root cause and will proceed with the remedy${approval}.`;
      return friendly
        ? `good news — we've found what's causing it and we're ready to fix it${approval}!`
        : `we've identified the cause and have a fix ready to apply${approval}.`;
    case "implementing":
      if (formal) return "we have identified the root cause and are now implementing the remedy.";
      return friendly
        ? "we've found the cause and we're fixing it right now!"
        : "we've found the cause and are applying the fix now.";
    default:
      if (formal) return "we are investigating and will provide a further update in due course.";
      return friendly
        ? "we're digging into it now and will let you know what we find!"
        : "we're actively investigating and will update you shortly.";
  }
}
