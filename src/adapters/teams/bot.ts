import {
  type Activity,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  TeamsActivityHandler,
  type TurnContext,
} from "botbuilder";
import type { Conversation } from "../../chat/conversation.ts";
import type { TeamsSettings } from "../../config.ts";
import type { Logger } from "../../domain/index.ts";
import type { ActorRef, ThreadRef } from "../../sessions/types.ts";
import type { TeamsMembers } from "./members.ts";
import { readTeamsMessage } from "./parse.ts";
import { tenantOf, threadOf } from "./reference.ts";
import type { TeamsSubmitData } from "./render.ts";
import { ADAPTIVE_CARD_CONTENT_TYPE } from "./surface.ts";
import { type CardMemory, currentTurn } from "./turn-scope.ts";

/** Presses of the same button by the same person within this window are one press (a double click). */
export const DOUBLE_CLICK_MS = 3_000;

export interface TeamsBotDeps {
  settings: TeamsSettings;
  conversation(): Conversation;
  members: TeamsMembers;
  cards: CardMemory;
  /** The newest thread seen per tenant (for roster look-ups and direct chats). */
  places: Map<string, ThreadRef>;
  /** Where a refused activity (another tenant, no tenant) is logged. */
  logger?: Logger;
}

/**
 * Teams activities to the conversation core: messages become commands or
 * session messages (see readTeamsMessage for the rule), `adaptiveCard/action`
 * invokes become actions answered with the card that replaces the pressed
 * one. The account is the activity's tenant; a single-tenant bot refuses
 * other tenants outright, and a card naming another tenant's session finds
 * nothing (the core looks sessions up within the account).
 */
export class FlowPilotTeamsBot extends TeamsActivityHandler {
  private readonly presses = new Map<string, { at: number; answer: Promise<AdaptiveCardInvokeResponse> }>();

  constructor(private readonly deps: TeamsBotDeps) {
    super();
    this.onMessage(async (context, next) => {
      await this.message(context);
      await next();
    });
  }

  /** The tenant of an activity this bot serves, or undefined. */
  private admitted(activity: Activity): string | undefined {
    const tenant = tenantOf(activity);
    const { appType, tenantId } = this.deps.settings;
    const refuse = (refusal: string) => {
      this.deps.logger?.warn({ platform: "teams", refusal, tenant }, "teams: activity refused");
      return undefined;
    };
    if (!tenant) return refuse("activity without a tenant");
    if (appType !== "MultiTenant" && tenantId && tenant !== tenantId)
      return refuse(`tenant mismatch: a ${appType} bot serves MicrosoftAppTenantId only`);
    return tenant;
  }

  private async arrival(context: TurnContext, tenant: string) {
    const { activity } = context;
    const thread = threadOf(activity, tenant);
    this.deps.places.set(tenant, thread);
    const member = await this.deps.members.lookup(thread, activity.from.id);
    const actor: ActorRef = {
      platformUserId: activity.from.id,
      displayName: activity.from.name || member?.displayName || "",
      isAdmin: member?.isAdmin ?? false,
    };
    return { thread, actor, eventId: activity.id, raw: activity };
  }

  private async message(context: TurnContext) {
    const tenant = this.admitted(context.activity);
    if (!tenant) return;
    const base = await this.arrival(context, tenant);
    const conversation = this.deps.conversation();
    const submitted = context.activity.value as Partial<TeamsSubmitData> | undefined;
    if (typeof submitted?.action === "string" && typeof submitted.payload === "string") {
      // A card from before Universal Actions (Action.Submit) still works; its answer is the messages it posts.
      await conversation.handleAction({
        ...base,
        ...this.actionOf(submitted, context.activity, base.thread),
      });
      return;
    }
    const input = readTeamsMessage(context.activity);
    if (input.kind === "command") {
      await conversation.handleCommand({ ...base, command: input.command, text: input.text });
    } else if (input.text) {
      await conversation.handleMessage({
        ...base,
        text: input.text,
        isMention: input.isMention,
        platformMessageId: context.activity.id,
      });
    }
  }

  private actionOf(data: Partial<TeamsSubmitData>, activity: Activity, thread: ThreadRef) {
    const typed = data[data.inputId ?? "input"] ?? data.input;
    const input = typeof typed === "string" && typed.trim() ? typed : undefined;
    return {
      actionId: String(data.action ?? ""),
      payload: String(data.payload ?? ""),
      ...(input ? { input } : {}),
      ...(activity.replyToId ? { sourceMessage: { thread, id: activity.replyToId } } : {}),
    };
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invoke: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const tenant = this.admitted(context.activity);
    if (!tenant)
      return {
        statusCode: 403,
        type: "application/vnd.microsoft.error",
        value: { code: "Forbidden", message: "This FlowPilot serves another organisation." } as never,
      };
    // Teams gives each click its own activity id: a second click on the same button (or Teams
    // resending the invoke) within the window gets the first one's answer instead of a second run.
    const { activity } = context;
    const key = JSON.stringify([
      tenant,
      activity.from.id,
      activity.replyToId,
      invoke.action.verb,
      invoke.action.data,
    ]);
    const now = Date.now();
    for (const [k, press] of this.presses) if (now - press.at > DOUBLE_CLICK_MS) this.presses.delete(k);
    const earlier = this.presses.get(key);
    if (earlier) return earlier.answer;
    const answer = this.execute(context, tenant, invoke);
    this.presses.set(key, { at: now, answer });
    return answer;
  }

  private async execute(
    context: TurnContext,
    tenant: string,
    invoke: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const turn = currentTurn();
    const sourceId = context.activity.replyToId;
    if (turn && sourceId) turn.sourceId = sourceId;
    const base = await this.arrival(context, tenant);
    const data = { action: invoke.action.verb, ...(invoke.action.data as Partial<TeamsSubmitData>) };
    try {
      await this.deps
        .conversation()
        .handleAction({ ...base, ...this.actionOf(data, context.activity, base.thread) });
    } finally {
      if (turn) turn.open = false;
    }
    const card = turn?.replacement ?? (sourceId ? this.deps.cards.recall(sourceId) : undefined);
    if (card) return { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: card as never };
    // A card this process never posted (an older one, or from before a restart) stays as it is.
    return { statusCode: 200, type: "application/vnd.microsoft.activity.message", value: "Done." as never };
  }
}
