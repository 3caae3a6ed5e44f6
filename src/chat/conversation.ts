import { randomUUID } from "node:crypto";
import type { PlatformKind } from "../domain/index.ts";
import { MAX_MESSAGE_CHARS } from "../domain/index.ts";
import { intakeText } from "../engine/intake/intake-text.ts";
import type { CommunicationTemplates } from "../engine/templates.ts";
import { FlowPilotError, InputRejectedError, isFlowPilotError } from "../errors.ts";
import { enterAccount, identify } from "../sessions/accounts.ts";
import { firstDelivery } from "../sessions/events.ts";
import { currentSession as findCurrentSession, findSession } from "../sessions/find.ts";
import { messageRefusal, recentMessages, recordMessages } from "../sessions/messages.ts";
import { readyWith } from "../sessions/request-update.ts";
import type { AccountRef, ActorRef, SessionInfo } from "../sessions/types.ts";
import { requireLatest } from "../sessions/updates.ts";
import { findAction, type ReplyVisibility } from "./action-registry.ts";
import { parseCommandLine } from "./command-line.ts";
import { findCommand, offeredOn } from "./commands.ts";
import type { ConversationDeps, RequestContext } from "./context.ts";
import { askWhichUpdate, changeUpdateOnScreen, updateOnScreen } from "./follow-ups.ts";
import { buildHome, saveTemplates } from "./home.ts";
import { fireDueReminders } from "./reminders.ts";
import { refreshHeaderWhenReady } from "./session-flow.ts";
import type { IncomingAction, IncomingCommand, IncomingMessage, MessageRef } from "./types.ts";
import { requireUpdate } from "./update-actions.ts";
import { startUpdateFlow } from "./update-flow.ts";
import type { ActionInput } from "./views/actions.ts";
import { decodeActionPayload, errorView, noticeView } from "./views/index.ts";
import type { ViewMessage } from "./views/model.ts";

/** How many earlier messages of the thread the intent model's fallback sees. */
const RECENT_FOR_INTENT = 4;

/**
 * What became of an action. `input_rejected`: the typed input could not be
 * used (the reason was posted); an adapter that asked for it may ask again.
 */
export type ActionOutcome = { status: "done" } | { status: "failed" } | { status: "input_rejected" };

/** What became of a command: `needs_input` asks the adapter (one that can ask) for the command's text. */
export type CommandOutcome = ActionOutcome | { status: "needs_input"; input: ActionInput };

/** What became of a message: `recorded` in its session, or answered otherwise (a request, a refusal). */
export type MessageOutcome = ActionOutcome | { status: "recorded" };

export interface Conversation {
  /** Records a session message, or answers it (an update request, why it was not recorded). */
  handleMessage(message: IncomingMessage): Promise<MessageOutcome>;
  handleCommand(command: IncomingCommand): Promise<CommandOutcome>;
  handleAction(action: IncomingAction): Promise<ActionOutcome>;
  /** The user's home page (open sessions with their updates, team templates). */
  homeView(account: AccountRef, actor: ActorRef): Promise<ViewMessage>;
  /** The team's templates and company name, as a form to edit them starts from. */
  teamTemplates(account: AccountRef): Promise<{ templates: CommunicationTemplates; companyName: string }>;
  /** Saves edited team templates (admins only); a typed error says what is wrong. */
  saveTemplates(account: AccountRef, actor: ActorRef, values: Record<string, string>): Promise<void>;
  /** Fires due reminders of this platform's sessions; returns how many fired. */
  fireDueReminders(platform: PlatformKind): Promise<number>;
}

/**
 * The platform-neutral conversation core: every engineer interaction with
 * FlowPilot, expressed once. Adapters normalise platform events into these
 * calls and render the views it posts through their ChatSurface.
 */
