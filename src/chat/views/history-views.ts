import { updateFormat } from "../../domain/index.ts";
import type { Audience, Length, UpdateContextKind } from "../../engine/types.ts";
import { type Delivery, finalText, type StatusUpdateStepContent } from "../../sessions/steps.ts";
import { ACTION_IDS, payload } from "./actions.ts";
import {
  AUDIENCE_LABELS,
  audienceTitle,
  CONTEXT_LABELS,
  deliveryLabels,
  formatTime,
  LENGTH_LABELS,
  preview,
} from "./labels.ts";
import type { ViewBlock, ViewMessage } from "./model.ts";

/** Spec "Update History": "Updates (N)", one line per update, each expandable to its full text. */

/** Most entries one history message lists; older ones are named, not dropped silently. */
export const HISTORY_MAX_ENTRIES = 20;

export interface HistoryEntryData {
  sessionId: string;
  updateId: string;
  audience: Audience;
  length: Length;
  context: UpdateContextKind;
  generatedAt: Date;
  delivery: Delivery;
  reminderPending: boolean;
  /** The final text (the engineer's edit when there is one). */
  content: string;
}

export interface HistoryViewOptions {
  /** IANA zone for "2:15 PM"; the process's zone when omitted. */
  timeZone?: string;
}

export interface HistoryEntryOptions extends HistoryViewOptions {
  /** A reminder for this update is still pending. */
  reminderPending?: boolean;
}

/** The session's updates, oldest first, with audience icon, time, length badge and delivery status. */
export function historyView(
  entries: readonly HistoryEntryData[],
  opts: HistoryViewOptions = {},
): ViewMessage {
  const title = `Updates (${entries.length})`;
  const blocks: ViewBlock[] = [{ type: "header", text: title }];
  if (entries.length === 0) {
    blocks.push({
      type: "text",
      text: "No updates in this session yet. Ask for one with /flowpilot-update or the Share Update button.",
      markdown: false,
    });
    return { kind: "history", text: title, blocks };
  }
  const shown = entries.slice(-HISTORY_MAX_ENTRIES);
  if (shown.length < entries.length) {
    blocks.push({
      type: "context",
      text: `Showing the ${shown.length} most recent of ${entries.length} updates.`,
    });
  }
  for (const e of shown) {
    const badges = [
      `**${formatTime(e.generatedAt, opts.timeZone)}**`,
      AUDIENCE_LABELS[e.audience].label,
      LENGTH_LABELS[e.length].label,
      ...(e.context === "update" ? [] : [CONTEXT_LABELS[e.context]]),
      deliveryLabels(e.delivery, e.reminderPending).join(", "),
    ];
    blocks.push({
      type: "item",
      text: `${AUDIENCE_LABELS[e.audience].icon} ${badges.join(" · ")}\n_${preview(e.content)}_`,
      action: {
        id: ACTION_IDS.historyExpand,
        label: "Show",
        payload: payload({ sessionId: e.sessionId, updateId: e.updateId }),
      },
    });
  }
  return { kind: "history", text: title, blocks };
}

/** A stored update as the store returns it (structurally: the step content plus ids). */
export type HistoryEntrySource = Pick<
  StatusUpdateStepContent,
  "audience" | "length" | "context" | "generated_content" | "final_content" | "generated_at" | "delivery"
> & { id: string; sessionId: string };

/** One history entry expanded: the full final text, its delivery state, and Copy. */
export function historyEntryView(update: HistoryEntrySource, opts: HistoryEntryOptions = {}): ViewMessage {
  const at = formatTime(new Date(update.generated_at), opts.timeZone);
  const edited = update.final_content !== undefined;
  const badges = [
    at,
    LENGTH_LABELS[update.length].label,
    CONTEXT_LABELS[update.context],
    deliveryLabels(update.delivery, opts.reminderPending ?? false).join(", "),
  ];
  const blocks: ViewBlock[] = [
    { type: "header", text: audienceTitle(update.audience) },
    { type: "context", text: badges.join(" · ") },
    {
      type: "update",
      content: finalText(update),
      format: updateFormat(update.audience),
    },
  ];
  if (edited)
    blocks.push({ type: "context", text: "Edited by the engineer; the generated version is kept." });
  if (update.delivery.psa_push_status === "failed" && update.delivery.psa_error) {
    blocks.push({ type: "context", text: `Last post to ticket failed: ${update.delivery.psa_error}` });
  }
  blocks.push({
    type: "actions",
    actions: [
      {
        id: ACTION_IDS.copy,
        label: "Copy",
        style: "primary",
        payload: payload({ sessionId: update.sessionId, updateId: update.id }),
      },
    ],
  });
  return { kind: "history_entry", text: `${AUDIENCE_LABELS[update.audience].label} from ${at}`, blocks };
}
