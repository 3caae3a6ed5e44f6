import type { UpdateWriter, WriterInput, WriterOutput } from "../types.ts";
import { writeClientUpdate } from "./client-update.ts";
import { writeEmailDraft } from "./email-draft.ts";
import { writeTicketNotes } from "./ticket-notes.ts";

/** The deterministic writer: no network, same input gives the same text. */
export function writeOffline(input: WriterInput): string {
  const { facts, length, context, templates } = input;
  switch (input.audience) {
    case "ticket_notes":
      return writeTicketNotes(facts, length, context, templates);
    case "client_update":
      return writeClientUpdate(facts, length, context, templates);
    case "email_draft":
      return writeEmailDraft(facts, length, context, templates);
  }
}

export const offlineWriter: UpdateWriter = {
  name: "offline",
  async write(input: WriterInput): Promise<WriterOutput> {
    return { content: writeOffline(input), writer: "offline" };
  },
};
