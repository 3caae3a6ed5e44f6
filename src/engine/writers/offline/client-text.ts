import type { StatementRole } from "../../context/roles/statement-roles.ts";
import { capitalize } from "../../context/sentences.ts";
import type { SessionFacts } from "../../context/session-facts.ts";
import type { CommunicationTemplates } from "../../templates.ts";
import type { UpdateContextKind } from "../../types.ts";
import { buildClientPhrasing, type ClientPhrasing } from "./client-phrasing.ts";
import { joinAnd } from "./format.ts";
import { TONES, type ToneWording } from "./tone.ts";

/**
 * The body of a client-facing update (client update and email draft share it):
 * the stage, what we found and did, what happens next and what we need from
 * the client, in plain language. Returns paragraphs; the caller adds greeting
 * and sign-off.
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
  const since = sinceLastSentence(facts, tone);
  // Nothing new since the last update: say so in one line, and what happens next.
  if (since === tone.noChangeSinceLast)
    return [[since, ...whatNext(facts, p, tone)].join(" "), tone.closingUpdate];
  const paragraphs: string[] = since ? [since] : [];
  paragraphs.push(progress(facts, p, tone).join(" "));
  const next = whatNext(facts, p, tone);
  if (next.length > 0) paragraphs.push(next.join(" "));
  paragraphs.push(tone.closingUpdate);
  return paragraphs;
}

/** Where things stand: the stage, what was found and done, the good news. */
function progress(facts: SessionFacts, p: ClientPhrasing, tone: ToneWording): string[] {
  const out: string[] = [];
  switch (facts.status) {
    case "identified":
      out.push(tone.identified(p.issue, p.cause));
      break;
    case "implementing":
      out.push(tone.implementing(p.issue, p.cause));
      if (p.done.length > 0) out.push(tone.doneSoFar(p.done));
      if (p.takingEffect) out.push(tone.takingEffect);
      break;
    default:
      out.push(tone.investigating(p.issue));
      if (p.checkedAreas) out.push(tone.checked(p.checkedAreas));
  }
  if (p.reassurance.length > 0) out.push(tone.reassure(p.reassurance));
  else if (p.ruledOut && facts.status !== "implementing") out.push(tone.ruledOut(p.ruledOut));
  return out;
}

/** What happens next and what we need: the plan, the client's part, who else we wait on, the stopgap. */
function whatNext(facts: SessionFacts, p: ClientPhrasing, tone: ToneWording): string[] {
  const out: string[] = [];
  if (p.next) out.push(tone.next(p.next));
  if (p.need) out.push(tone.need[p.need]);
  if (p.waitingOn) out.push(tone.waitingOn(p.waitingOn));
  if (p.workaround && facts.status !== "implementing") out.push(tone.meanwhile(p.workaround));
  return out;
}

function resolutionParagraphs(facts: SessionFacts, p: ClientPhrasing, tone: ToneWording): string[] {
  const wrong = p.cause ? `The problem was caused by ${p.cause}.` : "";
  const fixed = p.fix
    ? p.fix.replace(/[.!]*$/, ".")
    : p.done.length > 0
      ? `We ${joinAnd(p.done)}.`
      : "We've put the fix in place.";
  const reassured = p.reassurance.length > 0 ? tone.reassure(p.reassurance) : "";
  const verified =
    facts.verified.length > 0 || facts.resolutionSummary
      ? "We've confirmed everything is working as expected."
      : "Everything should now be working as expected.";
  return [
    tone.resolved(p.issue),
    [wrong, fixed, reassured, verified].filter(Boolean).join(" "),
    tone.closingResolved,
  ];
}

function escalationParagraphs(p: ClientPhrasing, tone: ToneWording): string[] {
  const why = [tone.escalated(p.issue)];
  if (p.escalationReason) why.push(tone.escalatedBecause(p.escalationReason));
  const done: string[] = [];
  if (p.checkedAreas) done.push(tone.checked(p.checkedAreas));
  if (p.reassurance.length > 0) done.push(tone.reassure(p.reassurance));
  else if (p.ruledOut) done.push(tone.ruledOut(p.ruledOut));
  if (p.cause) {
    done.push(
      `Our current thinking is that ${p.cause} is involved, and the specialist will confirm the best way to fix it.`,
    );
  }
  const meanwhile = p.workaround ? [tone.meanwhile(p.workaround)] : [];
  return [
    why.join(" "),
    ...(done.length > 0 ? [done.join(" ")] : []),
    ...meanwhile,
    tone.closingEscalated,
  ].filter(Boolean);
}

const STATUS_CHANGE: Record<string, string> = {
  identified: "we've found what's causing the problem",
  implementing: "we've started putting the fix in place",
  resolved: "the problem has been resolved",
  escalated: "we've brought in a specialist",
  investigating: "we've gone back to investigating, as the first fix didn't solve it",
};

/** What the new statements since the last update amount to, for a client. */
function newsSince(roles: readonly StatementRole[]): string | null {
  const has = (...r: StatementRole[]) => roles.some((x) => r.includes(x));
  if (has("verification")) return "we've confirmed the fix is working";
  if (has("fix", "fix_in_progress")) return "we've made further progress on the fix";
  if (has("cause")) return "we've learned more about the cause";
  if (has("waiting")) return "we've arranged the next step and are waiting on it";
  if (has("ruled_out")) return "we've ruled out more possible causes";
  if (has("action", "finding", "symptom", "next")) return "we've completed further checks";
  return null;
}

/** The opening line of a second or later update: what changed, truthfully, or that nothing did. */
function sinceLastSentence(facts: SessionFacts, tone: ToneWording): string | null {
  const since = facts.sinceLast;
  if (!since) return null;
  if (since.statusChanged) return tone.sinceLast(STATUS_CHANGE[facts.status] ?? "we've made progress");
  const news = newsSince(since.newRoles);
  return news ? tone.sinceLast(news) : tone.noChangeSinceLast;
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
  const need = context === "update" && p.need ? ` ${tone.need[p.need]}` : "";
  return `${lead}${withLead ? core : capitalize(core)}${need}`;
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
  if (facts.sinceLast && !facts.sinceLast.statusChanged && facts.sinceLast.newRoles.length === 0) {
    if (formal) return "there has been no material change since our previous update; our work continues.";
    return "no change since our last update — we're still working on it.";
  }
  switch (facts.status) {
    case "identified":
      if (formal) return "we have identified the cause and will proceed with the remedy.";
      return friendly
        ? "good news — we've found what's causing it and we're ready to fix it!"
        : "we've found the cause and know what needs to change.";
    case "implementing":
      if (p.done.length > 0) {
        const done = joinAnd(p.done.slice(0, 2));
        if (formal) return `we have ${done} and are completing the remedy.`;
        return friendly
          ? `we've ${done} and we're wrapping up the fix now!`
          : `we've ${done} and are finishing the fix now.`;
      }
      if (formal) return "we are now implementing the remedy.";
      return friendly ? "we're fixing it right now!" : "we're putting the fix in place now.";
    default:
      if (p.waitingOn) {
        return formal
          ? `we are awaiting a response from ${p.waitingOn} and will update you in due course.`
          : `we're waiting on ${p.waitingOn} and will update you as soon as we hear back.`;
      }
      if (formal) return "we are investigating and will provide a further update in due course.";
      return friendly
        ? "we're digging into it now and will let you know what we find!"
        : "we're actively investigating and will update you shortly.";
  }
}
