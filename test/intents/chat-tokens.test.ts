import { describe, expect, it } from "vitest";
import { recognizeOffline } from "../../src/intents/index.ts";
import { normalizeMessage } from "../../src/intents/normalize.ts";

const words = (text: string) => normalizeMessage(text).key;

describe("messages are tokenised the way people chat", () => {
  it("emoji, shortcodes and emoticons split clauses like a comma would", () => {
    expect(normalizeMessage("fixed 🎉 short update for the customer pls").clauses).toHaveLength(2);
    expect(normalizeMessage("back up :tada: quick note for the tix").clauses).toHaveLength(2);
    expect(normalizeMessage("all good now :) short email to the owner").clauses).toHaveLength(2);
    expect(recognizeOffline("fixed 🎉 short update for the customer pls")).toMatchObject({
      intent: "status_update",
      audience: "client_update",
      length: "quick",
      context: "resolution",
    });
    expect(recognizeOffline("it's back online 👍🏽 brief summary for the ticket")).toMatchObject({
      intent: "status_update",
      audience: "ticket_notes",
      length: "quick",
      context: "resolution",
    });
  });

  it("expands chat abbreviations", () => {
    expect(words("gimme smth for the cx pls")).toBe("give me something for the customer please");
    expect(words("u got sth for ur cust plz")).toBe("you got something for your customer please");
    expect(words("tix note w/ details b/c mgr asked")).toBe("ticket note with details because manager asked");
    expect(words("wat do i tell the client n the owner")).toBe("what do i tell the client and the owner");
  });

  it("strips Slack and Teams mentions and markup before reading", () => {
    expect(words("<@U0ABC123> *quick* update for _the client_")).toBe("quick update for the client");
    expect(words("<at>FlowPilot</at> ~recap~ pls")).toBe("recap please");
    expect(recognizeOffline("<@U0ABC123> smth short for the cx pls")).toMatchObject({
      intent: "status_update",
      audience: "client_update",
      length: "quick",
    });
  });
});
