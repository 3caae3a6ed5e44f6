import { describe, expect, it } from "vitest";
import { recognizeOffline } from "../../src/intents/index.ts";
import { uncertainPhrase } from "./support/uncertain.ts";

const slots = (text: string) => {
  const r = recognizeOffline(text);
  return [r.intent, r.audience, r.length, r.context];
};

describe("recognizeOffline", () => {
  it("returns the full result shape from the rules", () => {
    const result = recognizeOffline("quick update for the client");
    expect(result).toEqual({
      intent: "status_update",
      audience: "client_update",
      length: "quick",
      context: null,
      confidence: expect.any(Number),
      source: "model",
    });
    expect(result.confidence).toBeGreaterThan(0.75);
  });

  it("recognises the spec's trigger phrases, leaving unstated slots null", () => {
    for (const text of ["status update", "give me an update", "share progress", "write a summary"]) {
      expect(slots(text), text).toEqual(["status_update", null, null, null]);
    }
    expect(slots("update for the ticket")).toEqual(["status_update", "ticket_notes", null, null]);
    expect(slots("update for the client")).toEqual(["status_update", "client_update", null, null]);
    expect(slots("what should I tell the client")).toEqual(["status_update", "client_update", null, null]);
    expect(slots("ticket note")).toEqual(["status_update", "ticket_notes", null, null]);
  });

  it("maps audience wording: ticket words, client words, email words", () => {
    expect(slots("note for ConnectWise")[1]).toBe("ticket_notes");
    expect(slots("internal note please")[1]).toBe("ticket_notes");
    expect(slots("let them know where we are")[1]).toBe("client_update");
    expect(slots("update for Northwind please")[1]).toBe("client_update");
    expect(slots("post an update to the client portal")[1]).toBe("client_update");
    expect(slots("send the end user an e-mail about this")[1]).toBe("email_draft");
    expect(slots("email the customer where we are")[1]).toBe("email_draft");
  });

  it("maps length and context wording", () => {
    expect(slots("tl;dr for the ticket")[2]).toBe("quick");
    expect(slots("update for the client, couple of sentences")[2]).toBe("quick");
    expect(slots("in-depth update for the customer")[2]).toBe("detailed");
    expect(slots("ticket note with everything we've tried")[2]).toBe("detailed");
    expect(slots("let the client know it's fixed")).toEqual([
      "status_update",
      "client_update",
      null,
      "resolution",
    ]);
    expect(slots("handoff note for tier 3")).toEqual(["status_update", "ticket_notes", null, "escalation"]);
    expect(slots("it's working now, update the client")[3]).toBe("resolution");
    expect(slots("tell the client it's not fixed yet")[3]).toBeNull();
  });

  it("stays silent on technical uses of the words", () => {
    for (const text of [
      "Windows Update is stuck at 35% on the reception PC",
      "update the DNS record for autodiscover",
      "firmware update on the firewall completed",
      "the progress bar is frozen",
      "email drafts are not syncing on her phone",
      "the update history shows KB5034441 failed",
    ]) {
      expect(recognizeOffline(text).intent, text).toBe("none");
    }
  });

  it("stays silent on negations and deferrals", () => {
    for (const text of [
      "don't send the client anything yet",
      "no need for a ticket note",
      "hold off on the update until we confirm",
      "let's not update the customer yet",
      "client update can wait until tomorrow",
    ]) {
      expect(recognizeOffline(text).intent, text).toBe("none");
    }
  });

  it("stays silent on reported speech and questions about the past", () => {
    for (const text of [
      "the client asked for an update an hour ago",
      "their ticket notes say the printer was replaced",
      "did you update the ticket?",
      "I sent the customer a quick update this morning",
      'the client wrote: "can you send us a status update?"',
    ]) {
      expect(recognizeOffline(text).intent, text).toBe("none");
    }
  });

  it("reads through mentions, case, punctuation and common typos", () => {
    expect(slots("<@U024BE7LH> QUICK update for the client!!")).toEqual([
      "status_update",
      "client_update",
      "quick",
      null,
    ]);
    expect(slots("@FlowPilot stauts update")[0]).toBe("status_update");
    expect(slots("statusupdate for the tikcet")).toEqual(["status_update", "ticket_notes", null, null]);
    expect(slots("udpate for the clinet")).toEqual(["status_update", "client_update", null, null]);
  });

  it("ignores code and quoted lines, which are not the engineer asking", () => {
    expect(recognizeOffline("```\nUpdate-Module ExchangeOnlineManagement\n```\nthat's done").intent).toBe(
      "none",
    );
    expect(recognizeOffline("> client: can you send an update?\nok will do").intent).toBe("none");
    expect(recognizeOffline("> client: any news?\nlet's give them a quick update").intent).toBe(
      "status_update",
    );
  });

  it("reads a pronoun back to the deliverable named earlier", () => {
    expect(slots("the customer wants an email about this, can you draft one?")).toEqual([
      "status_update",
      "email_draft",
      null,
      null,
    ]);
    expect(recognizeOffline("the customer wants an email about this").intent).toBe("none");
  });

  it("does not trigger on empty or whitespace-only text", () => {
    expect(recognizeOffline("").intent).toBe("none");
    expect(recognizeOffline("   \n ").intent).toBe("none");
  });

  it("gives a hedged request a lower confidence than a plain one", () => {
    const weak = recognizeOffline(uncertainPhrase("status_update"));
    const strong = recognizeOffline("update the client");
    expect(weak.confidence).toBeLessThan(strong.confidence);
  });
});
