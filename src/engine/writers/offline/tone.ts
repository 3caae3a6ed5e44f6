import type { ClientTone } from "../../templates.ts";

/**
 * The wording of client-facing text per team tone (spec: Tone examples).
 * Each entry takes the plain-language pieces and returns one sentence.
 */
export interface ToneWording {
  greeting(name: string | undefined): string;
  quickLead(name: string | undefined, issue: string): string;
  investigating(issue: string): string;
  identified(issue: string, cause: string | null): string;
  implementing(issue: string, cause: string | null): string;
  resolved(issue: string): string;
  escalated(issue: string): string;
  checked(areas: string): string;
  ruledOut(items: string): string;
  confirmBeforeChange: string;
  next(steps: string): string;
  sinceLast(change: string): string;
  noChangeSinceLast: string;
  closingUpdate: string;
  closingResolved: string;
  closingEscalated: string;
  signoffWord: string;
}

const causeClause = (cause: string | null, lead: string) => (cause ? `${lead} ${cause}` : "");

export const TONES: Record<ClientTone, ToneWording> = {
  professional: {
    greeting: (name) => (name ? `Hi ${name},` : "Hello,"),
    quickLead: (name, issue) =>
      name ? `Hi ${name} — quick update on ${issue}:` : `Quick update on ${issue}:`,
    investigating: (issue) => `We're actively working on ${issue} and gathering the information we need.`,
    identified: (issue, cause) =>
      cause
        ? `We've traced ${issue} to ${cause} and know what needs to change.`
        : `We've identified the cause of ${issue} and know what needs to change.`,
    implementing: (issue, cause) =>
      `We've identified the cause of ${issue}${causeClause(cause, " —")}${cause ? " —" : ""} and are applying the fix now.`,
    resolved: (issue) => `Great news — ${issue} is resolved.`,
    escalated: (issue) => `We're bringing in a specialist to look at ${issue} more closely.`,
    checked: (areas) => `So far we've checked ${areas}.`,
    ruledOut: (items) => `We've confirmed the problem isn't caused by ${items}.`,
    confirmBeforeChange: "We'll confirm the change with you before making it.",
    next: (steps) => `Next, we'll ${steps}.`,
    sinceLast: (change) => `Since our last update, ${change}.`,
    noChangeSinceLast: "There's no change since our last update; we're continuing to work on it.",
    closingUpdate: "We'll update you again shortly.",
    closingResolved: "If you or your team notice any further issues, please don't hesitate to reach out.",
    closingEscalated: "We'll keep you updated as the specialist works on it.",
    signoffWord: "Best regards,",
  },
  friendly: {
    greeting: (name) => (name ? `Hi ${name},` : "Hi there,"),
    quickLead: (name, issue) => (name ? `Hi ${name} — quick one on ${issue}:` : `Quick one on ${issue}:`),
    investigating: (issue) => `We're digging into ${issue} right now and pulling together what we need.`,
    identified: (issue, cause) =>
      cause
        ? `Good news — we've found what's causing ${issue} (${cause}) and we're ready to fix it!`
        : `Good news — we've found what's causing ${issue} and we're ready to fix it!`,
    implementing: (issue, cause) =>
      cause
        ? `Good news — we found what's behind ${issue} (${cause}) and we're fixing it right now!`
        : `Good news — we found what's behind ${issue} and we're fixing it right now!`,
    resolved: (issue) => `Great news — ${issue} is fixed!`,
    escalated: (issue) => `We're bringing in one of our specialists to take a closer look at ${issue}.`,
    checked: (areas) => `So far we've looked at ${areas}.`,
    ruledOut: (items) => `The good news is it's not ${items}.`,
    confirmBeforeChange: "We'll check with you before we make the change.",
    next: (steps) => `Next up, we'll ${steps}.`,
    sinceLast: (change) => `Since we last checked in, ${change}.`,
    noChangeSinceLast: "No big changes since we last checked in — we're still on it.",
    closingUpdate: "We'll keep you posted!",
    closingResolved: "If anything else pops up, just let us know — we're happy to help!",
    closingEscalated: "We'll keep you in the loop as they work on it!",
    signoffWord: "Thanks,",
  },
  formal: {
    greeting: (name) => (name ? `Dear ${name},` : "Dear Sir or Madam,"),
    quickLead: (name, issue) => (name ? `Dear ${name}, regarding ${issue}:` : `Regarding ${issue}:`),
    investigating: (issue) =>
      `We wish to inform you that we are investigating ${issue} and are gathering the necessary information.`,
    identified: (issue, cause) =>
      cause
        ? `We wish to inform you that we have completed our investigation and identified the root cause of ${issue}: ${cause}.`
        : `We wish to inform you that we have completed our investigation and identified the root cause of ${issue}.`,
    implementing: (issue, cause) =>
      cause
        ? `We wish to inform you that we have identified the root cause of ${issue}, ${cause}, and are now implementing the remedy.`
        : `We wish to inform you that we have identified the root cause of ${issue} and are now implementing the remedy.`,
    resolved: (issue) => `We are pleased to inform you that ${issue} has been resolved.`,
    escalated: (issue) =>
      `We wish to inform you that ${issue} has been referred to a specialist for further review.`,
    checked: (areas) => `To date, we have examined ${areas}.`,
    ruledOut: (items) => `We have established that the matter is not caused by ${items}.`,
    confirmBeforeChange: "We will seek your approval before making any change.",
    next: (steps) => `As a next step, we will ${steps}.`,
    sinceLast: (change) => `Since our previous update, ${change}.`,
    noChangeSinceLast: "There has been no material change since our previous update; our work continues.",
    closingUpdate: "We will provide a further update in due course.",
    closingResolved: "Should you observe any further difficulties, please do not hesitate to contact us.",
    closingEscalated: "We will keep you informed of the specialist's progress.",
    signoffWord: "Kind regards,",
  },
};
