import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateStatusUpdate } from "../../src/engine/generate.ts";
import { DEFAULT_TEMPLATES, parseTemplates } from "../../src/engine/templates.ts";
import { transcriptToSnapshot } from "../../src/engine/transcript.ts";
import { loadSessionCases, SHARED_EVAL_DIR } from "../support/session-expectations.ts";

const [email] = loadSessionCases(join(SHARED_EVAL_DIR, "sessions")).filter(
  (c) => c.name === "email-delivery",
);
const snapshot = () => transcriptToSnapshot(email!.transcript);
const write = (templates: object, request: Parameters<typeof generateStatusUpdate>[1]) =>
  generateStatusUpdate(snapshot(), request, { templates: parseTemplates(templates) });

describe("team communication templates", () => {
  it("defaults to the spec's values", () => {
    expect(DEFAULT_TEMPLATES).toEqual({
      client_tone: "professional",
      client_signoff: "auto",
      include_company_in_signoff: true,
      ticket_notes_format: "markdown",
      default_length: "detailed",
    });
  });

  it("rejects unknown tones and keys with the field named", () => {
    expect(() => parseTemplates({ client_tone: "sarcastic" })).toThrow(/client_tone/);
    expect(() => parseTemplates({ colour: "blue" })).toThrow(/colour/);
  });

  it("makes the three tones read differently, as in the spec's examples", async () => {
    const texts = await Promise.all(
      (["professional", "friendly", "formal"] as const).map(
        async (tone) =>
          (await write({ client_tone: tone }, { audience: "client_update", length: "detailed" })).content,
      ),
    );
    const [professional, friendly, formal] = texts;
    expect(professional).toMatch(/^Hi Acme Medical Group,/);
    expect(professional).toContain("We've found what's causing the email delivery issue");
    expect(friendly).toContain("Good news — we've found what's causing");
    expect(friendly).toMatch(/!/);
    expect(formal).toMatch(/^Dear Acme Medical Group,/);
    expect(formal).toContain("We wish to inform you that we have identified the cause");
    expect(formal).not.toMatch(/\b(?:we've|we're|we'll|isn't)\b/i);
    expect(new Set(texts).size).toBe(3);
  });

  it("signs emails with the engineer and company, or the team's custom sign-off", async () => {
    const auto = await write({}, { audience: "email_draft", length: "quick" });
    expect(auto.content).toMatch(/Best regards,\nMichael Chihlas\nResolutionFlow$/);
    const noCompany = await write(
      { include_company_in_signoff: false },
      { audience: "email_draft", length: "quick" },
    );
    expect(noCompany.content).toMatch(/Best regards,\nMichael Chihlas$/);
    const custom = await write(
      { client_signoff: "— The ResolutionFlow Service Desk" },
      { audience: "email_draft", length: "quick" },
    );
    expect(custom.content).toMatch(/— The ResolutionFlow Service Desk$/);
    expect(custom.content).not.toContain("Michael");
  });

  it("writes ticket notes as markdown or plain text", async () => {
    const md = await write({}, { audience: "ticket_notes", length: "detailed" });
    expect(md.content).toMatch(/^\*\*Status: Identified\*\*/);
    const plain = await write(
      { ticket_notes_format: "plain" },
      { audience: "ticket_notes", length: "detailed" },
    );
    expect(plain.content).toMatch(/^Status: Identified\nTime spent: 22 minutes/);
    expect(plain.content).not.toContain("**");
    expect(plain.content).toContain("Steps completed:\n- Verified MX records");
  });

  it("uses the default length when the request names none", async () => {
    expect((await write({}, { audience: "client_update" })).length).toBe("detailed");
    const quick = await write({ default_length: "quick" }, { audience: "client_update" });
    expect(quick.length).toBe("quick");
    expect(quick.content.split("\n")).toHaveLength(1);
  });
});

describe("very short sessions and since-last-update", () => {
  it("still gives a useful update with almost no messages", async () => {
    const short = transcriptToSnapshot({
      ...email!.transcript,
      messages: email!.transcript.messages.slice(0, 1),
    });
    const notes = await generateStatusUpdate(short, { audience: "ticket_notes", length: "detailed" });
    expect(notes.content).toContain("Currently investigating — gathering initial information.");
    expect(notes.sessionStatus).toBe("investigating");
  });

  it("says what changed since the previous update", async () => {
    const t = email!.transcript;
    const earlier = transcriptToSnapshot({ ...t, messages: t.messages.slice(0, 5), now: t.messages[4]!.at });
    const first = await generateStatusUpdate(earlier, { audience: "client_update", length: "detailed" });
    const later = snapshot();
    later.previousUpdates = [
      {
        audience: "client_update",
        length: "detailed",
        context: "update",
        content: first.content,
        sessionStatus: first.sessionStatus,
        generatedAt: first.generatedAt,
        messageCount: 5,
      },
    ];
    const notes = await generateStatusUpdate(later, { audience: "ticket_notes", length: "detailed" });
    expect(notes.content).toMatch(
      /\*\*Since last update \(2:20 PM UTC\):\*\*\n- Status changed: Investigating → Identified/,
    );
    expect(notes.content).toMatch(/Since last update[\s\S]*Block External Senders/);
    const client = await generateStatusUpdate(later, { audience: "client_update", length: "detailed" });
    expect(client.content).toContain("Since our last update, we've found what's causing the problem.");
  });
});
