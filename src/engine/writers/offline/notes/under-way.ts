import { classifyStatement } from "../../../context/roles/statement-roles.ts";
import { analyzeVerb } from "../../../context/roles/verbs.ts";

/** "We're testing …", "still waiting …": the subject before the -ing verb. */
const SUBJECT = /^(?:(?:i'?m|i am|we'?re|we are|currently|still|now|just)\s+)+/i;

/** Opens on a verb in -ing ("Pulling last night's restore point …", "Running a message trace …"): work going on. */
export function startsUnderWay(text: string): boolean {
  const own = text.trim().replace(SUBJECT, "");
  const first = /^[a-z]+/i.exec(own)?.[0];
  return first !== undefined && analyzeVerb(first)?.form === "gerund" && !GERUND_SUBJECT.test(own);
}

/** The -ing verb names the subject of what follows ("Linking it to the Kiosk OU is the clean fix"): a thought, not work. */
const GERUND_SUBJECT =
  /^[a-z]+ing\b[^,.;:]*?\s(?:is|was|would(?: be)?|will be|should be|seems|sounds|looks|makes)\s/i;

const UNDER_WAY_ROLES = new Set(["action", "fix", "fix_in_progress"]);

/** Reads as work being done, not only intended: the rule reader says so, or it opens on a verb in -ing. */
export function readsUnderWay(text: string): boolean {
  if (GERUND_SUBJECT.test(text.trim().replace(SUBJECT, ""))) return false;
  return UNDER_WAY_ROLES.has(classifyStatement(text, { first: false }).role) || startsUnderWay(text);
}
