import type { PlatformKind } from "../domain/index.ts";
import { FlowPilotError } from "../errors.ts";
import { clearPsaMember, mapPsaMember } from "../sessions/accounts.ts";
import { assertCanClose } from "../sessions/close.ts";
import { assertCanRemind } from "../sessions/reminders.ts";
import { saveCompanyName, saveTemplateValues } from "../sessions/templates.ts";
import type { SessionInfo } from "../sessions/types.ts";
import { latestUpdate as findLatestUpdate } from "../sessions/updates.ts";
import type { ReplyVisibility } from "./action-registry.ts";
import type { ParsedCommandLine } from "./command-line.ts";
import type { RequestContext } from "./context.ts";
import { engineerName } from "./engineer-name.ts";
import {
  escalateSession,
  pauseSession,
  resolveSession,
  resumeSession,
  showHeader,
  showHistory,
  startSession,
} from "./session-flow.ts";
import { editUpdate, setReminder } from "./update-actions.ts";
import { startUpdateFlow } from "./update-flow.ts";
import type { ActionInput } from "./views/actions.ts";
import {
  CUSTOM_REMINDER_INPUT,
  EDIT_INPUT,
  ESCALATE_INPUT,
  helpView,
  noticeView,
  RESOLVE_INPUT,
  templatesView,
} from "./views/index.ts";

/**
 * Every `/flowpilot` sub-command, declared as data: one registry that all
 * adapters use (help text, aliases, whether it needs a session or an admin).
 */
export interface CommandSpec {
  id: string;
  aliases: readonly string[];
  usage: string;
  description: string;
  /** Needs an open (or, for read-only commands, any) session in the place. */
  needsSession: boolean;
  adminOnly: boolean;
  /** The platforms that offer it (absent: all); typed elsewhere, it answers `elsewhere`. */
  only?: { platforms: readonly PlatformKind[]; elsewhere: string };
  /** Who sees the replies: everyone in the thread, or only the engineer who typed it. */
  visibility: ReplyVisibility;
  /**
   * The free text the command acts on (what fixed it, the new text), for
   * when it is typed without it: an adapter that can ask (the console) asks
   * for it once `ready` has passed, as it does for a button's `input`;
   * elsewhere the command answers with its usage. The answer arrives as `line.rest`.
   */
  input?: { ask: ActionInput; ready?(ctx: RequestContext, session: SessionInfo): Promise<unknown> };
  run(ctx: RequestContext, line: ParsedCommandLine, session: SessionInfo | null): Promise<void>;
}

const latestUpdate = async (ctx: RequestContext, session: SessionInfo) => {
  const latest = await findLatestUpdate(ctx.deps, session);
  if (!latest)
    throw new FlowPilotError(
      "not_found",
      "There is no update in this session yet. Ask for one with /flowpilot-update.",
    );
  return latest;
};

