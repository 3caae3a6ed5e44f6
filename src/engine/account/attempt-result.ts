import { analyzeVerb } from "../context/roles/verbs.ts";

/** What an attempt that did not work reports: it did not help, the same error, an error quoted after "->". */
const NO_SUCCESS =
  /\b(?:did(?:n'?t| not)|does(?:n'?t| not)|won'?t|would(?:n'?t| not)|could(?:n'?t| not)|can'?t) (?:help|work|fix|change|make|load|open|start|connect|sync|print|stick|apply|install|take|resolve)\w*|\b(?:no (?:change|difference|luck|joy|dice|better)|same (?:error|result|thing|issue|problem|message|again|behaviou?r)|still (?:fail\w*|not|no(?!\s+(?:sign-?off|reply|response|answer|word|approval|news|update|call ?back|tracking|go-?ahead))|broken|down|erroring|getting|the same|nothing|happening)|(?<!\b(?:no|without|zero|0)\s)(?:fail(?:s|ed|ing|ures?)?|errors?)|rejected|refused|denied|timed? out|times out|not (?:fixed|resolved|working))\b|->\s*['"‘“]|^\W*tried\b/i;

/** Ends on a verdict that all is well: "… didn't change while it was failing. All good". */
const ENDS_WELL =
  /\b(?:all (?:good|fine|ok|clean)|looks? (?:good|fine|ok|clean)|(?:is|are|was|were) fine|no issues?)\W*$/i;

/** The line says the attempt did not work. */
export const reportsNoSuccess = (text: string): boolean => NO_SUCCESS.test(text) && !ENDS_WELL.test(text);

/** Opens on a verb in the past ("Swapped …", "Re-granted …", "Ran …"): work reported done. */
export function opensOnDeed(text: string): boolean {
  const word = /^[a-z'-]+/i.exec(text.replace(/^\W+/, ""))?.[0]?.toLowerCase();
  const verb = word ? analyzeVerb(word) : null;
  return verb !== null && (verb.form === "past" || verb.form === "participle");
}
