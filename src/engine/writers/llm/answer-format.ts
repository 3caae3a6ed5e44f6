/**
 * How the model hands back its sentences with the messages each rests on:
 * as JSON under a schema where the endpoint supports structured output, else
 * as plain text with an id marker after each sentence ("… [m3, m7]").
 */
export type AnswerMode = "json" | "markers";

/** One sentence of the answer as the schema asks for it; `followed_by` says how it joins the next. */
export interface AnswerSentence {
  text: string;
  sources: string[];
  followed_by: "space" | "line" | "paragraph";
}

/** The OpenAI `response_format` for Structured Outputs (strict: every property required, none extra). */
export const SENTENCES_FORMAT = {
  type: "json_schema",
  json_schema: {
    name: "status_update",
    strict: true,
    schema: {
      type: "object",
      properties: {
        sentences: {
          type: "array",
          items: {
            type: "object",
            properties: {
              text: { type: "string" },
              sources: { type: "array", items: { type: "string" } },
              followed_by: { type: "string", enum: ["space", "line", "paragraph"] },
            },
            required: ["text", "sources", "followed_by"],
            additionalProperties: false,
          },
        },
      },
      required: ["sentences"],
      additionalProperties: false,
    },
  },
} as const;

const CITE =
  "Every message in the session data has an id (m1 is the first message), and the account lists the ids each item rests on. For every sentence you write, give the ids of the messages that say what it says; none for a sentence that only frames the text (a thank-you, a promise to keep them posted). Never cite an id that does not appear in the data.";

const STAGE_RULE =
  "The account's Stage and 'Waiting now on' lines are authoritative: never say something was done, fixed, applied or resolved when the account has it only as planned or suggested, never say a fix is under way while the stage says it is not applied, and never say we are waiting on someone when the account waits on nobody.";

export function sourcesGuidance(mode: AnswerMode): string {
  const shape =
    mode === "json"
      ? 'Answer as JSON: {"sentences": [{"text": ..., "sources": ["m3"], "followed_by": "space" | "line" | "paragraph"}]}, the sentences in reading order; "followed_by" says what follows the sentence (a space, a line break, or a blank line before a new paragraph). Write list items and "Label:" lines as sentences of their own, with their "- " or label at the start of the text.'
      : 'After each sentence write its ids in square brackets, like "We restarted the service. [m12]" or "[m3, m7]"; write nothing else in brackets. These markers are removed before anyone reads the text.';
  return [STAGE_RULE, CITE, shape].join("\n");
}
