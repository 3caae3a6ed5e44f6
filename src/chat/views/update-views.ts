import { AUDIENCE_TRAITS, type PostOutcome } from "../../domain/index.ts";
import type { Audience, InferredStatus, Length, UpdateContextKind } from "../../engine/types.ts";
import { AUDIENCES, LENGTHS } from "../../engine/types.ts";
import { ACTION_IDS, EDIT_INPUT, payload } from "./actions.ts";
import {
  AUDIENCE_LABELS,
  audienceTitle,
  CONTEXT_LABELS,
  formatMinutes,
  INFERRED_STATUS_LABELS,
  LENGTH_LABELS,
  VISIBILITY_WORDING,
} from "./labels.ts";
import type { ViewAction, ViewBlock, ViewMessage } from "./model.ts";

/**
 * Views of the update flow itself: the two pickers, the placeholder while
 * writing, the result with its actions, and what Copy / Post to Ticket show.
 */

export interface AudiencePickerData {
  sessionId: string;
  context?: UpdateContextKind;
  /**
   * A clarifying question instead of step 1 ("Want an update?", asked when a
   * message may be a request): the question, then one short button per
   * choice in this order, without the descriptions.
   */
  ask?: { question: string; choices: readonly Audience[] };
}

/** Step 1: "Who is this update for?" — one button per audience, carrying the context through. */
export function audiencePickerView(data: AudiencePickerData): ViewMessage {
  if (data.ask) return clarifyingPickerView(data, data.ask);
  const question = "Who is this update for?";
  return {
    kind: "audience_picker",
    text: question,
    blocks: [
      { type: "text", text: `**${question}**`, markdown: true },
      {
        type: "text",
        text: AUDIENCES.map(
          (a) => `- **${AUDIENCE_LABELS[a].label}** — ${AUDIENCE_LABELS[a].description}`,
        ).join("\n"),
        markdown: true,
      },
      {
        type: "actions",
        actions: AUDIENCES.map((audience) => ({
          id: ACTION_IDS.pickAudience,
          label: audienceTitle(audience),
          payload: payload({ sessionId: data.sessionId, audience, context: data.context }),
        })),
      },
    ],
  };
}

/** "Want an update? Client · Ticket · Email": the picker as a short question, its buttons carrying the context. */
function clarifyingPickerView(
  data: AudiencePickerData,
  ask: { question: string; choices: readonly Audience[] },
): ViewMessage {
  const names = ask.choices.map((a) => AUDIENCE_LABELS[a].short).join(" · ");
  return {
    kind: "audience_picker",
    text: `${ask.question} ${names}`,
    blocks: [
      { type: "text", text: `**${ask.question}**`, markdown: true },
      {
        type: "actions",
        actions: ask.choices.map((audience) => ({
          id: ACTION_IDS.pickAudience,
          label: `${AUDIENCE_LABELS[audience].icon} ${AUDIENCE_LABELS[audience].short}`,
          payload: payload({ sessionId: data.sessionId, audience, context: data.context }),
        })),
      },
    ],
  };
}

export interface LengthPickerData {
  sessionId: string;
  audience: Audience;
  context?: UpdateContextKind;
}

/** Step 2: "How detailed?" — Quick / Detailed, carrying audience and context. */
export function lengthPickerView(data: LengthPickerData): ViewMessage {
  const question = "How detailed?";
  return {
    kind: "length_picker",
    text: `${question} (${AUDIENCE_LABELS[data.audience].label})`,
    blocks: [
      { type: "text", text: `**${question}**`, markdown: true },
      {
        type: "text",
        text: LENGTHS.map((l) => `- **${LENGTH_LABELS[l].label}** — ${LENGTH_LABELS[l].description}`).join(
          "\n",
        ),
        markdown: true,
      },
      { type: "context", text: `For: ${audienceTitle(data.audience)}${contextSuffix(data.context)}` },
      {
        type: "actions",
        actions: LENGTHS.map((length) => ({
          id: ACTION_IDS.pickLength,
          label: LENGTH_LABELS[length].label,
          payload: payload({
            sessionId: data.sessionId,
            audience: data.audience,
            length,
            context: data.context,
          }),
        })),
      },
    ],
  };
}

