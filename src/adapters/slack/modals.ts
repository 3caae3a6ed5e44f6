import type { ActionInput } from "../../chat/views/actions.ts";
import { clip } from "./render.ts";

/** The modal that asks for an action's text (edit, custom reminder, resolve or escalate summary). */
export const INPUT_MODAL_CALLBACK = "flowpilot_action_input";
const BLOCK_ID = "input";
const INPUT_ACTION_ID = "value";
/** Slack's plain_text_input allows at most 3,000 characters. */
const SLACK_INPUT_MAX = 3000;

/** What the modal carries back to its submission (Slack's private_metadata, at most 3,000 characters). */
export interface InputModalContext {
  actionId: string;
  payload: string;
  teamId: string;
  channel: string;
  threadId?: string;
  /** The message the button was on, for actions that replace it. */
  messageTs?: string;
  sourceThreadId?: string;
  responseUrl?: string;
}

export function inputModal(input: ActionInput, title: string, context: InputModalContext) {
  return {
    type: "modal" as const,
    callback_id: INPUT_MODAL_CALLBACK,
    private_metadata: JSON.stringify(context),
    title: { type: "plain_text" as const, text: clip(title, 24) },
    submit: { type: "plain_text" as const, text: "Done" },
    close: { type: "plain_text" as const, text: "Cancel" },
    blocks: [
      {
        type: "input",
        block_id: BLOCK_ID,
        label: { type: "plain_text", text: clip(input.prompt, 2000) },
        element: {
          type: "plain_text_input",
          action_id: INPUT_ACTION_ID,
          multiline: Boolean(input.multiline),
          max_length: Math.min(input.maxLength ?? SLACK_INPUT_MAX, SLACK_INPUT_MAX),
          ...(input.placeholder
            ? { placeholder: { type: "plain_text", text: clip(input.placeholder, 150) } }
            : {}),
        },
      },
    ],
  };
}

/** The typed text and the context of a submitted input modal; null when the view is not ours or is malformed. */
export function readInputModal(view: {
  private_metadata?: string;
  state?: { values?: Record<string, Record<string, { value?: string | null }>> };
}): { input: string; context: InputModalContext } | null {
  try {
    const context = JSON.parse(view.private_metadata ?? "") as InputModalContext;
    if (typeof context?.actionId !== "string" || typeof context.payload !== "string") return null;
    const input = view.state?.values?.[BLOCK_ID]?.[INPUT_ACTION_ID]?.value ?? "";
    return { input, context };
  } catch {
    return null;
  }
}