export const COMMANDS: readonly CommandSpec[] = [
  {
    id: "start",
    aliases: ["new", "begin"],
    usage: "/flowpilot start <ticket> [summary] [--client NAME] [--contact NAME]",
    description: "Start a session here, linked to a PSA ticket.",
    needsSession: false,
    adminOnly: false,
    visibility: "thread",
    run: (ctx, line) =>
      startSession(ctx, {
        ticketId: line.args[0],
        summary: line.args.slice(1).join(" "),
        client: line.flags.client,
        contact: line.flags.contact,
      }),
  },
  {
    id: "update",
    aliases: ["share", "status"],
    usage: "/flowpilot update [what you need, e.g. quick update for the client]",
    description: "Write a status update from this session (same as /flowpilot-update).",
    needsSession: true,
    adminOnly: false,
    visibility: "thread",
    // The same recognizer as chat and /flowpilot-update, LLM fallback included.
    run: async (ctx, line, session) => {
      const slots = line.rest ? await ctx.deps.recognizer.recognize(line.rest) : {};
      return startUpdateFlow(ctx, session!, slots);
    },
  },
  {
    id: "pause",
    aliases: [],
    usage: "/flowpilot pause [reason]",
    description: "Pause the session clock.",
    needsSession: true,
    adminOnly: false,
    visibility: "thread",
    run: (ctx, line, session) => pauseSession(ctx, session!, line.rest || undefined),
  },
  {
    id: "resume",
    aliases: ["unpause", "continue"],
    usage: "/flowpilot resume",
    description: "Resume a paused session.",
    needsSession: true,
    adminOnly: false,
    visibility: "thread",
    run: (ctx, _line, session) => resumeSession(ctx, session!),
  },
  {
    id: "resolve",
    aliases: ["resolved", "close", "fixed"],
    usage: "/flowpilot resolve <what fixed it>",
    description: "Resolve the session; writes the documentation note and the resolution update.",
    needsSession: true,
    adminOnly: false,
    visibility: "thread",
    input: { ask: RESOLVE_INPUT, ready: async (_ctx, session) => assertCanClose(session, "resolution") },
    run: (ctx, line, session) => resolveSession(ctx, session!, line.rest),
  },
  {
    id: "escalate",
    aliases: ["escalation", "handoff"],
    usage: "/flowpilot escalate <reason>",
    description: "Escalate the session; writes the handoff note and the client update.",
    needsSession: true,
    adminOnly: false,
    visibility: "thread",
    input: { ask: ESCALATE_INPUT, ready: async (_ctx, session) => assertCanClose(session, "escalation") },
    run: (ctx, line, session) => escalateSession(ctx, session!, line.rest),
  },
  {
    id: "history",
    aliases: ["updates"],
    usage: "/flowpilot history",
    description: "The updates generated in this session, with their delivery status.",
    needsSession: true,
    adminOnly: false,
    visibility: "ephemeral",
    run: (ctx, _line, session) => showHistory(ctx, session!),
  },
  {
    id: "session",
    aliases: ["info", "header"],
    usage: "/flowpilot session",
    description: "Show the session header and its action bar.",
    needsSession: true,
    adminOnly: false,
    visibility: "thread",
    run: async (ctx, _line, session) => {
      await showHeader(ctx, session!);
    },
  },
  {
    id: "remind",
    aliases: ["reminder"],
    usage: "/flowpilot remind <minutes|1h|1h30m>",
    description: "Remind me to send another update (for the latest update's audience).",
    needsSession: true,
    adminOnly: false,
    visibility: "ephemeral",
    input: {
      ask: CUSTOM_REMINDER_INPUT,
      ready: async (ctx, session) => {
        assertCanRemind(session);
        await latestUpdate(ctx, session);
      },
    },
    run: async (ctx, line, session) => {
      if (!line.rest)
        throw new FlowPilotError(
          "invalid_input",
          "In how long? Usage: /flowpilot remind 30 (minutes), 1h or 1h30m",
        );
      await setReminder(ctx, session!, await latestUpdate(ctx, session!), { input: line.rest });
    },
  },
  {
    id: "edit",
    aliases: [],
    usage: "/flowpilot edit <new text>",
    description: "Replace the latest update's text with your own before copying or posting it.",
    needsSession: true,
    adminOnly: false,
    visibility: "thread",
    input: { ask: EDIT_INPUT, ready: latestUpdate },
    run: async (ctx, line, session) => editUpdate(ctx, await latestUpdate(ctx, session!), line.rest),
  },
  {
    id: "settings",
    aliases: ["templates", "config"],
    usage: "/flowpilot settings [setting value]",
    description: "Show the team's communication templates; admins can change them.",
    needsSession: false,
    adminOnly: false,
    visibility: "ephemeral",
    run: (ctx, line) => settings(ctx, line),
  },
  {
    id: "member",
    aliases: ["psa-member", "whoami"],
    usage: "/flowpilot member [PSA member identifier or e-mail | none]",
    description: "Show or set the PSA member the ticket notes you post are written as.",
    needsSession: false,
    adminOnly: false,
    visibility: "ephemeral",
    run: (ctx, line) => psaMember(ctx, line.args.join(" ").trim()),
  },
  {
    id: "name",
    aliases: [],
    usage: "/flowpilot name [your full name]",
    description: "Show or change the name your emails are signed with.",
    needsSession: false,
    adminOnly: false,
    // Slack and Teams name the engineer from their profile at every event; the console has no profile.
    only: {
      platforms: ["console"],
      elsewhere: "FlowPilot signs your emails with the name in your Slack or Teams profile; change it there.",
    },
    visibility: "ephemeral",
    run: (ctx, line) => engineerName(ctx, line.rest),
  },
  {
    id: "help",
    aliases: ["?", ""],
    usage: "/flowpilot help",
    description: "What FlowPilot can do.",
    needsSession: false,
    adminOnly: false,
    visibility: "ephemeral",
    run: async (ctx) => {
      await ctx.reply(
        helpView(
          commandsOffered(ctx.thread.account.platform).map((c) => ({
            usage: c.usage,
            description: c.description,
          })),
        ),
      );
    },
  },
];

