import { z } from "zod";
import { MAX_MESSAGE_CHARS } from "../../domain/index.ts";
import {
  AUDIENCES,
  INFERRED_STATUSES,
  LENGTHS,
  MESSAGE_AUTHORS,
  SESSION_STATUSES,
  UPDATE_CONTEXTS,
} from "../../engine/types.ts";
import { MAX_MESSAGES_PER_CALL, MAX_UPDATES_PER_PAGE } from "../../sessions/api/index.ts";
import { PSA_PUSH_STATUSES } from "../../sessions/steps.ts";

/**
 * Every REST request and response body. The routes validate and serialise
 * with these, and /openapi.json is generated from them, so the document is
 * what the server does. Names given with `.meta({ id })` become components.
 */

/**
 * A NUL byte or a lone surrogate half is refused (422 naming the field), not
 * normalised: it means binary data or a broken encoder on the caller's side,
 * and silently altering text is worse than saying so.
 */
const BROKEN_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine(
      (s) => !BROKEN_TEXT.test(s),
      "contains a NUL byte or a lone surrogate (invalid UTF-16); send valid text",
    );

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ example: "invalid_input" }),
      message: z.string(),
      field: z.string().optional().meta({ description: "The request field at fault (dotted path)" }),
      correlation_id: z
        .string()
        .optional()
        .meta({ description: "Quote it when reporting an internal error" }),
    }),
  })
  .meta({ id: "Error" });

export const engineerSchema = z
  .object({
    id: text(200).meta({ description: "Your stable id for the engineer" }),
    name: text(200).meta({ description: "Display name, used in sign-offs" }),
  })
  .meta({ id: "Engineer" });

export const createSessionBody = z
  .object({
    ticket_id: text(64).meta({ example: "TKT-2847" }),
    ticket_summary: text(300).optional(),
    client_company: text(200).optional(),
    client_contact: text(200).optional(),
    engineer: engineerSchema,
  })
  .meta({ id: "CreateSessionRequest" });

export const sessionSchema = z
  .object({
    session_id: z.uuid(),
    ticket_id: z.string().nullable(),
    ticket_summary: z.string().nullable(),
    client_company: z.string().nullable(),
    client_contact: z.string().nullable(),
    engineer_name: z.string().nullable(),
    status: z.enum(SESSION_STATUSES),
    session_status: z.enum(INFERRED_STATUSES).meta({ description: "Progress inferred from the messages" }),
    waiting_on: z
      .object({
        party: z.enum(["client", "vendor", "internal", "process"]),
        who: z.string().nullable().meta({ description: "The person named in the wait, when one is" }),
        for: z.string().meta({ description: "The statement that says what the work waits for" }),
        message_ids: z.array(z.string()).meta({ description: "The messages it rests on (m1 = the first)" }),
      })
      .nullable()
      .meta({ description: "What the work waits on now, read from the messages" }),
    started_at: z.iso.datetime(),
    message_count: z.int().nonnegative(),
    updates_count: z.int().nonnegative(),
    time_spent_minutes: z.int().nonnegative(),
    resolution_summary: z.string().nullable(),
    escalation_reason: z.string().nullable(),
  })
  .meta({ id: "Session" });

export const createdSessionSchema = z
  .object({
    session: sessionSchema,
    notice: z.string().optional().meta({ description: "Why nothing was filled in from the PSA, if so" }),
  })
  .meta({ id: "CreatedSession" });

const messageFields = {
  author: z.enum(MESSAGE_AUTHORS).optional().meta({ description: "Default: engineer" }),
  author_name: text(200).optional(),
};

const messageSchema = z.object({ ...messageFields, text: text(MAX_MESSAGE_CHARS) }).meta({ id: "Message" });

/** One message (`text`, optional `author`), or several in order (`messages`); not both. */
export const addMessagesBody = z
  .object({
    ...messageFields,
    text: text(MAX_MESSAGE_CHARS).optional(),
    messages: z.array(messageSchema).min(1).max(MAX_MESSAGES_PER_CALL).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.text === undefined && body.messages === undefined)
      ctx.addIssue({ code: "custom", path: ["text"], message: "give text (one message) or messages" });
    if (body.text !== undefined && body.messages !== undefined)
      ctx.addIssue({ code: "custom", path: ["messages"], message: "give either text or messages, not both" });
  })
  .meta({
    id: "AddMessagesRequest",
    description: "One message (`text`, optional `author`), or `messages`: several, recorded in order",
  });

