import { classifyStatement } from "../../../context/roles/statement-roles.ts";
import { analyzeVerb } from "../../../context/roles/verbs.ts";

/** "We're testing …", "still waiting …": the subject before the -ing verb. */
const SUBJECT = /^(?:(?:i'?m|i am|we'?re|we are|currently|still|now|just)\s+)+/i;

/** Opens on a verb in -ing ("Pulling last night's restore point …", "Running a message trace …"): work going on. */
export function startsUnderWay(text: string): boolean {
  const first = /^[a-z]+/i.exec(text.trim().replace(SUBJECT, ""))?.[0];
  return first !== undefined && analyzeVerb(first)?.form === "gerund";
}

const UNDER_WAY_ROLES = new Set(["action", "fix", "fix_in_progress"]);

/** Reads as work being done, not only intended: the rule reader says so, or it opens on a verb in -ing. */
export function readsUnderWay(text: string): boolean {
  return UNDER_WAY_ROLES.has(classifyStatement(text, { first: false }).role) || startsUnderWay(text);
}
