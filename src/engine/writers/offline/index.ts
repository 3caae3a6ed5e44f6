import type { Audience } from "../../../domain/index.ts";
import type { UpdateWriter, WriterInput, WriterOutput } from "../types.ts";
import { writeClientUpdate } from "./client-update.ts";
import { writeEmailDraft } from "./email-draft.ts";
import { writeTicketNotes } from "./ticket-notes.ts";

/** The offline writer of each audience. */
const WRITERS: Record<Audience, typeof writeTicketNotes> = {
  ticket_notes: writeTicketNotes,
  client_update: writeClientUpdate,
  email_draft: writeEmailDraft,
};

/** The deterministic writer: no network, same input gives the same text. */
export function writeOffline(input: WriterInput): string {
  const { facts, length, context, templates } = input;
  return WRITERS[input.audience](facts, length, context, templates);
}

export const offlineWriter: UpdateWriter = {
  name: "offline",
  async write(input: WriterInput): Promise<WriterOutput> {
    return { content: writeOffline(input), writer: "offline" };
  },
};