export const addedMessagesSchema = z
  .object({
    recorded: z.int().positive(),
    message_count: z.int().nonnegative(),
  })
  .meta({ id: "AddedMessages" });

export const pauseBody = z.object({ reason: text(500).optional() }).meta({ id: "PauseRequest" });
export const resolveBody = z
  .object({ summary: text(2000).meta({ description: "What fixed it" }) })
  .meta({ id: "ResolveRequest" });
export const escalateBody = z
  .object({ reason: text(2000).meta({ description: "Why it is escalated" }) })
  .meta({ id: "EscalateRequest" });

export const statusUpdateBody = z
  .object({
    audience: z.enum(AUDIENCES),
    length: z.enum(LENGTHS).optional().meta({ description: "Default: the team's default_length" }),
    context: z.enum(UPDATE_CONTEXTS).optional().meta({ description: "Default: follows the session status" }),
  })
  .meta({ id: "StatusUpdateRequest" });

export const statusUpdateSchema = z
  .object({
    update_id: z.uuid(),
    content: z.string(),
    audience: z.enum(AUDIENCES),
    length: z.enum(LENGTHS),
    context: z.enum(UPDATE_CONTEXTS),
    session_status: z.enum(INFERRED_STATUSES),
    steps_completed: z.int().nonnegative(),
    time_spent_minutes: z.int().nonnegative(),
    generated_at: z.iso.datetime(),
  })
  .meta({ id: "StatusUpdate" });

export const storedUpdateSchema = statusUpdateSchema
  .extend({
    writer: z.enum(["offline", "llm"]),
    edited: z.boolean(),
    delivery: z.object({
      psa_push_status: z.enum(PSA_PUSH_STATUSES),
      psa_note_id: z.string().optional(),
      psa_note_visibility: z.enum(["internal", "external"]).optional(),
      psa_error: z.string().optional(),
      posted_at: z.iso.datetime().optional(),
    }),
  })
  .meta({ id: "StoredUpdate" });

/** Updates per page of GET …/updates when `limit` is not given. */
export const DEFAULT_UPDATES_PER_PAGE = 50;

export const updateListQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_UPDATES_PER_PAGE)
    .default(DEFAULT_UPDATES_PER_PAGE)
    .meta({
      description: `Updates per page: 1 to ${MAX_UPDATES_PER_PAGE}, default ${DEFAULT_UPDATES_PER_PAGE}`,
    }),
  cursor: z.string().min(1).max(200).optional().meta({
    description: "The `next_cursor` of the previous page (opaque); leave it out for the first page",
  }),
});

export const updateListSchema = z
  .object({
    updates: z.array(storedUpdateSchema).meta({ description: "Oldest first" }),
    next_cursor: z.string().nullable().meta({
      description:
        "Pass it as `cursor` for the next page; null on the last page. Updates written while you page come at the end: none is skipped or repeated",
    }),
  })
  .meta({ id: "UpdateList" });

export const closedSessionSchema = z
  .object({
    session: sessionSchema,
    updates: z.array(storedUpdateSchema).meta({ description: "The pre-generated closing updates" }),
  })
  .meta({ id: "ClosedSession" });

export const postToTicketBody = z
  .object({
    engineer: engineerSchema
      .optional()
      .meta({ description: "Post as this engineer's PSA member, if mapped" }),
  })
  .meta({ id: "PostToTicketRequest" });

export const postedSchema = z
  .object({
    note_id: z.string(),
    visibility: z.enum(["internal", "external"]),
    ticket_id: z.string(),
    already_posted: z.boolean(),
  })
  .meta({ id: "PostedNote" });

export const postFailedSchema = z
  .object({
    error: z.object({ code: z.literal("psa_unavailable"), message: z.string() }),
    visibility: z.enum(["internal", "external"]),
    ticket_id: z.string(),
    content: z.string().meta({ description: "The update text, to copy into the ticket by hand" }),
  })
  .meta({ id: "PostFailed" });

export const healthSchema = z.object({ status: z.literal("ok") }).meta({ id: "Health" });

export const sessionParams = z.object({ session_id: z.string().meta({ description: "Session id" }) });
export const updateParams = sessionParams.extend({
  update_id: z.string().meta({ description: "Update id" }),
});
