/**
 * A team's communication templates and company name, changed by its admins
 * (chat's settings command, Slack's App Home form). Every value is checked
 * before any is stored; the account passed in takes the new values.
 */
import { applyTemplateValues, type CommunicationTemplates } from "../engine/templates.ts";
import type { TemplateStore } from "./ports/index.ts";
import type { AccountInfo } from "./types.ts";

/** Longest company name kept. */
const MAX_COMPANY_NAME = 120;

/** Applies typed template values all together: stored when every one is valid, else the first bad field and why. */
export async function saveTemplateValues(
  deps: { store: TemplateStore },
  account: AccountInfo,
  values: Readonly<Record<string, string>>,
): Promise<{ ok: true; templates: CommunicationTemplates } | { ok: false; field: string; message: string }> {
  const applied = applyTemplateValues(account.templates, values);
  if (!applied.ok) return applied;
  await deps.store.updateTemplates(account.id, applied.templates);
  account.templates = applied.templates;
  return applied;
}

/** Stores the MSP's company name (email sign-offs use it); returns it, or undefined when the text was empty. */
export async function saveCompanyName(
  deps: { store: TemplateStore },
  account: AccountInfo,
  typed: string | undefined,
): Promise<string | undefined> {
  const name = typed?.trim().slice(0, MAX_COMPANY_NAME);
  if (!name) return undefined;
  await deps.store.updateCompanyName(account.id, name);
  account.companyName = name;
  return name;
}
