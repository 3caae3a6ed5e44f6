import type { SessionAccount } from "../account/session-account.ts";
import type { SessionFacts } from "../context/session-facts.ts";
import type { CommunicationTemplates } from "../templates.ts";
import type { Audience, Length, SentenceSources, SessionSnapshot, UpdateContextKind } from "../types.ts";

export type { SentenceSources } from "../types.ts";

/** Everything a writer needs for one update; the request is already resolved (no defaults left). */
export interface WriterInput {
  session: SessionSnapshot;
  facts: SessionFacts;
  /** The session read as one account: problem, hypotheses, actions, waits, with their message ids. */
  account: SessionAccount;
  audience: Audience;
  length: Length;
  context: UpdateContextKind;
  templates: CommunicationTemplates;
}

export interface WriterOutput {
  content: string;
  writer: "offline" | "llm";
  /** Set when an LLM writer fell back to the offline text, with the reason. */
  fallbackReason?: string;
  /** The LLM's sentences with the messages it cited for each; the ids are not in `content`. */
  sources?: SentenceSources[];
}

/** Turns a session's facts into the text of one update. */
export interface UpdateWriter {
  readonly name: "offline" | "llm";
  write(input: WriterInput): Promise<WriterOutput>;
}
