import type { ClientTone } from "../../templates.ts";
import { joinAnd } from "./format.ts";

/** What we need from the client, said per tone. */
export type NeedWording = Record<"approval" | "window" | "tester" | "onsite" | "reply", string>;

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
  doneSoFar(actions: readonly string[]): string;
  takingEffect: string;
  resolved(issue: string): string;
  escalated(issue: string): string;
  escalatedBecause(reason: string): string;
  checked(areas: string): string;
  ruledOut(items: string): string;
  reassure(clauses: readonly string[]): string;
  need: NeedWording;
  waitingOn(who: string): string;
  meanwhile(workaround: string): string;
  next(steps: string): string;
  sinceLast(change: string): string;
  noChangeSinceLast: string;
  closingUpdate: string;
  closingResolved: string;
  closingEscalated: string;
  signoffWord: string;
}

const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

export const TONES: Record<ClientTone, ToneWording> = {
  professional: {
    greeting: (name) => (name ? `Hi ${name},` : "Hello,"),
    quickLead: (name, issue) =>
      name ? `Hi ${name} — quick update on ${issue}:` : `Quick update on ${issue}:`,
    investigating: (issue) => `We're actively working on ${issue} and narrowing down the cause.`,
    identified: (issue, cause) =>
      cause
        ? `We've found what's causing ${issue}: ${cause}.`
        : `We've found what's causing ${issue} and know what needs to change.`,
    implementing: (issue, cause) =>
      cause
        ? `We found what was behind ${issue} — ${cause} — and are putting the fix in place now.`
        : `We're putting the fix for ${issue} in place now.`,
    doneSoFar: (actions) => `So far we've ${joinAnd(actions)}.`,
    takingEffect: "The changes are taking effect now, and we're checking that everything works.",
    resolved: (issue) => `Great news — ${issue} is resolved.`,
    escalated: (issue) => `We're bringing in a specialist to look at ${issue} more closely.`,
    escalatedBecause: (reason) => `We're doing this because ${reason}.`,
    checked: (areas) => `So far we've checked ${areas}.`,
    ruledOut: (items) => `We've confirmed the problem isn't caused by ${items}.`,
    reassure: (clauses) => `The good news: ${joinAnd(clauses)}.`,
    need: {
      approval: "To go ahead, we just need your approval — a quick reply is all it takes.",
      window: "We'll make the change at an agreed time so it doesn't interrupt anyone's work.",
      tester: "Once it's done, we'll need someone on your side to try it and confirm it works.",
      onsite: "We'll need someone on site to help when we make the change.",
      reply: "We're waiting to hear back from your team before the next step.",
    },
    waitingOn: (who) => `We're waiting on ${who} and will follow up until it's sorted.`,
    meanwhile: (workaround) => `In the meantime, ${workaround}.`,
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
    investigating: (issue) => `We're digging into ${issue} right now and narrowing things down.`,
    identified: (issue, cause) =>
      cause
        ? `Good news — we've found what's causing ${issue} (${cause}) and we're ready to fix it!`
        : `Good news — we've found what's causing ${issue} and we're ready to fix it!`,
    implementing: (issue, cause) =>
      cause
        ? `Good news — we found what's behind ${issue} (${cause}) and we're fixing it right now!`
        : `Good news — we're fixing ${issue} right now!`,
    doneSoFar: (actions) => `So far we've ${joinAnd(actions)}.`,
    takingEffect: "The changes are kicking in now and we're making sure everything works.",
    resolved: (issue) => `Great news — ${issue} is fixed!`,
    escalated: (issue) => `We're bringing in one of our specialists to take a closer look at ${issue}.`,
    escalatedBecause: (reason) => `Here's why: ${reason}.`,
    checked: (areas) => `So far we've looked at ${areas}.`,
    ruledOut: (items) => `The good news is it's not ${items}.`,
    reassure: (clauses) => `${sentence(joinAnd(clauses))} — good news!`,
    need: {
      approval: "We just need your go-ahead — a quick reply is all it takes!",
      window: "We'll pick a time for the change that won't get in anyone's way.",
      tester: "Once it's done, could someone on your side give it a try and let us know?",
      onsite: "We'll need someone on site to give us a hand when we make the change.",
      reply: "We're waiting to hear back from your team before the next step.",
    },
    waitingOn: (who) => `We're waiting on ${who} and we'll keep chasing until it's sorted.`,
    meanwhile: (workaround) => `In the meantime, ${workaround}.`,
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
      `We wish to inform you that we are investigating ${issue} and are narrowing down the cause.`,
    identified: (issue, cause) =>
      cause
        ? `We wish to inform you that we have identified the cause of ${issue}: ${cause}.`
        : `We wish to inform you that we have identified the cause of ${issue}.`,
    implementing: (issue, cause) =>
      cause
        ? `We wish to inform you that we have identified the cause of ${issue}, ${cause}, and are now implementing the remedy.`
        : `We wish to inform you that we are now implementing the remedy for ${issue}.`,
    doneSoFar: (actions) => `To date, we have ${joinAnd(actions)}.`,
    takingEffect: "The changes are now taking effect, and we are verifying that service is restored.",
    resolved: (issue) => `We are pleased to inform you that ${issue} has been resolved.`,
    escalated: (issue) =>
      `We wish to inform you that ${issue} has been referred to a specialist for further review.`,
    escalatedBecause: (reason) => `This referral is necessary because ${reason}.`,
    checked: (areas) => `To date, we have examined ${areas}.`,
    ruledOut: (items) => `We have established that the matter is not caused by ${items}.`,
    reassure: (clauses) => `We are pleased to confirm that ${joinAnd(clauses)}.`,
    need: {
      approval: "We will require your approval before proceeding with the change.",
      window: "We will carry out the change at an agreed time to avoid disruption.",
      tester: "Once complete, we will ask a member of your staff to confirm that it works as expected.",
      onsite: "We will require a member of staff on site when the change is made.",
      reply: "We await a response from your team before proceeding.",
    },
    waitingOn: (who) => `We are awaiting a response from ${who} and will follow up accordingly.`,
    meanwhile: (workaround) => `In the interim, ${workaround}.`,
    next: (steps) => `As a next step, we will ${steps}.`,
    sinceLast: (change) => `Since our previous update, ${change}.`,
    noChangeSinceLast: "There has been no material change since our previous update; our work continues.",
    closingUpdate: "We will provide a further update in due course.",
    closingResolved: "Should you observe any further difficulties, please do not hesitate to contact us.",
    closingEscalated: "We will keep you informed of the specialist's progress.",
    signoffWord: "Kind regards,",
  },
};
