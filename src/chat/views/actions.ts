import { z } from "zod";
import { MAX_REMINDER_MINUTES } from "../../domain/limits.ts";
import { AUDIENCES, LENGTHS, UPDATE_CONTEXTS } from "../../engine/types.ts";
import { FlowPilotError } from "../../errors.ts";

/**
 * Every button FlowPilot shows, by stable id. Ids are what the platforms send
 * back (Slack `action_id`, Teams submit data), so they never change meaning;
 * a retired id answers with "expired_action".
 */
export const ACTION_IDS = {
  escalate: "session.escalate",
  shareUpdate: "session.share_update",
  pause: "session.pause",
  resume: "session.resume",
  resolve: "session.resolve",
  pickAudience: "update.pick_audience",
  pickLength: "update.pick_length",
  copy: "update.copy",
  postToTicket: "update.post_to_ticket",
  regenerate: "update.regenerate",
  switchAudience: "update.switch_audience",
  switchLength: "update.switch_length",
  setReminder: "update.set_reminder",
  reminderOption: "update.reminder_option",
  edit: "update.edit",
  feedbackUp: "update.feedback_up",
  feedbackDown: "update.feedback_down",
  skip: "update.skip",
  historyExpand: "history.expand",
  reminderOpenUpdate: "reminder.open_update",
} as const;

export type ActionKey = keyof typeof ACTION_IDS;
export type ActionId = (typeof ACTION_IDS)[ActionKey];

const ALL_ACTION_IDS: ReadonlySet<string> = new Set(Object.values(ACTION_IDS));

/** True for an id FlowPilot currently understands (adapters use it to ignore foreign buttons). */
export function isActionId(value: string): value is ActionId {
  return ALL_ACTION_IDS.has(value);
}

/** Current payload format version; bump it when a field changes meaning. */
export const ACTION_PAYLOAD_VERSION = 1;
/** Slack's limit on a button `value`; the smallest of our platforms. */
export const MAX_ENCODED_PAYLOAD_CHARS = 2000;

const idSchema = z.string().min(1).max(128);

export const actionPayloadSchema = z.object({
  v: z.literal(ACTION_PAYLOAD_VERSION),
  sessionId: idSchema,
  updateId: idSchema.optional(),
  audience: z.enum(AUDIENCES).optional(),
  length: z.enum(LENGTHS).optional(),
  context: z.enum(UPDATE_CONTEXTS).optional(),
  minutes: z.number().int().min(1).max(MAX_REMINDER_MINUTES).optional(),
});

/** What a button carries back: which session/update it acts on and the choice it stands for. */
export type ActionPayload = z.infer<typeof actionPayloadSchema>;

/** The user message for any button FlowPilot can no longer read. */
export const EXPIRED_ACTION_MESSAGE =
  "This button is from an older version of FlowPilot or has expired. Run /flowpilot-update to start again.";

/**
 * Compact JSON of a payload (undefined fields dropped), guaranteed to fit a
 * Slack button value. Throws `invalid_input` for a payload that breaks the
 * schema: that is a programming error, caught by the tests.
 */
export function encodeActionPayload(payload: ActionPayload): string {
  const parsed = actionPayloadSchema.safeParse(payload);
  if (!parsed.success) {
    throw new FlowPilotError(
      "invalid_input",
      `Cannot build a button: ${parsed.error.issues[0]?.path.join(".") ?? "payload"} is invalid.`,
    );
  }
  const encoded = JSON.stringify(parsed.data);
  if (encoded.length > MAX_ENCODED_PAYLOAD_CHARS) {
    throw new FlowPilotError("invalid_input", "Cannot build a button: its payload is too long.");
  }
  return encoded;
}

/**
 * Reads a payload a platform sent back. Malformed, oversized, tampered or
 * older-version payloads become `expired_action` with a message that says
 * what to do; the core never acts on a payload it cannot fully validate.
 */
export function decodeActionPayload(encoded: string): ActionPayload {
  if (typeof encoded !== "string" || encoded.length === 0 || encoded.length > MAX_ENCODED_PAYLOAD_CHARS) {
    throw new FlowPilotError("expired_action", EXPIRED_ACTION_MESSAGE);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(encoded);
  } catch (err) {
    throw new FlowPilotError("expired_action", EXPIRED_ACTION_MESSAGE, { cause: err });
  }
  const parsed = actionPayloadSchema.safeParse(raw);
  if (!parsed.success)
    throw new FlowPilotError("expired_action", EXPIRED_ACTION_MESSAGE, { cause: parsed.error });
  return parsed.data;
}

/** Builds a payload with the current version. */
export function payload(fields: Omit<ActionPayload, "v">): ActionPayload {
  const out: ActionPayload = { v: ACTION_PAYLOAD_VERSION, sessionId: fields.sessionId };
  if (fields.updateId !== undefined) out.updateId = fields.updateId;
  if (fields.audience !== undefined) out.audience = fields.audience;
  if (fields.length !== undefined) out.length = fields.length;
  if (fields.context !== undefined) out.context = fields.context;
  if (fields.minutes !== undefined) out.minutes = fields.minutes;
  return out;
}

/** Free text an action asks for before it runs (edit text, custom reminder, resolve summary). */
export interface ActionInput {
  prompt: string;
  placeholder?: string;
  multiline?: boolean;
  maxLength?: number;
}

/** Longest free text a button collects: Slack's plain_text_input maximum. */
export const MAX_ACTION_INPUT_CHARS = 3000;

/** The free text the Resolve button asks for. */
export const RESOLVE_INPUT: ActionInput = {
  prompt: "What fixed it? This summary is the authoritative cause and fix in the resolution notes.",
  placeholder: "Re-scoped the transport rule to the External-Block-Group; mail flowing again",
  multiline: true,
  maxLength: MAX_ACTION_INPUT_CHARS,
};

export const ESCALATE_INPUT: ActionInput = {
  prompt: "Why are you escalating? Say what is needed; the handoff note lists what was tried.",
  placeholder: "Needs an Exchange admin with tenant-wide rights",
  multiline: true,
  maxLength: MAX_ACTION_INPUT_CHARS,
};

export const EDIT_INPUT: ActionInput = {
  prompt: "Your version of the update. Copy and Post to Ticket will use it; the generated text is kept.",
  multiline: true,
  maxLength: MAX_ACTION_INPUT_CHARS,
};

export const CUSTOM_REMINDER_INPUT: ActionInput = {
  prompt: "Remind you in how long? For example 45, 45m, 1h or 1h30m (up to 7 days).",
  placeholder: "45m",
  maxLength: 20,
};
