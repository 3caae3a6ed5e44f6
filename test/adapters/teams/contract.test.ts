import { createTeamsRuntime } from "../../../src/adapters/teams/index.ts";
import { noticeView } from "../../../src/chat/views/index.ts";
import type { ThreadRef } from "../../../src/sessions/types.ts";
import { loopbackOnly } from "../../support/loopback-only.ts";
import { chatSurfaceContract } from "../contract.ts";
import { startFakeBotFramework } from "./support/fake-bot-framework.ts";
import { APP_ID, CHANNEL, cardText, SAM, TEAM, TENANT } from "./support/teams-harness.ts";

loopbackOnly();

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

chatSurfaceContract("the Teams adapter", async () => {
  const fake = await startFakeBotFramework({ appId: APP_ID, tenantId: TENANT });
  fake.addMember({ ...SAM });
  const runtime = createTeamsRuntime(
    { appId: APP_ID, appPassword: "test-app-password-Zq8", appType: "SingleTenant", tenantId: TENANT },
    { logger: silent, overrides: fake.overrides() },
  );
  const thread: ThreadRef = {
    account: { platform: "teams", externalId: TENANT },
    conversationId: CHANNEL,
    threadId: "1733000000999",
    routing: { serviceUrl: fake.serviceUrl, tenantId: TENANT, conversationType: "channel", teamId: TEAM },
  };
  // The bot is in the conversation already (as after an install or a restart): it has posted there.
  await runtime.surface.post(thread, noticeView("FlowPilot is here."));
  /** What users see now: each message in its latest version. */
  const latest = () => {
    const byId = new Map<string, { conversationId: string; text: string }>();
    for (const call of fake.calls)
      byId.set(call.activityId, {
        conversationId: call.conversationId,
        text: cardText(call.activity.attachments[0].content),
      });
    return [...byId.values()];
  };
  return {
    surface: runtime.surface,
    thread,
    knownUser: { platformUserId: SAM.id, displayName: SAM.name },
    shown: () =>
      latest()
        .map((m) => m.text)
        .join("\n"),
    // Teams has no per-user messages in a channel: "only them" is their personal chat with the bot.
    shownOnlyTo: (text, userId) =>
      latest().some(
        (m) =>
          m.text.includes(text) &&
          fake.created.some((c) => c.conversationId === m.conversationId && c.members.join() === userId),
      ),
    cleanup: () => fake.close(),
  };
});
