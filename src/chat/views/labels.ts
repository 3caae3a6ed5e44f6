import type {
  Audience,
  InferredStatus,
  Length,
  SessionStatus,
  UpdateContextKind,
} from "../../engine/types.ts";
import type { Delivery } from "../../sessions/steps.ts";

/**
 * The words and icons every view uses for the domain's enums, as data, so
 * all surfaces say the same thing.
 */

export const AUDIENCE_LABELS = {
  ticket_notes: {
    label: "Ticket Notes",
    short: "Ticket",
    icon: "📋",
    description: "Technical, for your PSA",
  },
  client_update: {
    label: "Client Update",
    short: "Client",
    icon: "👤",
    description: "Professional, non-technical",
  },
  email_draft: {
    label: "Email Draft",
    short: "Email",
    icon: "✉️",
    description: "Full email with subject line and sign-off",
  },
} as const satisfies Record<Audience, { label: string; short: string; icon: string; description: string }>;

export const LENGTH_LABELS = {
  quick: { label: "Quick", description: "1-2 sentences, just the essentials" },
  detailed: { label: "Detailed", description: "Full breakdown with steps and findings" },
} as const satisfies Record<Length, { label: string; description: string }>;

export const CONTEXT_LABELS = {
  update: "Status update",
  resolution: "Resolution",
  escalation: "Escalation",
} as const satisfies Record<UpdateContextKind, string>;

export const SESSION_STATUS_LABELS = {
  active: "Active",
  paused: "Paused",
  resolved: "Resolved",
  escalated: "Escalated",
} as const satisfies Record<SessionStatus, string>;

export const INFERRED_STATUS_LABELS = {
  investigating: "Investigating",
  identified: "Cause identified",
  implementing: "Implementing fix",
  resolved: "Resolved",
  escalated: "Escalated",
} as const satisfies Record<InferredStatus, string>;

/** What Post to Ticket will create, said before posting (spec: Post to Ticket details). */
export const VISIBILITY_WORDING = {
  internal: "Internal note (not visible to the client)",
  external: "External note — visible to the client in their portal",
} as const;

/** "📋 Ticket Notes" */
export function audienceTitle(audience: Audience): string {
  const a = AUDIENCE_LABELS[audience];
  return `${a.icon} ${a.label}`;
}

/** "22 min", "1 h", "2 h 5 min". */
export function formatMinutes(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  const rest = m % 60;
  return rest === 0 ? `${h} h` : `${h} h ${rest} min`;
}

/** "2:15 PM" in the given IANA time zone (the process's zone when omitted). */
export function formatTime(date: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit", timeZone })
    .format(date)
    .replace(/\s/g, " ");
}

/**
 * Delivery states of one update, most important first: "Posted to ticket",
 * "Post failed", "Posting…", "Copied", "Pending reminder"; "Not sent" when none.
 */
export function deliveryLabels(delivery: Delivery, reminderPending: boolean): string[] {
  const out: string[] = [];
  if (delivery.psa_push_status === "posted") {
    out.push(
      delivery.psa_note_visibility
        ? `Posted to ticket (${delivery.psa_note_visibility} note)`
        : "Posted to ticket",
    );
  } else if (delivery.psa_push_status === "failed") out.push("Post to ticket failed");
  else if (delivery.psa_push_status === "pending") out.push("Posting to ticket…");
  if (delivery.copied_at) out.push("Copied");
  if (reminderPending) out.push("Pending reminder");
  return out.length > 0 ? out : ["Not sent"];
}

/** One line of plain text from an update, for previews: markup dropped, whitespace collapsed. */
export function preview(content: string, max = 90): string {
  const flat = content
    .replace(/\*\*/g, "")
    .replace(/^\s*[-•]\s+/gm, "")
    .replace(/\s+/g, " ")
    .trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