export function createConversation(deps: ConversationDeps): Conversation {
  const clock = deps.clock ?? (() => new Date());

  async function context(event: Pick<IncomingMessage, "thread" | "actor">): Promise<RequestContext> {
    const actor = await completeActor(event);
    const { account, user } = await identify(deps, event.thread.account, actor);
    return {
      deps,
      account,
      user,
      actor,
      thread: event.thread,
      now: clock(),
      reply: (view) => deps.surface.post(event.thread, view),
      later: async (work) => {
        if (!deps.waitUntil) return work();
        deps.waitUntil(reportFailures(event, work));
      },
    };
  }

  /** Events that carry no name or admin flag (Slack's) get them from the platform. */
  async function completeActor(event: Pick<IncomingMessage, "thread" | "actor">) {
    const { actor } = event;
    if (actor.displayName && actor.isAdmin !== undefined) return { ...actor, displayName: actor.displayName };
    const known = await deps.surface
      .resolveUser(event.thread.account, actor.platformUserId)
      .catch(() => null);
    return {
      ...actor,
      displayName: actor.displayName || known?.displayName || "",
      isAdmin: actor.isAdmin ?? known?.isAdmin,
    };
  }

  /** Deferred work's failures, told to the user as a handler's would be. */
  async function reportFailures(
    event: Pick<IncomingMessage, "thread" | "actor">,
    work: () => Promise<void>,
  ): Promise<void> {
    try {
      await work();
    } catch (err) {
      await tellFailure(event, err).catch((reportErr) =>
        deps.logger?.error({ err: String(reportErr) }, "could not report a deferred failure"),
      );
    }
  }

  /**
   * The context an action or command runs in: an ephemeral reply goes to the
   * person who pressed or typed only; an action that replaces its source
   * message puts its first reply in place of the message the button was on.
   */
  function replyingFor(
    ctx: RequestContext,
    visibility: ReplyVisibility,
    replace?: MessageRef,
  ): RequestContext {
    let replacing = replace;
    return {
      ...ctx,
      reply: async (view) => {
        if (replacing) {
          const ref = replacing;
          replacing = undefined;
          await deps.surface.update(ref, view);
          return ref;
        }
        return deps.surface.post(
          ctx.thread,
          view,
          visibility === "ephemeral" ? { ephemeralTo: ctx.actor.platformUserId } : undefined,
        );
      },
    };
  }

  /** Typed errors become their user message; anything else gets a correlation id, logged with the error. */
  async function guarded<T extends MessageOutcome | CommandOutcome = ActionOutcome>(
    event: IncomingMessage | IncomingCommand | IncomingAction,
    work: (ctx: RequestContext) => Promise<T | undefined>,
  ): Promise<T | ActionOutcome> {
    let ctx: RequestContext | undefined;
    try {
      ctx = await context(event);
      // A platform's retry of a delivery we already took is acknowledged and ignored.
      if (event.eventId && !(await firstDelivery(deps, ctx.account.id, event.eventId, ctx.now))) {
        deps.logger?.info({ eventId: event.eventId }, "duplicate delivery ignored");
        return { status: "done" };
      }
      return (await work(ctx)) ?? { status: "done" };
    } catch (err) {
      return tellFailure(event, err);
    }
  }

  /** Typed errors become their user message; anything else gets a correlation id, logged with the error. */
  async function tellFailure(
    event: Pick<IncomingMessage, "thread" | "actor">,
    err: unknown,
  ): Promise<ActionOutcome> {
    // Errors are for the person who pressed or typed, not the whole thread.
    const onlyThem = { ephemeralTo: event.actor.platformUserId };
    if (isFlowPilotError(err)) {
      await deps.surface.post(event.thread, errorView(err.userMessage), onlyThem);
      return { status: err instanceof InputRejectedError ? "input_rejected" : "failed" };
    }
    const correlationId = randomUUID().slice(0, 8);
    deps.logger?.error(
      { err: err instanceof Error ? { message: err.message, stack: err.stack } : err, correlationId },
      "handler failed",
    );
    await deps.surface.post(
      event.thread,
      errorView("Something went wrong on our side; nothing you typed was lost.", correlationId),
      onlyThem,
    );
    return { status: "failed" };
  }

  /**
   * The session the event is about: a command from a channel with no thread
   * (Slack slash commands carry none) finds the channel's newest open session
   * in its thread; messages belong to their exact place only.
   */
  function currentSession(ctx: RequestContext, options: { acrossThreads?: boolean } = {}) {
    return findCurrentSession(deps, ctx.account.id, ctx.thread, options);
  }

  /** Replies about a session found from its channel go to the session's thread, where its conversation is. */
  function inSessionThread(ctx: RequestContext, session: SessionInfo | null): RequestContext {
    if (ctx.thread.threadId || !session?.threadId || session.conversationId !== ctx.thread.conversationId)
      return ctx;
    const thread = { ...ctx.thread, threadId: session.threadId };
    return { ...ctx, thread, reply: (view) => deps.surface.post(thread, view) };
  }

  return {
    handleMessage: (message) =>
      guarded<MessageOutcome>(message, async (ctx) => {
        const session = await currentSession(ctx);
        // The adapter parsed its platform's markup (names looked up); the intake cleans what is left,
        // control characters and secrets.
        const text = await intakeText(message.text, session?.id);
        if (!text) return;
        // The thread's last messages are read only if the model is consulted (the uncertain band), the
        // update on screen only if the message reads as an edit of one.
        const turn = await deps.recognizer.recognizeTurn(text, {
          recent: async () => (session ? recentMessages(deps, session.id, RECENT_FOR_INTENT) : []),
          onScreen: async () => (session ? updateOnScreen(ctx, session) : null),
        });
        if (!session) {
          if (message.isMention || turn.kind === "request") {
            await ctx.reply(
              noticeView(
                "Not recorded: there's no FlowPilot session here yet. Start one with /flowpilot start <ticket> [summary].",
              ),
            );
          }
          return;
        }
        if (turn.kind === "request") {
          await startUpdateFlow(ctx, session, turn.result);
          return;
        }
        if (turn.kind === "follow_up") {
          await changeUpdateOnScreen(ctx, session, turn.change, message);
          return;
        }
        const refusal = messageRefusal(session, text);
        // A finished session's timeline is closed; chatter after it is not recorded (said only when addressed).
        if (refusal === "closed") {
          if (message.isMention) {
            await ctx.reply(
              noticeView(
                `Not recorded: the session for ${session.ticketId ?? "this ticket"} is ${session.status}. Start a new one with /flowpilot start <ticket>.`,
              ),
            );
          }
          return;
        }
        if (refusal === "too_long") {
          await ctx.reply(
            noticeView(
              `That message is ${text.length.toLocaleString("en-US")} characters; sessions record at most ${MAX_MESSAGE_CHARS.toLocaleString("en-US")} per message. It was not recorded: split it into parts or attach it to the ticket.`,
            ),
          );
          return;
        }
        if (refusal) return;
        const { messageCount } = await recordMessages(deps, session, [
          {
            author: "engineer",
            text,
            platformMessageId: message.platformMessageId,
            authorName: message.actor.displayName,
          },
        ]);
        await refreshHeaderWhenReady(ctx, session, messageCount);
        // Unsure it was a request: recorded as any message, and a short question (when an update can be written).
        if (turn.kind === "clarify" && readyWith(messageCount)) await askWhichUpdate(ctx, session, turn);
        return { status: "recorded" };
      }),

    handleCommand: (command) =>
      guarded<CommandOutcome>(command, async (ctx) => {
        const session = await currentSession(ctx, { acrossThreads: true });
        const text = await intakeText(command.text, session?.id);
        if (command.command === "flowpilot-update") {
          if (!session)
            throw new FlowPilotError(
              "not_found",
              "There's no open FlowPilot session here. Start one with /flowpilot start <ticket>.",
            );
          const slots = text.trim() ? await deps.recognizer.recognize(text) : {};
          await startUpdateFlow(inSessionThread(ctx, session), session, slots);
          return;
        }
        const line = parseCommandLine(text);
        const spec = findCommand(line.name);
        if (!spec)
          throw new FlowPilotError("invalid_input", `Unknown command "${line.name}". Try /flowpilot help.`);
        if (spec.only && !offeredOn(spec, ctx.thread.account.platform))
          throw new FlowPilotError("invalid_input", spec.only.elsewhere);
        if (spec.adminOnly && !ctx.user.isAdmin)
          throw new FlowPilotError("forbidden", "Only workspace admins can do that.");
        if (spec.needsSession && !session) {
          throw new FlowPilotError(
            "not_found",
            "There's no open FlowPilot session here. Start one with /flowpilot start <ticket>.",
          );
        }
        // Commands about the session answer in its thread; the others (start, help) where they were typed.
        const at = spec.needsSession ? inSessionThread(ctx, session) : ctx;
        const input = command.input === undefined ? undefined : await intakeText(command.input, session?.id);
        if (spec.input && session && !line.rest && !input && command.canAsk) {
          await spec.input.ready?.(at, session);
          return { status: "needs_input", input: spec.input.ask };
        }
        await spec.run(replyingFor(at, spec.visibility), input ? { ...line, rest: input } : line, session);
      }),

    handleAction: (incoming) =>
      guarded<ActionOutcome>(incoming, async (ctx): Promise<undefined> => {
        const payload = decodeActionPayload(incoming.payload);
        const session = await findSession(deps, ctx.account.id, payload.sessionId);
        if (!session)
          throw new FlowPilotError(
            "not_found",
            "That session doesn't exist in this workspace (it may belong to another team).",
          );
        const spec = findAction(incoming.actionId);
        if (!spec)
          throw new FlowPilotError(
            "expired_action",
            "That button is not supported any more. Run /flowpilot help.",
          );
        const input = incoming.input === undefined ? undefined : await intakeText(incoming.input, session.id);
        const source = spec.replacesSource ? incoming.sourceMessage : undefined;
        const call = { ctx: replyingFor(ctx, spec.visibility, source), session, payload, input };
        if (spec.target === "session") {
          await spec.run({ ...call, update: undefined });
          return;
        }
        const update = await requireUpdate(ctx, session, payload.updateId);
        if (spec.latestOnly) await requireLatest(deps, session, update);
        await spec.run({ ...call, update });
      }),

    homeView: async (account, actor) =>
      buildHome(await context({ thread: { account, conversationId: "home" }, actor })),

    teamTemplates: async (account) => {
      const info = await enterAccount(deps, account);
      return { templates: info.templates, companyName: info.companyName };
    },

    saveTemplates: async (account, actor, values) =>
      saveTemplates(await context({ thread: { account, conversationId: "home" }, actor }), values),

    fireDueReminders: (platform) => fireDueReminders(deps, platform, clock()),
  };
}
