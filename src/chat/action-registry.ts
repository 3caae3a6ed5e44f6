/**
 * Every button FlowPilot handles, declared as data like the commands: what it
 * acts on, whether it needs the session's newest update, who sees its reply,
 * whether its reply replaces the message the button was on, the free text it
 * asks for, and its handler. The dispatcher in conversation.ts reads this
 * table; there is no switch.
 */

import type { SessionInfo, StoredUpdate } from "../sessions/types.ts";
import type { RequestContext } from "./context.ts";
import { escalateSession, pauseSession, resolveSession, resumeSession } from "./session-flow.ts";
import {
  copyUpdate,
  editUpdate,
  expandHistoryEntry,
  postToTicket,
  regenerate,
  setFeedback,
  setReminder,
  switchAudience,
  switchLength,
} from "./update-actions.ts";
import { askLength, generateAndShow, startUpdateFlow } from "./update-flow.ts";
import type { ActionInput } from "./views/actions.ts";
import {
  ACTION_IDS,
  type ActionId,
  type ActionPayload,
  CUSTOM_REMINDER_INPUT,
  EDIT_INPUT,
  ESCALATE_INPUT,
  lengthPickerView,
  noticeView,
  RESOLVE_INPUT,
} from "./views/index.ts";

/** Who sees a reply: everyone in the thread, or only the person who pressed. */
export type ReplyVisibility = "thread" | "ephemeral";

/** What a handler gets: the resolved session, the update when the action targets one, and the typed input. */
export interface ActionCall<T extends "session" | "update" = "session" | "update"> {
  ctx: RequestContext;
  session: SessionInfo;
  update: T extends "update" ? StoredUpdate : undefined;
  payload: ActionPayload;
  input?: string;
}

interface Spec<T extends "session" | "update"> {
  /** The session (payload.sessionId) or one of its updates (payload.updateId). */
  target: T;
  /** Acts only on the session's newest update; an older one's button says so instead. */
  latestOnly: boolean;
  visibility: ReplyVisibility;
  /** The first reply replaces the message the button was on (a picker becomes its result). */
  replacesSource: boolean;
  /** Free text the action needs before it can run (a dialog on Slack, an input on Teams, a prompt in the console). */
  input?: (payload: ActionPayload) => ActionInput | undefined;
  run(call: ActionCall<T>): Promise<void>;
}

export type ActionSpec = Spec<"session"> | Spec<"update">;

const session = (
  spec: Omit<Spec<"session">, "target" | "latestOnly"> & Partial<Pick<Spec<"session">, "latestOnly">>,
): Spec<"session"> => ({ target: "session", latestOnly: false, ...spec });
const update = (
  spec: Omit<Spec<"update">, "target" | "latestOnly"> & Partial<Pick<Spec<"update">, "latestOnly">>,
): Spec<"update"> => ({ target: "update", latestOnly: false, ...spec });

