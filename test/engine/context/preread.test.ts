import { describe, expect, it } from "vitest";
import {
  buildSessionFacts,
  forgetReadSessions,
  readSessionFacts,
  type SessionFacts,
} from "../../../src/engine/context/session-facts.ts";
import { chatSession } from "../../support/chat-session.ts";
import { logTurnsDuring, turnsIn } from "../../support/loop-turns.ts";

const LINES = [
  "Outlook prompts for a password every few minutes since Monday",
  "Checked the sign-in logs: legacy auth is blocked by the new policy",
  "client: It keeps asking me again and again",
  "Cleared the cached credentials and rebuilt the profile",
  "Still prompting on the shared mailbox, looking at its permissions",
];

describe("reading a long session without blocking the process", () => {
  it("lets other work run between slices, and the facts are the same as reading it in one go", async () => {
    const session = chatSession(Array.from({ length: 4000 }, (_, i) => `${LINES[i % LINES.length]} (#${i})`));
    forgetReadSessions();
    const direct = buildSessionFacts(session);

    forgetReadSessions();
    let facts: SessionFacts | undefined;
    const log = await logTurnsDuring(async () => {
      facts = await readSessionFacts(session);
    });
    expect(turnsIn(log)).toBeGreaterThan(5);
    expect(facts).toEqual(direct);
  });
});
