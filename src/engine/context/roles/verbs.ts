import { FAMILY_OF } from "./verb-families.ts";
import { INFINITIVES, IRREGULAR_FORMS, SAME_PAST_FORMS } from "./verb-lexicon.generated.ts";

/** The grammatical form of one verb occurrence. */
export type VerbForm = "base" | "present" | "past" | "participle" | "gerund";

export interface VerbWord {
  infinitive: string;
  form: VerbForm;
}

const isKnown = (word: string) => INFINITIVES.has(word) || FAMILY_OF.has(word);

/** "re-granted" -> "granted", "reinstalled" -> "installed": prefixes that keep a verb's meaning. */
const PREFIX = /^(?:re-?|un-?|[a-z]+-)(?=[a-z]{3})/;

/** The infinitives the regular rules could give a form ("stopped" -> stop, stopp, stoppe); the lexicon script uses them too. */
export function regularInfinitives(form: string): string[] {
  const out: string[] = [];
  if (form.endsWith("ied")) out.push(`${form.slice(0, -3)}y`);
  if (form.endsWith("ed")) out.push(form.slice(0, -2), form.slice(0, -1));
  if (/([b-df-hj-np-tv-z])\1ed$/.test(form)) out.push(form.slice(0, -3));
  if (form.endsWith("ing")) out.push(form.slice(0, -3), `${form.slice(0, -3)}e`);
  if (/([b-df-hj-np-tv-z])\1ing$/.test(form)) out.push(form.slice(0, -4));
  if (form.endsWith("ies")) out.push(`${form.slice(0, -3)}y`);
  if (form.endsWith("es")) out.push(form.slice(0, -2));
  if (form.endsWith("s") && !form.endsWith("ss")) out.push(form.slice(0, -1));
  return out;
}

function formOfSuffix(word: string): VerbForm {
  if (word.endsWith("ing")) return "gerund";
  if (word.endsWith("ed")) return "past";
  return "present";
}

function analyzeWithoutPrefix(word: string): VerbWord | null {
  const irregular = IRREGULAR_FORMS.get(word);
  if (irregular) return { infinitive: irregular[0], form: irregular[1] };
  if (SAME_PAST_FORMS.has(word)) return { infinitive: word, form: "past" };
  if (isKnown(word)) return { infinitive: word, form: "base" };
  const regular = regularInfinitives(word).find(isKnown);
  if (regular) return { infinitive: regular, form: formOfSuffix(word) };
  return null;
}

/**
 * A word read as a verb, from compromise's lexicon (generated) and English
 * conjugation rules, or null when it is not a verb form we know. Unknown
 * regular past forms ("reprovisioned") still count: "-ed" on a word of
 * five letters or more is a past tense far more often than not in chat.
 */
export function analyzeVerb(word: string): VerbWord | null {
  const w = word.toLowerCase();
  const direct = analyzeWithoutPrefix(w);
  if (direct) return direct;
  const bare = w.replace(PREFIX, "");
  if (bare !== w) {
    const inner = analyzeWithoutPrefix(bare);
    if (inner) return { infinitive: inner.infinitive, form: inner.form };
  }
  if (/^[a-z-]{3,}(?:ed)$/.test(w) && w.length >= 6) return { infinitive: w.slice(0, -2), form: "past" };
  return null;
}
