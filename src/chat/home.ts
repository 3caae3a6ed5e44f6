import { FlowPilotError, InputRejectedError } from "../errors.ts";
import { openSessionsOf } from "../sessions/find.ts";
import { saveCompanyName, saveTemplateValues } from "../sessions/templates.ts";
import type { RequestContext } from "./context.ts";
import { homeView } from "./views/index.ts";
import type { ViewMessage } from "./views/model.ts";

/** Sessions a home page lists. */
const HOME_SESSIONS = 10;

/** The user's home page: their open sessions with update history, and the team's templates. */
export async function buildHome(ctx: RequestContext): Promise<ViewMessage> {
  const sessions = await openSessionsOf(ctx.deps, ctx.account.id, ctx.user.id, HOME_SESSIONS);
  return homeView({
    sessions: sessions.map(({ session: s, updates }) => ({
      ticketId: s.ticketId,
      summary: s.ticketSummary,
      client: s.clientCompany,
      status: s.status,
      startedAt: s.startedAt,
      updates: updates.map((u) => ({
        audience: u.audience,
        length: u.length,
        generatedAt: new Date(u.generated_at),
        delivery: u.delivery,
      })),
    })),
    templates: {
      templates: ctx.account.templates,
      canEdit: ctx.user.isAdmin,
      companyName: ctx.account.companyName,
    },
  });
}

/**
 * Saves template values edited in a form (Slack's App Home modal): admins
 * only; every value is checked before any is stored.
 */
export async function saveTemplates(ctx: RequestContext, values: Record<string, string>): Promise<void> {
  if (!ctx.user.isAdmin)
    throw new FlowPilotError(
      "forbidden",
      "Only workspace admins can change the team's communication templates.",
    );
  const { company_name: companyName, ...rest } = values;
  const applied = await saveTemplateValues(ctx.deps, ctx.account, rest);
  if (!applied.ok) throw new InputRejectedError(`Cannot set ${applied.field}: ${applied.message}.`);
  await saveCompanyName(ctx.deps, ctx.account, companyName);
}
