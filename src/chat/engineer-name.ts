import { checkPersonName } from "../domain/index.ts";
import { FlowPilotError } from "../errors.ts";
import { renameEngineer } from "../sessions/accounts.ts";
import type { RequestContext } from "./context.ts";
import { noticeView } from "./views/index.ts";

const USAGE = "/flowpilot name <your full name>";

/** `/flowpilot name` shows the name emails are signed with; `/flowpilot name Dana Whitfield` changes it. */
export async function engineerName(ctx: RequestContext, typed: string) {
  const current = ctx.user.displayName.trim();
  if (!typed.trim()) {
    await ctx.reply(
      noticeView(
        current
          ? `Your emails are signed "${current}". Change it with ${USAGE}.`
          : `No name is set, so sign-offs read "Your support team". Set it with ${USAGE}.`,
      ),
    );
    return;
  }
  const check = checkPersonName(typed);
  if (!check.ok) throw new FlowPilotError("invalid_input", `${check.reason} Usage: ${USAGE}`);
  if (check.name === current) {
    await ctx.reply(noticeView(`Your emails are already signed "${current}".`));
    return;
  }
  const { openSessions } = await renameEngineer(ctx.deps, ctx.user, check.name);
  const note = ctx.deps.surface.nameChosen?.(ctx.thread.account, ctx.actor.platformUserId, check.name);
  const sessions =
    openSessions === 0
      ? ""
      : openSessions === 1
        ? " (the open session's next updates included)"
        : ` (the next updates of your ${openSessions} open sessions included)`;
  await ctx.reply(
    noticeView(
      [`Saved: from now on your emails are signed "${check.name}"${sessions}.`, note]
        .filter(Boolean)
        .join(" "),
    ),
  );
}
