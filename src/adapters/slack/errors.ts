import { FlowPilotError } from "../../errors.ts";

/** The Web API's error code of a failed call (`ok: false`), if that is what it was. */
export function slackErrorCode(err: unknown): string | undefined {
  const data = (err as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === "string" ? data.error : undefined;
}

/** Errors a user can fix, in their words; anything else stays an unknown error (logged with an id). */
const USER_FIXABLE: Record<string, string> = {
  not_in_channel: "FlowPilot is not in this channel yet: invite it with /invite @FlowPilot, then try again.",
  channel_not_found:
    "FlowPilot cannot see this channel (private channels need an invite): /invite @FlowPilot, then try again.",
  is_archived: "This channel is archived, so FlowPilot cannot post here.",
  msg_too_long:
    "That message is too long for Slack; nothing was lost, the full text is in /flowpilot history.",
};

/** Turns a Web API failure into what the engineer should read, when one exists; rethrows otherwise. */
export function rethrowSlackError(err: unknown, operation: string): never {
  const code = slackErrorCode(err);
  const message = code ? USER_FIXABLE[code] : undefined;
  if (message) throw new FlowPilotError("forbidden", message, { cause: err });
  throw new Error(`Slack ${operation} failed${code ? `: ${code}` : ""}`, { cause: err });
}
