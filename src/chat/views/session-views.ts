import { isClosed, MIN_MESSAGES_FOR_UPDATE } from "../../domain/index.ts";
import type { InferredStatus, SessionStatus } from "../../engine/types.ts";
import { ACTION_IDS, type ActionId, ESCALATE_INPUT, payload, RESOLVE_INPUT } from "./actions.ts";
import { formatMinutes, INFERRED_STATUS_LABELS, SESSION_STATUS_LABELS } from "./labels.ts";
import type { Fact, ViewAction, ViewBlock, ViewMessage } from "./model.ts";

/**
 * The session's header message with its action bar, and the resolve/escalate
 * follow-ups ("Share Resolution" / "Share Escalation").
 */

/** Share Update needs this many recorded messages (spec: Edge Cases). */
export const SHARE_UPDATE_DISABLED_REASON = `Share Update is available after at least ${MIN_MESSAGES_FOR_UPDATE} message exchanges`;

export interface SessionHeaderData {
  sessionId: string;
  ticketId?: string;
  ticketSummary?: string;
  clientCompany?: string;
  status: SessionStatus;
  inferredStatus?: InferredStatus;
  /** What the work waits on now: shown beside the status while the session is open. */
  waitingOn?: { party: "client" | "vendor" | "internal" | "process"; who?: string };
  timeSpentMinutes: number;
  messageExchanges: number;
  updatesCount: number;
}

/**
 * Ticket facts plus the action bar: Escalate, Share Update, Pause (Resume
 * when paused), Resolve — in that order. Resolved and escalated sessions keep
 * only Share Update (post-session documentation).
 */
export function sessionHeaderView(data: SessionHeaderData): ViewMessage {
  const p = payload({ sessionId: data.sessionId });
  const closed = isClosed(data.status);
  const share: ViewAction = {
    id: ACTION_IDS.shareUpdate,
    label: "Share Update",
    style: "primary",
    payload: p,
  };
  if (data.messageExchanges < MIN_MESSAGES_FOR_UPDATE) share.disabledReason = SHARE_UPDATE_DISABLED_REASON;

  const actions: ViewAction[] = closed
    ? [share]
    : [
        { id: ACTION_IDS.escalate, label: "Escalate", payload: p, input: ESCALATE_INPUT },
        share,
        data.status === "paused"
          ? { id: ACTION_IDS.resume, label: "Resume", payload: p }
          : { id: ACTION_IDS.pause, label: "Pause", payload: p },
        { id: ACTION_IDS.resolve, label: "Resolve", payload: p, input: RESOLVE_INPUT },
      ];

  // The inferred progress only adds something while the session is open ("Active · Cause identified").
  const status =
    data.inferredStatus && !closed
      ? `${SESSION_STATUS_LABELS[data.status]} · ${INFERRED_STATUS_LABELS[data.inferredStatus]}`
      : SESSION_STATUS_LABELS[data.status];
  const facts: Fact[] = [];
  const waiting = data.waitingOn && !closed ? waitingLabel(data.waitingOn) : null;
  if (data.ticketId) facts.push({ label: "Ticket", value: data.ticketId });
  if (data.ticketSummary) facts.push({ label: "Summary", value: data.ticketSummary });
  if (data.clientCompany) facts.push({ label: "Client", value: data.clientCompany });
  facts.push(
    { label: "Status", value: status },
    ...(waiting ? [{ label: "Waiting on", value: waiting }] : []),
    { label: "Time spent", value: formatMinutes(data.timeSpentMinutes) },
    { label: "Messages", value: String(data.messageExchanges) },
    { label: "Updates", value: String(data.updatesCount) },
  );

  const title = data.ticketId
    ? `🛠️ ${data.ticketId}${data.ticketSummary ? ` — ${data.ticketSummary}` : ""}`
    : "🛠️ FlowPilot session";
  const blocks: ViewBlock[] = [
    { type: "header", text: title },
    { type: "facts", items: facts },
  ];
  if (closed) {
    blocks.push({
      type: "context",
      text: `This session is ${data.status}. Share Update still works for post-session documentation.`,
    });
  } else if (data.status === "paused") {
    blocks.push({ type: "context", text: "Paused: the clock is stopped until you resume." });
  }
  blocks.push({ type: "actions", actions });
  return { kind: "session_header", text: `FlowPilot session ${data.ticketId ?? ""}`.trim(), blocks };
}

