import type { CommunicationTemplates } from "../../engine/templates.ts";

/** A team's communication templates and the company name its emails are signed with. */
export interface TemplateStore {
  updateTemplates(accountId: string, templates: CommunicationTemplates): Promise<void>;
  /** The MSP's company name, used in email sign-offs. */
  updateCompanyName(accountId: string, companyName: string): Promise<void>;
}