/** Whether a platform offers the command. */
export function offeredOn(spec: CommandSpec, platform: PlatformKind): boolean {
  return !spec.only || spec.only.platforms.includes(platform);
}

/** The commands a platform offers, in help order. */
export function commandsOffered(platform: PlatformKind): CommandSpec[] {
  return COMMANDS.filter((c) => offeredOn(c, platform));
}

/** Finds a command by id or alias; with a platform, only among those it offers. */
export function findCommand(name: string, platform?: PlatformKind): CommandSpec | undefined {
  const spec = COMMANDS.find((c) => c.id === name || c.aliases.includes(name));
  return spec && (!platform || offeredOn(spec, platform)) ? spec : undefined;
}

/** `/flowpilot settings` shows the templates; `/flowpilot settings client_tone friendly` changes one (admins). */
async function settings(ctx: RequestContext, line: ParsedCommandLine) {
  const [key, ...valueWords] = line.args;
  if (!key) {
    await ctx.reply(
      templatesView({
        templates: ctx.account.templates,
        canEdit: ctx.user.isAdmin,
        companyName: ctx.account.companyName,
      }),
    );
    return;
  }
  if (!ctx.user.isAdmin)
    throw new FlowPilotError(
      "forbidden",
      "Only workspace admins can change the team's communication templates.",
    );
  const raw = valueWords.join(" ");
  if (key === "company_name") {
    const name = await saveCompanyName(ctx.deps, ctx.account, raw);
    if (!name)
      throw new FlowPilotError("invalid_input", "Usage: /flowpilot settings company_name <your MSP's name>");
    await ctx.reply(noticeView(`Saved: company_name = ${name}. Email sign-offs use it.`));
    return;
  }
  const applied = await saveTemplateValues(ctx.deps, ctx.account, { [key]: raw });
  if (!applied.ok)
    throw new FlowPilotError(
      "invalid_input",
      `Cannot set ${applied.field}: ${applied.message}. See /flowpilot settings.`,
    );
  await ctx.reply(
    noticeView(
      `Saved: ${key} = ${String(applied.templates[key as keyof typeof applied.templates])}. The next update uses it.`,
    ),
  );
}

/** Self-service: each engineer maps themselves to their PSA member (checked against the PSA). */
async function psaMember(ctx: RequestContext, query: string) {
  if (!query) {
    await ctx.reply(
      noticeView(
        ctx.user.psaMemberId
          ? `Ticket notes you post are written as PSA member ${ctx.user.psaMemberId}. Change it with /flowpilot member <identifier>, or clear it with /flowpilot member none.`
          : "You are not mapped to a PSA member, so notes are written as the API member. Set it with /flowpilot member <identifier or e-mail>.",
      ),
    );
    return;
  }
  if (query.toLowerCase() === "none") {
    await clearPsaMember(ctx.deps, ctx.user);
    await ctx.reply(noticeView("Cleared: notes you post are written as the API member."));
    return;
  }
  const member = await mapPsaMember(ctx.deps, ctx.account, ctx.user, query);
  await ctx.reply(
    noticeView(`Mapped: ticket notes you post are written as ${member.name} (${member.identifier}).`),
  );
}