export interface ShareFollowUpData {
  /** The result view of the documentation (ticket notes) update. */
  documentation: ViewMessage;
  /** The result view of the pre-generated update to share (team defaults). */
  share: ViewMessage;
  sessionId: string;
  /** The shared update's id, for Skip. */
  updateId: string;
}

const DOCUMENTATION_ACTIONS: readonly ActionId[] = [ACTION_IDS.copy, ACTION_IDS.postToTicket];
const SHARE_ACTIONS: readonly ActionId[] = [
  ACTION_IDS.copy,
  ACTION_IDS.postToTicket,
  ACTION_IDS.switchAudience,
  ACTION_IDS.switchLength,
];

/** After Resolve: the documentation note, then "Share Resolution" with Copy / Post / Switch / Skip. */
export function shareResolutionView(data: ShareFollowUpData): ViewMessage {
  return shareFollowUp(data, {
    kind: "share_resolution",
    title: "✅ Session resolved",
    docTitle: "**Resolution notes**",
    shareTitle: "**Share Resolution**",
  });
}

/** After Escalate: the handoff note, then "Share Escalation" with Copy / Post / Switch / Skip. */
export function shareEscalationView(data: ShareFollowUpData): ViewMessage {
  return shareFollowUp(data, {
    kind: "share_escalation",
    title: "⬆️ Session escalated",
    docTitle: "**Handoff note**",
    shareTitle: "**Share Escalation**",
  });
}

function shareFollowUp(
  data: ShareFollowUpData,
  words: {
    kind: "share_resolution" | "share_escalation";
    title: string;
    docTitle: string;
    shareTitle: string;
  },
): ViewMessage {
  const skip: ViewAction = {
    id: ACTION_IDS.skip,
    label: "Skip",
    payload: payload({ sessionId: data.sessionId, updateId: data.updateId }),
  };
  return {
    kind: words.kind,
    text: `${words.title.replace(/^\S+\s/, "")}: notes written, ready to share`,
    blocks: [
      { type: "header", text: words.title },
      { type: "text", text: words.docTitle, markdown: true },
      ...section(data.documentation, DOCUMENTATION_ACTIONS),
      { type: "divider" },
      { type: "text", text: words.shareTitle, markdown: true },
      {
        type: "context",
        text: "Pre-written with your team's defaults: copy it, post it, switch it, or skip.",
      },
      ...section(data.share, SHARE_ACTIONS, [skip]),
    ],
  };
}

/** A nested result view without its header, keeping only the allowed actions (plus extras). */
function section(view: ViewMessage, allowed: readonly ActionId[], extra: ViewAction[] = []): ViewBlock[] {
  const out: ViewBlock[] = [];
  const actions: ViewAction[] = [];
  for (const block of view.blocks) {
    if (block.type === "header") out.push({ type: "text", text: block.text, markdown: false });
    else if (block.type === "actions") actions.push(...block.actions.filter((a) => allowed.includes(a.id)));
    else out.push(block);
  }
  actions.push(...extra);
  if (actions.length > 0) out.push({ type: "actions", actions });
  return out;
}

const PARTY_LABELS = {
  client: "the client",
  vendor: "a vendor",
  internal: "our team",
  process: "a process to finish",
};

/** "the client (Derek)", "a vendor", "a process to finish". */
function waitingLabel(w: NonNullable<SessionHeaderData["waitingOn"]>): string {
  return w.who && w.party !== "process" ? `${PARTY_LABELS[w.party]} (${w.who})` : PARTY_LABELS[w.party];
}
