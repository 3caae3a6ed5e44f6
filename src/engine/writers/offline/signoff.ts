import type { SessionFacts } from "../../context/session-facts.ts";
import type { CommunicationTemplates } from "../../templates.ts";
import { TONES } from "./tone.ts";

/**
 * The sign-off block. "auto" signs with the engineer's name (the first name,
 * or the full name), and with the full name the MSP's company when the
 * template includes it (the audience's letter says which:
 * src/domain/audiences.ts); any other template value is used as written.
 */
export function signoff(
  facts: SessionFacts,
  templates: CommunicationTemplates,
  signedWith: "first_name" | "full_name_and_company",
): string {
  const company =
    signedWith === "full_name_and_company" && templates.include_company_in_signoff && facts.mspCompany
      ? facts.mspCompany
      : null;
  if (templates.client_signoff !== "auto") {
    const custom = templates.client_signoff.trim();
    return company && !custom.includes(company) ? `${custom}\n${company}` : custom;
  }
  const word = TONES[templates.client_tone].signoffWord;
  const fullName = facts.engineerName;
  const name = signedWith === "first_name" ? fullName?.split(/\s+/)[0] : fullName;
  const lines = [word, name ?? (company ? null : "Your support team"), company].filter(Boolean);
  return lines.join("\n");
}
