import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createConversation } from "../../src/chat/conversation.ts";
import type { ChatSurface, MessageRef, PlatformUser } from "../../src/chat/types.ts";
import type { ViewMessage } from "../../src/chat/views/model.ts";
import { createPrismaConversationStore } from "../../src/db/conversation-store.ts";
import { offlineWriter } from "../../src/engine/writers/offline/index.ts";
import { createIntentRecognizer } from "../../src/intents/index.ts";
import type { AccountRef, ThreadRef } from "../../src/sessions/types.ts";
import { emptiedTestDatabase, type TestDatabase } from "../support/db.ts";

/**
 * A chat platform the way Slack behaves, as far as the core can tell: replies
 * to a channel message are threaded under its id, events carry no name or
 * admin flag, and the platform answers who a user is.
 */
function slackLikeSurface() {
  const posted: { thread: ThreadRef; view: ViewMessage; ref: MessageRef; ephemeralTo?: string }[] = [];
  const lookups: string[] = [];
  let n = 0;
  const surface: ChatSurface = {
    post: async (thread, view, options) => {
      n += 1;
      const id = `1733040000.00${n}`;
      const ref: MessageRef = { thread, id, startsThread: thread.threadId ? undefined : id };
      posted.push({ thread, view, ref, ephemeralTo: options?.ephemeralTo });
      return ref;
    },
    update: async () => undefined,
    openDirect: async (account: AccountRef, userId: string) => ({ account, conversationId: `D-${userId}` }),
    resolveUser: async (_account, userId): Promise<PlatformUser | null> => {
      lookups.push(userId);
      return userId === "U0ADMIN" ? { displayName: "Priya Natarajan", isAdmin: true } : null;
    },
  };
  return { surface, posted, lookups };
}

const ACCOUNT: AccountRef = { platform: "slack", externalId: "T0MSP" };
const CHANNEL: ThreadRef = { account: ACCOUNT, conversationId: "C0TICKETS", routing: { team: "T0MSP" } };

let t: TestDatabase;
beforeEach(async () => {
  t = await emptiedTestDatabase("pglite");
});
afterEach(() => t.cleanup());

function core(surface: ChatSurface) {
  return createConversation({
    store: createPrismaConversationStore(t.db.prisma),
    writer: offlineWriter,
    recognizer: createIntentRecognizer(),
    surface,
  });
}

describe("the chat surface contract", () => {
  it("a session started in a channel lives in its header's thread: replies there find it", async () => {
    const { surface, posted } = slackLikeSurface();
    const conversation = core(surface);
    const actor = { platformUserId: "U0ADMIN" };
    await conversation.handleCommand({
      thread: CHANNEL,
      actor,
      command: "flowpilot",
      text: "start 48213 VPN drops",
    });
    const header = posted.find((p) => p.view.kind === "session_header")!;
    const inThread: ThreadRef = { ...CHANNEL, threadId: header.ref.startsThread };
    await conversation.handleMessage({
      thread: inThread,
      actor,
      text: "tunnel drops every 50 minutes",
      isMention: false,
    });
    await conversation.handleMessage({
      thread: inThread,
      actor,
      text: "phase 2 lifetime mismatch on the far end",
      isMention: false,
    });
    const session = await t.db.prisma.session.findFirstOrThrow({ include: { steps: true } });
    expect(session.threadId).toBe(header.ref.startsThread);
    expect(session.steps.filter((s) => s.stepType === "message")).toHaveLength(2);
    expect(session.routing).toEqual({ team: "T0MSP" });
  });

  it("an event without a name or admin flag gets them from the platform", async () => {
    const { surface, lookups } = slackLikeSurface();
    const conversation = core(surface);
    await conversation.handleCommand({
      thread: CHANNEL,
      actor: { platformUserId: "U0ADMIN" },
      command: "flowpilot",
      text: "settings tone friendly",
    });
    expect(lookups).toContain("U0ADMIN");
    const user = await t.db.prisma.user.findFirstOrThrow();
    expect(user).toMatchObject({ displayName: "Priya Natarajan", isAdmin: true });
  });
});
