import type { ActionId, ActionInput, ActionPayload } from "./actions.ts";

/**
 * The platform-neutral view model: every message FlowPilot shows is one
 * `ViewMessage`, built by a pure view builder and rendered by one pure
 * renderer per surface (Slack Block Kit, Teams Adaptive Card, console text).
 *
 * Text marked `markdown: true` uses a tiny neutral markup that each renderer
 * converts: `**bold**`, `_italic_`, lines starting with `- ` as bullets, and
 * line breaks. Everything else is shown as written.
 */

export const VIEW_KINDS = [
  "session_header",
  "audience_picker",
  "length_picker",
  "generating",
  "update_result",
  "switch_audience",
  "reminder_options",
  "reminder_set",
  "reminder_fired",
  "reminder_cancelled",
  "post_result",
  "copied",
  "history",
  "history_entry",
  "share_resolution",
  "share_escalation",
  "templates",
  "help",
  "home",
  "error",
  "notice",
] as const;
export type ViewKind = (typeof VIEW_KINDS)[number];

/** A confirmation step before the action runs (Slack `confirm` object, a Teams show-card, a console note). */
export interface ActionConfirm {
  title: string;
  text: string;
  confirm: string;
  deny: string;
}

/** One button. A disabled action still renders, with its reason, so the engineer knows why. */
export interface ViewAction {
  id: ActionId;
  label: string;
  style?: "primary" | "danger";
  payload: ActionPayload;
  /** Set when the action cannot be used yet; the text says why (and names the action). */
  disabledReason?: string;
  confirm?: ActionConfirm;
  input?: ActionInput;
}

export interface Fact {
  label: string;
  value: string;
}

export type ViewBlock =
  | { type: "header"; text: string }
  | { type: "text"; text: string; markdown: boolean }
  /**
   * A generated update, shown so it can be copied verbatim. `copyable` asks
   * for the raw text (a code block where the platform has one) instead of
   * rendered formatting.
   */
  | { type: "update"; content: string; format: "markdown" | "plain"; copyable?: boolean }
  | { type: "facts"; items: Fact[] }
  /** A small muted line. */
  | { type: "context"; text: string }
  | { type: "divider" }
  | { type: "actions"; actions: ViewAction[] }
  /** One line of a list (a history entry) with an optional button beside it. Text uses the neutral markup. */
  | { type: "item"; text: string; action?: ViewAction };

export type ViewBlockType = ViewBlock["type"];

export interface ViewMessage {
  kind: ViewKind;
  /** Plain fallback/notification text (push notifications, screen readers, clients without cards). */
  text: string;
  blocks: ViewBlock[];
  /** A user the message is addressed to (a reminder's requester): renderers that can, mention them. */
  mention?: { platformUserId: string; name: string };
}

/**
 * The line a renderer shows in place of (or beside) a disabled button. The
 * reason usually names the action already ("Share Update is available
 * after..."); otherwise the label is put in front.
 */
export function disabledActionText(action: ViewAction): string {
  const reason = action.disabledReason ?? "";
  return reason.toLowerCase().startsWith(action.label.toLowerCase()) ? reason : `${action.label} — ${reason}`;
}

/** All actions of a view in display order (actions blocks and item buttons). */
export function viewActions(view: ViewMessage): ViewAction[] {
  const out: ViewAction[] = [];
  for (const block of view.blocks) {
    if (block.type === "actions") out.push(...block.actions);
    else if (block.type === "item" && block.action) out.push(block.action);
  }
  return out;
}

/** Neutral markup to plain text: drops `**` and `_` emphasis marks, keeps bullets and line breaks. */
export function stripMarkup(text: string): string {
  return text.replace(/\*\*(.+?)\*\*/g, "$1").replace(/(^|[\s(])_([^_\n]+?)_(?=$|[\s).,:;!?])/gm, "$1$2");
}
