import { z } from "zod";
import { AUDIENCES, INFERRED_STATUSES, LENGTHS, MESSAGE_AUTHORS, UPDATE_CONTEXTS } from "../domain/index.ts";

/**
 * JSON shapes of `session_steps.content`, one per `step_type`. Every write goes
 * through these schemas so the timeline stays readable by every version.
 */

export const messageStepSchema = z.object({
  author: z.enum(MESSAGE_AUTHORS),
  text: z.string(),
  /** The chat platform's message id (Slack ts, Teams activity id), for de-duplication. */
  platform_message_id: z.string().optional(),
  /** Display name of the person who wrote it, already resolved from platform ids. */
  author_name: z.string().optional(),
});
export type MessageStepContent = z.infer<typeof messageStepSchema>;

export const PSA_PUSH_STATUSES = ["not_posted", "pending", "posted", "failed"] as const;

export const deliverySchema = z.object({
  copied_at: z.string().datetime().optional(),
  psa_push_status: z.enum(PSA_PUSH_STATUSES).default("not_posted"),
  psa_note_id: z.string().optional(),
  psa_note_visibility: z.enum(["internal", "external"]).optional(),
  psa_error: z.string().optional(),
  posted_at: z.string().datetime().optional(),
  reminder_step_id: z.string().optional(),
});
export type Delivery = z.infer<typeof deliverySchema>;

export const statusUpdateStepSchema = z.object({
  audience: z.enum(AUDIENCES),
  length: z.enum(LENGTHS),
  context: z.enum(UPDATE_CONTEXTS),
  /** What the writer produced. */
  generated_content: z.string(),
  /** What the engineer edited it to, if they did; copy/post use this. */
  final_content: z.string().optional(),
  session_status: z.enum(INFERRED_STATUSES),
  steps_completed: z.number().int().nonnegative(),
  time_spent_minutes: z.number().int().nonnegative(),
  generated_at: z.string().datetime(),
  writer: z.enum(["offline", "llm"]),
  fallback_reason: z.string().optional(),
  /** Number of messages in the session when generated: "since last update" starts here. */
  message_count: z.number().int().nonnegative(),
  delivery: deliverySchema.default({ psa_push_status: "not_posted" }),
  feedback: z.enum(["up", "down"]).optional(),
  requested_by: z.string().optional(),
});
export type StatusUpdateStepContent = z.infer<typeof statusUpdateStepSchema>;

export const REMINDER_STATUSES = ["pending", "fired", "cancelled"] as const;

export const reminderStepSchema = z.object({
  remind_at: z.string().datetime(),
  audience: z.enum(AUDIENCES),
  status: z.enum(REMINDER_STATUSES),
  update_step_id: z.string().optional(),
  fired_at: z.string().datetime().optional(),
  cancelled_reason: z.string().optional(),
  requested_by: z.string().optional(),
  /** The requester's platform user id, so the reminder can mention (or DM) them. */
  requested_by_user_id: z.string().optional(),
  /** A process is delivering it until then; after that (it died) another may. */
  claimed_until: z.string().datetime().optional(),
  /** Delivery attempts so far, and when the next may start after a failed one. */
  attempts: z.number().int().nonnegative().optional(),
  next_attempt_at: z.string().datetime().optional(),
  last_error: z.string().optional(),
});
export type ReminderStepContent = z.infer<typeof reminderStepSchema>;

export const resolutionStepSchema = z.object({ summary: z.string() });
export const escalationStepSchema = z.object({ reason: z.string() });
export const pauseStepSchema = z.object({ reason: z.string().optional() });

/** What Copy and Post to Ticket use: the engineer's edit when there is one, else the generated text. */
export function finalText(
  update: Pick<StatusUpdateStepContent, "final_content" | "generated_content">,
): string {
  return update.final_content ?? update.generated_content;
}
