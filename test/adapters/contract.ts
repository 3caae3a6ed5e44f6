/**
 * What every chat adapter's surface must do for the conversation core: the
 * console passes it today, Slack and Teams must when they land. An adapter's
 * test calls `chatSurfaceContract` with a setup that builds its surface over
 * the real SDK (fake platform servers on 127.0.0.1 where there is a network)
 * and a way to see what a user was shown.
 */
import { describe, expect, it } from "vitest";
import type { ChatSurface } from "../../src/chat/types.ts";
import {
  audiencePickerView,
  errorView,
  generatingView,
  noticeView,
  reminderFiredView,
} from "../../src/chat/views/index.ts";
import type { ThreadRef } from "../../src/sessions/types.ts";

export interface ContractSubject {
  surface: ChatSurface;
  /** A conversation the adapter can post to. */
  thread: ThreadRef;
  /** A user the platform knows. */
  knownUser: { platformUserId: string; displayName: string };
  /** Everything shown so far, as the user would read it (a transcript, or the fake server's messages as text). */
  shown(): string;
  /** What `ephemeralTo` looked like on the platform: true when the message with this text was shown only to that user. */
  shownOnlyTo(text: string, platformUserId: string): boolean;
  cleanup(): Promise<void>;
}

export function chatSurfaceContract(name: string, setup: () => Promise<ContractSubject>): void {
  describe(`${name} implements the chat surface the core relies on`, () => {
    it("post returns a reference to the message, in the thread it was posted to, one per message", async () => {
      const s = await setup();
      try {
        const a = await s.surface.post(s.thread, noticeView("Contract check: first message"));
        const b = await s.surface.post(s.thread, noticeView("Contract check: second message"));
        expect(a?.id).toBeTruthy();
        expect(b?.id).toBeTruthy();
        expect(a!.id).not.toBe(b!.id);
        expect(a!.thread).toMatchObject({
          account: s.thread.account,
          conversationId: s.thread.conversationId,
        });
        expect(s.shown()).toContain("Contract check: first message");
      } finally {
        await s.cleanup();
      }
    });

    it("update replaces a posted message with another view (or shows the replacement)", async () => {
      const s = await setup();
      try {
        const ref = await s.surface.post(
          s.thread,
          generatingView({ audience: "client_update", length: "quick" }),
        );
        await s.surface.update(ref!, noticeView("Contract check: the replacement"));
        expect(s.shown()).toContain("Contract check: the replacement");
      } finally {
        await s.cleanup();
      }
    });

    it("an ephemeral post is shown to that user only", async () => {
      const s = await setup();
      try {
        await s.surface.post(s.thread, errorView("Contract check: only for you"), {
          ephemeralTo: s.knownUser.platformUserId,
        });
        expect(s.shownOnlyTo("Contract check: only for you", s.knownUser.platformUserId)).toBe(true);
        await s.surface.post(s.thread, noticeView("Contract check: for everyone"));
        expect(s.shownOnlyTo("Contract check: for everyone", s.knownUser.platformUserId)).toBe(false);
      } finally {
        await s.cleanup();
      }
    });

    it("renders buttons and a mention without losing the text", async () => {
      const s = await setup();
      try {
        await s.surface.post(
          s.thread,
          audiencePickerView({ sessionId: "00000000-0000-4000-8000-000000000001" }),
        );
        await s.surface.post(
          s.thread,
          reminderFiredView({
            sessionId: "00000000-0000-4000-8000-000000000001",
            audience: "client_update",
            clientName: "Harbor Dental",
            requester: { name: s.knownUser.displayName, platformUserId: s.knownUser.platformUserId },
          }),
        );
        expect(s.shown()).toMatch(/Client Update/);
        expect(s.shown()).toContain("Harbor Dental");
      } finally {
        await s.cleanup();
      }
    });

    it("opens a direct conversation with a user in the same account, and posts there", async () => {
      const s = await setup();
      try {
        const direct = await s.surface.openDirect(s.thread.account, s.knownUser.platformUserId);
        expect(direct?.account).toEqual(s.thread.account);
        const ref = await s.surface.post(direct!, noticeView("Contract check: direct"));
        expect(ref?.thread.conversationId).toBe(direct!.conversationId);
        expect(s.shown()).toContain("Contract check: direct");
      } finally {
        await s.cleanup();
      }
    });

    it("knows its users' names, and answers null (never throws) for a stranger", async () => {
      const s = await setup();
      try {
        const known = await s.surface.resolveUser(s.thread.account, s.knownUser.platformUserId);
        expect(known?.displayName).toBe(s.knownUser.displayName);
        expect(typeof known?.isAdmin).toBe("boolean");
        expect(await s.surface.resolveUser(s.thread.account, "U0NOBODY")).toBeNull();
      } finally {
        await s.cleanup();
      }
    });
  });
}