/** The placeholder shown while the update is written; replaced by the result. */
export function generatingView(data: { audience: Audience; length: Length }): ViewMessage {
  const what = `${audienceTitle(data.audience)} · ${LENGTH_LABELS[data.length].label}`;
  return {
    kind: "generating",
    text: "Generating update...",
    blocks: [
      { type: "text", text: "⏳ Generating update...", markdown: false },
      { type: "context", text: what },
    ],
  };
}

export interface UpdateResultData {
  sessionId: string;
  updateId: string;
  audience: Audience;
  length: Length;
  context: UpdateContextKind;
  content: string;
  format: "markdown" | "plain";
  sessionStatus: InferredStatus;
  timeSpentMinutes: number;
  writer: "offline" | "llm";
  fallbackNote?: string;
  /** PSA connected, ticket linked and an audience that can be posted. */
  canPostToTicket: boolean;
  postVisibility: "internal" | "external" | null;
  edited: boolean;
  ticketId?: string;
}

/** The generated update with its badges and the actions of spec "Actions After Generation". */
export function updateResultView(data: UpdateResultData): ViewMessage {
  const ids = { sessionId: data.sessionId, updateId: data.updateId };
  const badges = [
    LENGTH_LABELS[data.length].label,
    CONTEXT_LABELS[data.context],
    INFERRED_STATUS_LABELS[data.sessionStatus],
    formatMinutes(data.timeSpentMinutes),
  ];
  if (data.edited) badges.push("Edited");
  const notes: ViewBlock[] = [{ type: "context", text: writerNote(data) }];
  const post = postAction(data);
  if (post) notes.push({ type: "context", text: postNote(data) });
  const closed =
    data.context !== "update" || data.sessionStatus === "resolved" || data.sessionStatus === "escalated";
  const other: Length = data.length === "quick" ? "detailed" : "quick";
  const main: ViewAction[] = [
    { id: ACTION_IDS.copy, label: "Copy", style: "primary", payload: payload(ids) },
    ...(post ? [post] : []),
    { id: ACTION_IDS.regenerate, label: "Regenerate", payload: payload(ids) },
    { id: ACTION_IDS.switchAudience, label: "Switch Audience", payload: payload(ids) },
    {
      id: ACTION_IDS.switchLength,
      label: `Switch Length → ${LENGTH_LABELS[other].label}`,
      payload: payload(ids),
    },
    ...(closed ? [] : [{ id: ACTION_IDS.setReminder, label: "Set Reminder", payload: payload(ids) }]),
    { id: ACTION_IDS.edit, label: "Edit", payload: payload(ids), input: EDIT_INPUT },
  ];
  return {
    kind: "update_result",
    text: `${audienceTitle(data.audience)} (${LENGTH_LABELS[data.length].label}) is ready`,
    blocks: [
      { type: "header", text: audienceTitle(data.audience) },
      { type: "context", text: badges.join(" · ") },
      { type: "update", content: data.content, format: data.format },
      ...notes,
      { type: "actions", actions: main },
      {
        type: "actions",
        actions: [
          { id: ACTION_IDS.feedbackUp, label: "👍", payload: payload(ids) },
          { id: ACTION_IDS.feedbackDown, label: "👎", payload: payload(ids) },
        ],
      },
    ],
  };
}

function writerNote(data: UpdateResultData): string {
  if (data.fallbackNote) return `Offline writer (the AI writer was not used: ${data.fallbackNote})`;
  return data.writer === "llm" ? "Written by the AI writer — review before sending" : "Offline writer";
}

