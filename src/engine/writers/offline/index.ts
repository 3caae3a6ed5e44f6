import type { Audience } from "../../../domain/index.ts";
import type { UpdateWriter, WriterInput, WriterOutput } from "../types.ts";
import { writeClientUpdate } from "./client-update.ts";
import { writeEmailDraft } from "./email-draft.ts";
import { writeTicketNotes } from "./ticket-notes.ts";

/** The offline writer of each audience. */
const WRITERS: Record<Audience, (input: WriterInput) => string> = {
  ticket_notes: (i) => writeTicketNotes(i.facts, i.account, i.length, i.context, i.templates),
  client_update: (i) => writeClientUpdate(i.facts, i.length, i.context, i.templates),
  email_draft: (i) => writeEmailDraft(i.facts, i.length, i.context, i.templates),
};

/** The deterministic writer: no network, same input gives the same text. */
export function writeOffline(input: WriterInput): string {
  return WRITERS[input.audience](input);
}

export const offlineWriter: UpdateWriter = {
  name: "offline",
  async write(input: WriterInput): Promise<WriterOutput> {
    return { content: writeOffline(input), writer: "offline" };
  },
};
