import { describe, expect, it } from "vitest";
import { recognizeOffline } from "../../src/intents/index.ts";

const slots = (text: string) => {
  const r = recognizeOffline(text);
  return { intent: r.intent, audience: r.audience, length: r.length, context: r.context };
};

describe("slots read the whole message", () => {
  it("finds the length in any clause", () => {
    expect(slots("notes for the psa - make it the long version")).toMatchObject({
      audience: "ticket_notes",
      length: "detailed",
    });
    expect(slots("write the client something, couple of lines max")).toMatchObject({
      audience: "client_update",
      length: "quick",
    });
    expect(slots("email to the office manager, step by step")).toMatchObject({
      audience: "email_draft",
      length: "detailed",
    });
  });

  it("'brief' as a verb asks for an update without saying how long", () => {
    expect(slots("can you brief the owner on where this is")).toMatchObject({
      intent: "status_update",
      audience: "client_update",
      length: null,
    });
    expect(slots("brief update for the owner")).toMatchObject({ audience: "client_update", length: "quick" });
  });

  it("a pronoun takes the audience of the reader it points back to", () => {
    expect(slots("kicking this up to tier 3, send them a short note on what we did")).toMatchObject({
      intent: "status_update",
      audience: "ticket_notes",
      length: "quick",
      context: "escalation",
    });
    expect(slots("the practice owner is anxious, send them a short note on what we did")).toMatchObject({
      audience: "client_update",
      length: "quick",
    });
  });

  it("finds a recipient anywhere in the request", () => {
    expect(slots("could you put together a recap of today for the bookkeeper at the client")).toMatchObject({
      intent: "status_update",
      audience: "client_update",
    });
    expect(slots("summary of where we are, it is going in the CW ticket")).toMatchObject({
      intent: "status_update",
      audience: "ticket_notes",
    });
  });

  it("reads the context from any clause, and a handoff named only as where the work goes leaves the audience open", () => {
    expect(slots("the ISP is taking it over from here. write up what we tried")).toMatchObject({
      intent: "status_update",
      audience: null,
      context: "escalation",
    });
    expect(slots("printer works again, quick note for the user")).toMatchObject({
      audience: "client_update",
      length: "quick",
      context: "resolution",
    });
  });
});
