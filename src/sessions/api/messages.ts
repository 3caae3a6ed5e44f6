import { isClosed, MAX_MESSAGE_CHARS } from "../../domain/index.ts";
import { intakeField, intakeText } from "../../engine/intake/intake-text.ts";
import { workSlices } from "../../engine/work-slices.ts";
import { FlowPilotError } from "../../errors.ts";
import { messageRefusal, recordMessages } from "../messages.ts";
import { requireSession } from "./context.ts";
import type { ApiCaller, ApiDeps, ApiMessageInput } from "./types.ts";

/** Most messages one call records. */
export const MAX_MESSAGES_PER_CALL = 100;

/**
 * Records messages into a session's timeline, in order, as given: nothing is
 * recognised as a command. A finished session's timeline is closed, and an
 * over-long message is refused rather than cut, like in chat. Either the
 * whole batch is valid or nothing is recorded.
 */
export async function addMessages(
  deps: ApiDeps,
  caller: ApiCaller,
  sessionId: string,
  incoming: ApiMessageInput[],
): Promise<{ recorded: number; messageCount: number }> {
  const session = await requireSession(deps, caller, sessionId);
  // In order, so a secret typed with a label in one message is also removed where a later one repeats it.
  const messages: ApiMessageInput[] = [];
  const slice = workSlices(); // a full batch of log pastes takes ~0.5 s to scan
  for (const m of incoming) {
    await slice();
    messages.push({
      ...m,
      text: await intakeText(m.text, session.id),
      authorName: await intakeField(m.authorName),
    });
  }
  if (isClosed(session.status))
    throw new FlowPilotError("conflict", `This session is ${session.status}; its timeline is closed.`);
  if (messages.length === 0 || messages.length > MAX_MESSAGES_PER_CALL)
    throw new FlowPilotError("invalid_input", `Send 1 to ${MAX_MESSAGES_PER_CALL} messages per call.`);
  messages.forEach((m, i) => {
    const refusal = messageRefusal(session, m.text);
    if (refusal === "empty") throw new FlowPilotError("invalid_input", `Message ${i + 1} is empty.`);
    if (refusal === "too_long")
      throw new FlowPilotError(
        "invalid_input",
        `Message ${i + 1} is ${m.text.length} characters; sessions record at most ${MAX_MESSAGE_CHARS} per message. Split it into parts.`,
      );
  });
  // One transaction: the whole batch is recorded, or nothing.
  const { messageCount } = await recordMessages(
    deps,
    session,
    messages.map((m) => ({
      author: m.author ?? "engineer",
      text: m.text,
      ...(m.authorName ? { authorName: m.authorName } : {}),
    })),
  );
  return { recorded: messages.length, messageCount };
}
