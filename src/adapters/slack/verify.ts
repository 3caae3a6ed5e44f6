import { verifySlackRequest } from "@slack/bolt";

/** Slack signs each request with a timestamp; older or newer than this is refused (replays, skewed clocks). */
export const MAX_REQUEST_AGE_S = 5 * 60;

export type VerifyResult = { ok: true } | { ok: false; reason: string };

/**
 * Checks `X-Slack-Signature` over the raw body and that the timestamp is
 * within 5 minutes either way: Bolt's own check only refuses old requests,
 * and a request dated in the future would otherwise stay replayable.
 */
export function verifySlackSignature(input: {
  signingSecret: string;
  rawBody: string;
  signature: string | undefined;
  timestamp: string | undefined;
  nowMs: number;
}): VerifyResult {
  const ts = Number(input.timestamp);
  if (!input.signature || !input.timestamp || !Number.isInteger(ts))
    return { ok: false, reason: "missing signature headers" };
  if (Math.abs(input.nowMs / 1000 - ts) > MAX_REQUEST_AGE_S)
    return { ok: false, reason: "stale or future timestamp" };
  try {
    verifySlackRequest({
      signingSecret: input.signingSecret,
      body: input.rawBody,
      headers: { "x-slack-signature": input.signature, "x-slack-request-timestamp": ts },
      nowMilliseconds: input.nowMs,
    });
    return { ok: true };
  } catch {
    return { ok: false, reason: "bad signature" };
  }
}
