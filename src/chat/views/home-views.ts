import type { Audience, Length, SessionStatus } from "../../engine/types.ts";
import type { Delivery } from "../../sessions/steps.ts";
import {
  AUDIENCE_LABELS,
  deliveryLabels,
  formatTime,
  LENGTH_LABELS,
  SESSION_STATUS_LABELS,
} from "./labels.ts";
import { type TemplatesViewData, templatesView } from "./misc-views.ts";
import type { ViewBlock, ViewMessage } from "./model.ts";

/** Updates listed under each session on the home page; older ones are counted, not shown. */
export const HOME_UPDATES_PER_SESSION = 5;

export interface HomeSession {
  ticketId: string | null;
  summary: string | null;
  client: string | null;
  status: SessionStatus;
  startedAt: Date;
  updates: Array<{ audience: Audience; length: Length; generatedAt: Date; delivery: Delivery }>;
}

export interface HomeViewData {
  sessions: HomeSession[];
  templates: TemplatesViewData;
  timeZone?: string;
}

/**
 * A user's home page (Slack's App Home): their open sessions with each one's
 * update history, then the team's communication templates.
 */
export function homeView(data: HomeViewData): ViewMessage {
  const blocks: ViewBlock[] = [{ type: "header", text: "Your open sessions" }];
  if (data.sessions.length === 0)
    blocks.push({
      type: "text",
      text: "No open sessions. Start one in a channel with /flowpilot start <ticket> [summary] --client NAME.",
      markdown: false,
    });
  for (const s of data.sessions) {
    const title = [s.ticketId ?? "No ticket", s.summary].filter(Boolean).join(" — ");
    const meta = [
      s.client,
      SESSION_STATUS_LABELS[s.status],
      `started ${formatTime(s.startedAt, data.timeZone)}`,
    ]
      .filter(Boolean)
      .join(" · ");
    blocks.push({ type: "item", text: `**${title}**\n${meta}` });
    const shown = s.updates.slice(-HOME_UPDATES_PER_SESSION);
    const lines = shown.map((u) => {
      const a = AUDIENCE_LABELS[u.audience];
      const delivery = deliveryLabels(u.delivery, false).join(", ");
      return `- ${a.icon} ${formatTime(u.generatedAt, data.timeZone)} ${a.label} (${LENGTH_LABELS[u.length].label})${delivery ? ` — ${delivery}` : ""}`;
    });
    const older = s.updates.length - shown.length;
    blocks.push({
      type: "context",
      text:
        s.updates.length === 0
          ? "No updates yet."
          : `${older > 0 ? `${older} earlier update${older === 1 ? "" : "s"}, then:\n` : ""}${lines.join("\n")}`,
    });
  }
  blocks.push({ type: "divider" }, ...templatesView(data.templates).blocks);
  return { kind: "home", text: "FlowPilot", blocks };
}