export const ACTIONS: { readonly [K in ActionId]: ActionSpec } = {
  [ACTION_IDS.shareUpdate]: session({
    visibility: "thread",
    replacesSource: false,
    run: ({ ctx, session, payload }) => startUpdateFlow(ctx, session, { context: payload.context }),
  }),
  [ACTION_IDS.pickAudience]: session({
    visibility: "thread",
    replacesSource: true,
    run: ({ ctx, session, payload }) => askLength(ctx, session, payload.audience!, payload.context),
  }),
  [ACTION_IDS.pickLength]: session({
    visibility: "thread",
    replacesSource: true,
    run: async ({ ctx, session, payload }) => {
      await generateAndShow(ctx, session, {
        audience: payload.audience!,
        length: payload.length!,
        context: payload.context,
      });
    },
  }),
  [ACTION_IDS.reminderOpenUpdate]: session({
    visibility: "thread",
    replacesSource: false,
    run: async ({ ctx, session, payload }) => {
      await ctx.reply(
        lengthPickerView({ sessionId: session.id, audience: payload.audience!, context: payload.context }),
      );
    },
  }),
  [ACTION_IDS.copy]: update({
    visibility: "ephemeral",
    replacesSource: false,
    run: ({ ctx, session, update }) => copyUpdate(ctx, session, update),
  }),
  [ACTION_IDS.postToTicket]: update({
    visibility: "thread",
    replacesSource: false,
    run: ({ ctx, session, update }) => postToTicket(ctx, session, update),
  }),
  [ACTION_IDS.regenerate]: update({
    latestOnly: true,
    visibility: "thread",
    replacesSource: false,
    run: ({ ctx, session, update }) => regenerate(ctx, session, update),
  }),
  [ACTION_IDS.switchAudience]: update({
    latestOnly: true,
    visibility: "thread",
    replacesSource: false,
    run: ({ ctx, session, update, payload }) => switchAudience(ctx, session, update, payload.audience),
  }),
  [ACTION_IDS.switchLength]: update({
    latestOnly: true,
    visibility: "thread",
    replacesSource: false,
    run: ({ ctx, session, update }) => switchLength(ctx, session, update),
  }),
  [ACTION_IDS.setReminder]: update({
    visibility: "ephemeral",
    replacesSource: false,
    run: ({ ctx, session, update, input }) => setReminder(ctx, session, update, { input }),
  }),
  [ACTION_IDS.reminderOption]: update({
    visibility: "ephemeral",
    replacesSource: true,
    input: (p) => (p.minutes === undefined ? CUSTOM_REMINDER_INPUT : undefined),
    run: ({ ctx, session, update, payload, input }) =>
      setReminder(ctx, session, update, { minutes: payload.minutes, input }),
  }),
  [ACTION_IDS.edit]: update({
    latestOnly: true,
    visibility: "thread",
    replacesSource: false,
    input: () => EDIT_INPUT,
    run: ({ ctx, update, input }) => editUpdate(ctx, update, input),
  }),
  [ACTION_IDS.feedbackUp]: update({
    visibility: "ephemeral",
    replacesSource: false,
    run: ({ ctx, update }) => setFeedback(ctx, update, "up"),
  }),
  [ACTION_IDS.feedbackDown]: update({
    visibility: "ephemeral",
    replacesSource: false,
    run: ({ ctx, update }) => setFeedback(ctx, update, "down"),
  }),
  [ACTION_IDS.skip]: update({
    visibility: "ephemeral",
    replacesSource: false,
    run: async ({ ctx }) => {
      await ctx.reply(noticeView("Skipped — nothing was sent. The text stays in /flowpilot history."));
    },
  }),
  [ACTION_IDS.historyExpand]: update({
    visibility: "ephemeral",
    replacesSource: false,
    run: ({ ctx, update }) => expandHistoryEntry(ctx, update),
  }),
  [ACTION_IDS.pause]: session({
    visibility: "thread",
    replacesSource: false,
    run: ({ ctx, session }) => pauseSession(ctx, session),
  }),
  [ACTION_IDS.resume]: session({
    visibility: "thread",
    replacesSource: false,
    run: ({ ctx, session }) => resumeSession(ctx, session),
  }),
  [ACTION_IDS.resolve]: session({
    visibility: "thread",
    replacesSource: false,
    input: () => RESOLVE_INPUT,
    run: ({ ctx, session, input }) => resolveSession(ctx, session, input),
  }),
  [ACTION_IDS.escalate]: session({
    visibility: "thread",
    replacesSource: false,
    input: () => ESCALATE_INPUT,
    run: ({ ctx, session, input }) => escalateSession(ctx, session, input),
  }),
};

/** The action with this id, or undefined for an id FlowPilot no longer knows. */
export function findAction(id: string): ActionSpec | undefined {
  return Object.hasOwn(ACTIONS, id) ? ACTIONS[id as ActionId] : undefined;
}

/**
 * The free text an action needs before it can run, or undefined. Adapters
 * that cannot put an input next to a button (Slack) call this when the button
 * is pressed and open a dialog with the prompt.
 */
export function actionInput(id: string, payload?: Pick<ActionPayload, "minutes">): ActionInput | undefined {
  return findAction(id)?.input?.({ v: 1, sessionId: "", ...payload });
}
