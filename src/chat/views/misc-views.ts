import type { CommunicationTemplates } from "../../engine/templates.ts";
import type { ViewBlock, ViewMessage } from "./model.ts";

/** Settings (team templates), help, errors and plain notices. */

interface TemplateSetting {
  key: keyof CommunicationTemplates;
  label: string;
  /** Allowed values, or a description of free text. */
  options: readonly string[] | string;
  /** Shows the stored value the way an engineer reads it. */
  show?: (value: unknown) => string;
}

/** The spec's "Configurable settings" table, as data. */
export const TEMPLATE_SETTINGS: readonly TemplateSetting[] = [
  { key: "client_tone", label: "Client tone", options: ["professional", "friendly", "formal"] },
  {
    key: "client_signoff",
    label: "Client sign-off",
    options: "auto (the engineer's name) or your own text",
  },
  {
    key: "include_company_in_signoff",
    label: "Company name in sign-off",
    options: ["include", "exclude"],
    show: (v) => (v ? "include" : "exclude"),
  },
  { key: "ticket_notes_format", label: "Ticket notes format", options: ["markdown", "plain"] },
  { key: "default_length", label: "Default length", options: ["quick", "detailed"] },
];

export interface TemplatesViewData {
  templates: CommunicationTemplates;
  /** Admins see how to change each setting. */
  canEdit: boolean;
  /** The MSP's company name used in sign-offs, when the account has one. */
  companyName?: string;
}

/** The team's communication templates with their values; for admins, the command that changes each. */
export function templatesView(data: TemplatesViewData): ViewMessage {
  const lines = TEMPLATE_SETTINGS.map((s) => {
    const value = s.show ? s.show(data.templates[s.key]) : String(data.templates[s.key]);
    const options = typeof s.options === "string" ? s.options : s.options.join(" | ");
    const line = `- **${s.label}** (${s.key}): ${value}`;
    return data.canEdit
      ? `${line}\n   change: /flowpilot settings ${s.key} ${exampleValue(s, value)} — options: ${options}`
      : line;
  });
  if (data.companyName !== undefined)
    lines.push(`- **Company name** (company_name): ${data.companyName || "not set"}`);
  const blocks: ViewBlock[] = [
    { type: "header", text: "Communication templates" },
    { type: "text", text: lines.join("\n"), markdown: true },
    {
      type: "context",
      text: data.canEdit
        ? "Changes apply to the next update for everyone in this workspace."
        : "Only workspace admins can change these.",
    },
  ];
  return { kind: "templates", text: "Communication templates", blocks };
}

function exampleValue(setting: TemplateSetting, current: string): string {
  if (typeof setting.options === "string")
    return current === "auto" ? "Best regards, The Support Team" : "auto";
  return setting.options.find((o) => o !== current) ?? setting.options[0] ?? "";
}

/** Trigger phrases from the spec that start the update flow in chat. */
export const TRIGGER_PHRASES = [
  "status update",
  "give me an update",
  "share progress",
  "write a summary",
  "update for the ticket",
  "update for the client",
  "what should I tell the client",
  "ticket note",
] as const;

/** Commands and trigger phrases. */
export function helpView(
  commands: readonly { usage: string; description: string }[],
  phrases: readonly string[] = TRIGGER_PHRASES,
): ViewMessage {
  return {
    kind: "help",
    text: "FlowPilot help",
    blocks: [
      { type: "header", text: "FlowPilot" },
      {
        type: "text",
        text: "Writes ticket notes, client updates and email drafts from this troubleshooting session.",
        markdown: false,
      },
      {
        type: "text",
        text: commands.map((c) => `- **${c.usage}** — ${c.description}`).join("\n"),
        markdown: true,
      },
      { type: "text", text: "**Or just say:**", markdown: true },
      { type: "text", text: phrases.map((p) => `- "${p}"`).join("\n"), markdown: true },
      {
        type: "context",
        text: 'Name the audience and length to skip both questions, e.g. "quick update for the client".',
      },
    ],
  };
}

/** A failure the engineer should see; `correlationId` ties it to the logs for unknown errors. */
export function errorView(message: string, correlationId?: string): ViewMessage {
  const blocks: ViewBlock[] = [{ type: "text", text: `⚠️ ${message}`, markdown: false }];
  if (correlationId)
    blocks.push({ type: "context", text: `Reference: ${correlationId} — quote it when reporting this.` });
  return { kind: "error", text: message, blocks };
}

/** A plain one-line answer. The text is shown as written (no markup). */
export function noticeView(text: string): ViewMessage {
  return { kind: "notice", text, blocks: [{ type: "text", text, markdown: false }] };
}
