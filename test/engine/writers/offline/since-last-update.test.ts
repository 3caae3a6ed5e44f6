import { describe, expect, it } from "vitest";
import { generateStatusUpdate } from "../../../../src/engine/generate.ts";
import { AUDIENCES, type Audience, type SessionSnapshot } from "../../../../src/engine/types.ts";
import { chatSession } from "../../../support/chat-session.ts";

const OPENING = "Reception can't print to the front desk printer since this morning.";

/** Generates an update and records it on the session, as the app does after sending one. */
async function updateAndRecord(session: SessionSnapshot, audience: Audience) {
  const result = await generateStatusUpdate(session, { audience, length: "detailed" });
  session.previousUpdates.push({
    audience,
    length: "detailed",
    context: "update",
    content: result.content,
    sessionStatus: result.sessionStatus,
    generatedAt: session.now,
    messageCount: session.messages.length,
  });
  return result;
}

/** The session after more messages arrive (a new snapshot with the same history). */
function withMore(session: SessionSnapshot, lines: string[]): SessionSnapshot {
  const more = chatSession([...session.messages.map((m) => m.text), ...lines]);
  return { ...more, previousUpdates: [...session.previousUpdates] };
}

const NO_CHANGE = /no (?:big |material )?change/i;

describe("since the last update", () => {
  for (const audience of AUDIENCES) {
    describe(audience, () => {
      it("says nothing changed, in one line with what happens next, when nothing did", async () => {
        const first = chatSession([
          OPENING,
          "Checked the print queue - two stuck jobs.",
          "Next: clear the queue and test.",
        ]);
        await updateAndRecord(first, audience);
        const again = await generateStatusUpdate(withMore(first, ["brb", "ok"]), {
          audience,
          length: "detailed",
        });
        if (audience === "ticket_notes") {
          expect(again.content).toMatch(/Since last update[^\n]*\n- No new findings since the last update/);
          expect(again.content).not.toMatch(/Status changed/);
        } else {
          const body = again.content.split("\n\n");
          const line = body.find((p) => NO_CHANGE.test(p));
          expect(line, again.content).toBeDefined();
          expect(line).toMatch(/clear the queue/);
          expect(again.content).not.toMatch(/Since our (?:last|previous) update, we/);
        }
      });

      it("reports what changed and never claims no change when something did", async () => {
        const first = chatSession([OPENING, "Checked the print queue - two stuck jobs."]);
        await updateAndRecord(first, audience);
        const second = withMore(first, [
          "Ruled out the network cable.",
          "Pinged the printer from reception, fine.",
        ]);
        const again = await generateStatusUpdate(second, { audience, length: "detailed" });
        expect(again.content).not.toMatch(NO_CHANGE);
        if (audience === "ticket_notes") {
          expect(again.content).toMatch(/Since last update[\s\S]*Ruled out the network cable/);
          expect(again.content).toMatch(/Since last update[\s\S]*Pinged the printer/);
        } else {
          expect(again.content).toMatch(
            /Since (?:our last update|we last checked in|our previous update), we've ruled out more possible causes/,
          );
        }
      });

      it("follows the stage across three updates: investigating, identified, implementing", async () => {
        const first = chatSession([OPENING, "Checked the print queue - two stuck jobs."]);
        const r1 = await updateAndRecord(first, audience);
        expect(r1.sessionStatus).toBe("investigating");

        const second = withMore(first, [
          "Root cause: the printer's driver was replaced by last night's update.",
        ]);
        const r2 = await updateAndRecord(second, audience);
        expect(r2.sessionStatus).toBe("identified");
        if (audience === "ticket_notes")
          expect(r2.content).toMatch(/Status changed: Investigating → Identified/);
        else expect(r2.content).toMatch(/we've found what's causing the problem/);

        const third = withMore(second, ["Rolled the driver back on the front desk PC."]);
        const r3 = await generateStatusUpdate(third, { audience, length: "detailed" });
        expect(r3.sessionStatus).toBe("implementing");
        expect(r3.content).not.toMatch(NO_CHANGE);
        if (audience === "ticket_notes") {
          expect(r3.content).toMatch(/Status changed: Identified → Implementing fix/);
          expect(r3.content).toMatch(/Since last update[\s\S]*Rolled the driver back/);
          expect(r3.content).not.toMatch(
            /Since last update[^\n]*\n[\s\S]*Checked the print queue[\s\S]*\*\*Reported/,
          );
        } else {
          expect(r3.content).toMatch(/we've started putting the fix in place/);
          expect(r3.content).toMatch(/reversed the recent update/);
        }
      });
    });
  }

  it("a quick client update says no change in one sentence when nothing changed", async () => {
    const first = chatSession([OPENING, "Checked the print queue - two stuck jobs."]);
    await updateAndRecord(first, "client_update");
    const again = await generateStatusUpdate(withMore(first, ["one sec"]), {
      audience: "client_update",
      length: "quick",
    });
    expect(again.content).toMatch(NO_CHANGE);
  });
});