/** Post to Ticket, only when it can work; its label and confirmation say who will see the note. */
function postAction(data: UpdateResultData): ViewAction | undefined {
  if (
    !data.canPostToTicket ||
    data.postVisibility === null ||
    AUDIENCE_TRAITS[data.audience].postsAs === null
  )
    return undefined;
  const p = payload({ sessionId: data.sessionId, updateId: data.updateId });
  if (data.postVisibility === "internal") {
    return { id: ACTION_IDS.postToTicket, label: "Post to Ticket (internal note)", payload: p };
  }
  return {
    id: ACTION_IDS.postToTicket,
    label: "Post to Ticket (visible to client)",
    payload: p,
    confirm: {
      title: "Post a client-visible note?",
      text: `${VISIBILITY_WORDING.external}.${data.ticketId ? ` Ticket ${data.ticketId}.` : ""}`,
      confirm: "Post to Ticket",
      deny: "Cancel",
    },
  };
}

function postNote(data: UpdateResultData): string {
  const wording = VISIBILITY_WORDING[data.postVisibility ?? "internal"];
  return `Post to Ticket${data.ticketId ? ` (${data.ticketId})` : ""} adds: ${wording}`;
}

function contextSuffix(context: UpdateContextKind | undefined): string {
  return context && context !== "update" ? ` · ${CONTEXT_LABELS[context]}` : "";
}

export interface SwitchAudienceData {
  sessionId: string;
  updateId: string;
  current: Audience;
  options: readonly Audience[];
  length: Length;
  context: UpdateContextKind;
}

/** Switch Audience: the other audiences as buttons; the same length and context are kept. */
export function switchAudienceView(data: SwitchAudienceData): ViewMessage {
  const options = data.options.filter((a) => a !== data.current);
  return {
    kind: "switch_audience",
    text: "Switch the update to which audience?",
    blocks: [
      { type: "text", text: "**Switch to which audience?**", markdown: true },
      {
        type: "context",
        text: `Now: ${audienceTitle(data.current)} · keeps ${LENGTH_LABELS[data.length].label}${contextSuffix(data.context)}`,
      },
      {
        type: "actions",
        actions: options.map((audience) => ({
          id: ACTION_IDS.switchAudience,
          label: audienceTitle(audience),
          payload: payload({ sessionId: data.sessionId, updateId: data.updateId, audience }),
        })),
      },
    ],
  };
}

export interface CopiedData {
  sessionId: string;
  updateId: string;
  content: string;
  audience: Audience;
}

/**
 * Copy: chat platforms do not let a bot write the engineer's clipboard, so
 * the final text is shown alone, raw, ready to select and copy, and the
 * update is marked copied.
 */
export function copiedView(data: CopiedData): ViewMessage {
  return {
    kind: "copied",
    text: `${AUDIENCE_LABELS[data.audience].label} text ready to copy`,
    blocks: [
      { type: "update", content: data.content, format: "plain", copyable: true },
      {
        type: "context",
        text: `✅ Marked as copied · ${audienceTitle(data.audience)} — select the text above to paste it.`,
      },
    ],
  };
}

/** Post to Ticket's outcome, on its ticket. */
export type PostResultData = PostOutcome & { ticketId: string };

/** The outcome of Post to Ticket; on failure the text stays on screen to copy by hand. */
export function postResultView(data: PostResultData): ViewMessage {
  const wording = VISIBILITY_WORDING[data.visibility];
  if (data.ok) {
    const line = `✅ Posted to ticket ${data.ticketId} as an ${data.visibility} note (note ${data.noteId}).`;
    return {
      kind: "post_result",
      text: line,
      blocks: [
        { type: "text", text: line, markdown: false },
        { type: "context", text: wording },
      ],
    };
  }
  const line = `⚠️ Could not post to ticket ${data.ticketId}: ${data.error}`;
  return {
    kind: "post_result",
    text: line,
    blocks: [
      { type: "text", text: line, markdown: false },
      { type: "context", text: "Nothing was posted. The text is still available to copy:" },
      { type: "update", content: data.content, format: "plain", copyable: true },
    ],
  };
}
