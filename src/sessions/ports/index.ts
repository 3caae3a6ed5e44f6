import type { AccountStore } from "./accounts.ts";
import type { MessageStore } from "./messages.ts";
import type { ProcessedEventStore } from "./processed-events.ts";
import type { ReminderStore } from "./reminders.ts";
import type { SessionStore } from "./sessions.ts";
import type { TemplateStore } from "./templates.ts";
import type { UpdateStore } from "./updates.ts";

export type {
  AccountStore,
  MessageStore,
  ProcessedEventStore,
  ReminderStore,
  SessionStore,
  TemplateStore,
  UpdateStore,
};

/**
 * Every port the session use cases persist through, as one object: what
 * src/db implements (one Prisma-backed object) and what the app hands to
 * chat and REST. Each use case asks only for the ports it uses.
 */
export interface ConversationStore
  extends AccountStore,
    TemplateStore,
    SessionStore,
    MessageStore,
    UpdateStore,
    ReminderStore,
    ProcessedEventStore {}
