import type { SessionFacts } from "../../context/session-facts.ts";
import type { CommunicationTemplates } from "../../templates.ts";
import { TONES } from "./tone.ts";

/**
 * The sign-off block. "auto" signs with the engineer's name (first name in a
 * client update, full name in an email) and, for emails, the MSP's company when
 * the template includes it; any other template value is used as written.
 */
export function signoff(
  facts: SessionFacts,
  templates: CommunicationTemplates,
  audience: "client_update" | "email_draft",
): string {
  const company =
    audience === "email_draft" && templates.include_company_in_signoff && facts.mspCompany
      ? facts.mspCompany
      : null;
  if (templates.client_signoff !== "auto") {
    const custom = templates.client_signoff.trim();
    return company && !custom.includes(company) ? `${custom}\n${company}` : custom;
  }
  const word = TONES[templates.client_tone].signoffWord;
  const fullName = facts.engineerName;
  const name = audience === "client_update" ? fullName?.split(/\s+/)[0] : fullName;
  const lines = [word, name ?? (company ? null : "Your support team"), company].filter(Boolean);
  return lines.join("\n");
}
