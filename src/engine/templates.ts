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
