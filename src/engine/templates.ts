import { z } from "zod";

/**
 * Team communication templates (spec: Team Communication Templates), stored in
 * `accounts.communication_templates`. Missing keys take the spec's defaults.
 */
export const CLIENT_TONES = ["professional", "friendly", "formal"] as const;

export const communicationTemplatesSchema = z
  .object({
    client_tone: z.enum(CLIENT_TONES).default("professional"),
    /** "auto" signs with the engineer's name; any other text is used as written. */
    client_signoff: z.string().trim().min(1).max(200).default("auto"),
    include_company_in_signoff: z.boolean().default(true),
    ticket_notes_format: z.enum(["markdown", "plain"]).default("markdown"),
    default_length: z.enum(["quick", "detailed"]).default("detailed"),
  })
  .strict();

export type CommunicationTemplates = z.infer<typeof communicationTemplatesSchema>;
export type ClientTone = CommunicationTemplates["client_tone"];

export const DEFAULT_TEMPLATES: CommunicationTemplates = communicationTemplatesSchema.parse({});

/** Parses stored or submitted templates; throws a ZodError naming the bad field. */
export function parseTemplates(value: unknown): CommunicationTemplates {
  return communicationTemplatesSchema.parse(value ?? {});
}

/** Words a yes/no setting may be given as (`include_company_in_signoff include`). */
const BOOLEAN_WORDS: Record<string, boolean> = {
  true: true,
  yes: true,
  include: true,
  on: true,
  false: false,
  no: false,
  exclude: false,
  off: false,
};

/**
 * The templates with typed values applied (a chat command's or a form's),
 * all checked together: the new templates, or the first bad field and why.
 */
export function applyTemplateValues(
  current: CommunicationTemplates,
  values: Readonly<Record<string, string>>,
): { ok: true; templates: CommunicationTemplates } | { ok: false; field: string; message: string } {
  const merged: Record<string, unknown> = { ...current, ...values };
  const yesNo = values.include_company_in_signoff;
  if (yesNo !== undefined) merged.include_company_in_signoff = BOOLEAN_WORDS[yesNo.toLowerCase()] ?? yesNo;
  const parsed = communicationTemplatesSchema.safeParse(merged);
  if (parsed.success) return { ok: true, templates: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    ok: false,
    field: issue?.path.join(".") || Object.keys(values)[0] || "templates",
    message: issue?.message ?? "invalid value",
  };
}
