import type { Audience } from "../../engine/types.ts";
import { ACTION_IDS, CUSTOM_REMINDER_INPUT, payload } from "./actions.ts";
import { AUDIENCE_LABELS, formatMinutes } from "./labels.ts";
import type { ViewMessage } from "./model.ts";

/** Views of spec "Follow-up Reminders": options, confirmation, the reminder itself, and its cancellation. */

/** Quick options offered by Set Reminder (minutes); "Custom" asks for a duration. */
export const REMINDER_OPTIONS = [
  { minutes: 15, label: "15 min" },
  { minutes: 30, label: "30 min" },
  { minutes: 60, label: "1 hour" },
] as const;

/**
 * What the reminder is for, as a verb phrase: ticket notes go on the ticket,
 * client updates and emails go to the client.
 */
const NEXT_UPDATE: Record<Audience, (client: string) => string> = {
  ticket_notes: () => "add another ticket note",
  client_update: (client) => `send ${client} another update`,
  email_draft: (client) => `send ${client} another email`,
};

function nextUpdate(audience: Audience, clientName?: string): string {
  return NEXT_UPDATE[audience](clientName ?? "the client");
}

export interface ReminderOptionsData {
  sessionId: string;
  updateId: string;
  audience: Audience;
  clientName?: string;
}

/** Set Reminder: 15 min / 30 min / 1 hour / Custom. */
export function reminderOptionsView(data: ReminderOptionsData): ViewMessage {
  const ids = { sessionId: data.sessionId, updateId: data.updateId, audience: data.audience };
  const question = `Remind you to ${nextUpdate(data.audience, data.clientName)} in:`;
  return {
    kind: "reminder_options",
    text: question,
    blocks: [
      { type: "text", text: question, markdown: false },
      {
        type: "actions",
        actions: [
          ...REMINDER_OPTIONS.map((o) => ({
            id: ACTION_IDS.reminderOption,
            label: o.label,
            payload: payload({ ...ids, minutes: o.minutes }),
          })),
          {
            id: ACTION_IDS.reminderOption,
            label: "Custom",
            payload: payload(ids),
            input: CUSTOM_REMINDER_INPUT,
          },
        ],
      },
    ],
  };
}

export interface ReminderSetData {
  sessionId: string;
  remindAt: Date;
  minutes: number;
  audience: Audience;
  clientName?: string;
}

/** Confirms a scheduled reminder. Relative time only: the core does not know the reader's time zone. */
export function reminderSetView(data: ReminderSetData): ViewMessage {
  const line = `⏰ Reminder set: in ${formatMinutes(data.minutes)} I'll remind you to ${nextUpdate(data.audience, data.clientName)}.`;
  return {
    kind: "reminder_set",
    text: line,
    blocks: [
      { type: "text", text: line, markdown: false },
      {
        type: "context",
        text: "It is cancelled automatically if the session is resolved or escalated first.",
      },
    ],
  };
}

export interface ReminderFiredData {
  sessionId: string;
  audience: Audience;
  clientName?: string;
  summary?: string;
  /** Who set it: named in the text, and mentioned where the platform can. */
  requester?: { name?: string; platformUserId?: string };
}

/** The reminder: "Sam, time to send <client> another update on <summary>", with a button into the update flow. */
export function reminderFiredView(data: ReminderFiredData): ViewMessage {
  const on = data.summary ? ` on ${data.summary}` : "";
  const who = data.requester?.name?.trim();
  const time = who ? `${who}, time` : "Time";
  const line = `⏰ ${time} to ${nextUpdate(data.audience, data.clientName)}${on}`;
  const mention = data.requester?.platformUserId
    ? { platformUserId: data.requester.platformUserId, name: who ?? "" }
    : undefined;
  return {
    kind: "reminder_fired",
    text: line,
    ...(mention ? { mention } : {}),
    blocks: [
      { type: "text", text: line, markdown: false },
      {
        type: "actions",
        actions: [
          {
            id: ACTION_IDS.reminderOpenUpdate,
            label: `Write ${AUDIENCE_LABELS[data.audience].label}`,
            style: "primary",
            payload: payload({ sessionId: data.sessionId, audience: data.audience }),
          },
        ],
      },
    ],
  };
}

/** The thread's note of a reminder delivered by direct message: "⏰ Reminder sent to Sam: client update due". */
export function reminderNoteView(requesterName: string, audience: Audience): ViewMessage {
  const who = requesterName.trim() ? ` to ${requesterName.trim()}` : "";
  const line = `⏰ Reminder sent${who}: ${AUDIENCE_LABELS[audience].label} due`;
  return { kind: "reminder_fired", text: line, blocks: [{ type: "context", text: line }] };
}

export interface ReminderCancelledData {
  count: number;
  /** Why the session no longer needs them; "resolved" when omitted. */
  reason?: "resolved" | "escalated";
}

/** "Reminder cancelled — session resolved" (spec wording), pluralised for several. */
export function reminderCancelledView(data: ReminderCancelledData): ViewMessage {
  const what = data.count === 1 ? "Reminder cancelled" : `${data.count} reminders cancelled`;
  const line = `${what} — session ${data.reason ?? "resolved"}`;
  return { kind: "reminder_cancelled", text: line, blocks: [{ type: "context", text: line }] };
}
