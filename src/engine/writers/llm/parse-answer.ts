import { splitSentences } from "../../context/sentences.ts";
import type { SentenceSources } from "../types.ts";
import type { AnswerSentence } from "./answer-format.ts";

/** A model answer read: the text the reader sees (no ids) and each sentence with the ids it cited. */
export interface ParsedAnswer {
  text: string;
  sentences: SentenceSources[];
}

/** "[m3]", "[m3, m7]", "(m3; m7)", "【m3】", "[sources: m3 and m7]", "[M3][m7]". */
const MARKER =
  /(?:[ \t]*[[(【]\s*(?:(?:sources?|ids?|refs?)\s*:?\s*)?m\d+(?:\s*(?:[,;/&]|and)\s*m\d+)*\s*[\])】])+/gi;
const ID = /m\d+/gi;
const JOIN: Record<AnswerSentence["followed_by"], string> = { space: " ", line: "\n", paragraph: "\n\n" };

/**
 * Reads whatever the model sent: the JSON the schema asks for (bare, fenced
 * or inside prose), a JSON object holding the text, or plain text with id
 * markers after sentences (or none at all). Never throws: an answer that is
 * none of these is plain text without sources.
 */
export function parseAnswer(answer: string): ParsedAnswer {
  const json = jsonIn(answer);
  if (json) {
    const sentences = sentencesOf(json);
    if (sentences) return fromSentences(sentences);
    const text = textOf(json);
    if (text !== null) return fromMarkedText(text);
    // A bare JSON answer with nothing to read is empty, not text to show (prose around JSON stays prose).
    if (/^\s*(?:```[a-z]*\s*)?\{/i.test(answer)) return { text: "", sentences: [] };
  }
  return fromMarkedText(answer);
}

function jsonIn(answer: string): unknown {
  const trimmed = answer.trim().replace(/^```[a-z]*\s*\n?([\s\S]*?)\n?```$/i, "$1");
  const start = trimmed.indexOf("{");
  const end = trimmed.lastIndexOf("}");
  if (start < 0 || end <= start) return null;
  try {
    return JSON.parse(trimmed.slice(start, end + 1));
  } catch {
    return null;
  }
}

function sentencesOf(json: unknown): AnswerSentence[] | null {
  const list = (json as { sentences?: unknown })?.sentences;
  if (!Array.isArray(list)) return null;
  const out: AnswerSentence[] = [];
  for (const raw of list) {
    const s = raw as {
      text?: unknown;
      sentence?: unknown;
      sources?: unknown;
      ids?: unknown;
      followed_by?: unknown;
    };
    const text = typeof s?.text === "string" ? s.text : typeof s?.sentence === "string" ? s.sentence : null;
    if (text === null) continue;
    const ids = Array.isArray(s.sources) ? s.sources : Array.isArray(s.ids) ? s.ids : [];
    const next = s.followed_by === "line" || s.followed_by === "paragraph" ? s.followed_by : "space";
    out.push({ text, sources: ids.filter((id): id is string => typeof id === "string"), followed_by: next });
  }
  return out.length > 0 ? out : null;
}

function textOf(json: unknown): string | null {
  const o = json as Record<string, unknown>;
  for (const key of ["text", "update", "content", "body"]) if (typeof o?.[key] === "string") return o[key];
  return null;
}

const normalId = (id: string) => id.toLowerCase().replace(/\s+/g, "");

function fromSentences(list: readonly AnswerSentence[]): ParsedAnswer {
  let text = "";
  const sentences: SentenceSources[] = [];
  list.forEach((s, i) => {
    // A model may put markers into the text as well; they never reach the reader.
    const inline = [...s.text.matchAll(MARKER)].flatMap((m) => m[0].match(ID) ?? []);
    const clean = s.text.replace(MARKER, "").trim();
    if (!clean) return;
    text += clean + (i < list.length - 1 ? JOIN[s.followed_by] : "");
    sentences.push({ sentence: clean, ids: [...new Set([...s.sources, ...inline].map(normalId))] });
  });
  return { text: text.trim(), sentences };
}

/**
 * Plain text: a marker cites what was written since the previous marker (one
 * sentence when the model marks each, else the sentences together); text
 * after the last marker is split into sentences without ids.
 */
function fromMarkedText(answer: string): ParsedAnswer {
  const sentences: SentenceSources[] = [];
  let last = 0;
  for (const m of answer.matchAll(MARKER)) {
    const ids = [...new Set((m[0].match(ID) ?? []).map(normalId))];
    // "… email [m3]." : the full stop after the marker ends the cited sentence.
    const stop = /^[.!?]+/.exec(answer.slice(m.index + m[0].length))?.[0] ?? "";
    // Each line of the cited run is one entry: a marker after a list cites each item.
    for (const line of (answer.slice(last, m.index) + stop).split(/\n+/)) {
      const cited = splitSentences(line);
      if (cited.length > 0) sentences.push({ sentence: cited.join(" "), ids });
    }
    last = m.index + m[0].length + stop.length;
  }
  for (const sentence of splitSentences(answer.slice(last))) sentences.push({ sentence, ids: [] });
  const text = answer
    .replace(MARKER, "")
    .replace(/[ \t]+$/gm, "")
    .trim();
  return { text, sentences: sentences.filter((s) => /\w/.test(s.sentence)) };
}
