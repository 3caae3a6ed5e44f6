import { describe, expect, it } from "vitest";
import { SLACK_LIMITS } from "../../../src/adapters/slack/limits.ts";
import {
  MESSAGE_BLOCK_CHARS,
  parseSlackActionId,
  renderBlockKit,
  renderSlackMessages,
  type SlackBlock,
} from "../../../src/adapters/slack/render.ts";
import {
  copiedView,
  decodeActionPayload,
  historyView,
  noticeView,
  sessionHeaderView,
  type UpdateResultData,
  updateResultView,
} from "../../../src/chat/views/index.ts";

const P1 = '{"v":1,"sessionId":"s1"}';
const PU = '{"v":1,"sessionId":"s1","updateId":"u1"}';
const btn = (text: string, actionId: string, value: string, extra: Record<string, unknown> = {}) => ({
  type: "button",
  text: { type: "plain_text", text, emoji: true },
  action_id: actionId,
  value,
  ...extra,
});
const ctx = (text: string) => ({ type: "context", elements: [{ type: "mrkdwn", text }] });

const resultData = (over: Partial<UpdateResultData> = {}): UpdateResultData => ({
  sessionId: "s1",
  updateId: "u1",
  audience: "client_update",
  length: "quick",
  context: "update",
  content: "Hi Acme Medical Group — we found the cause & have a fix ready.",
  format: "plain",
  sessionStatus: "identified",
  timeSpentMinutes: 22,
  writer: "offline",
  canPostToTicket: true,
  postVisibility: "external",
  edited: false,
  ticketId: "TKT-2847",
  ...over,
});

/** The update text as a reader sees it, from the section blocks that carry it. */
function sectionTexts(blocks: SlackBlock[]): string[] {
  return blocks.filter((b) => b.type === "section" && b.text).map((b) => (b.text as { text: string }).text);
}

describe("renderBlockKit", () => {
  it("renders the session header; a disabled Share Update becomes a context line with its reason", () => {
    const view = sessionHeaderView({
      sessionId: "s1",
      ticketId: "TKT-2847",
      ticketSummary: "Email delivery issue",
      clientCompany: "Acme Medical Group",
      status: "active",
      inferredStatus: "investigating",
      timeSpentMinutes: 3,
      messageExchanges: 1,
      updatesCount: 0,
    });
    expect(renderBlockKit(view)).toEqual({
      text: "FlowPilot session TKT-2847",
      blocks: [
        {
          type: "header",
          text: { type: "plain_text", text: "🛠️ TKT-2847 — Email delivery issue", emoji: true },
        },
        {
          type: "section",
          fields: [
            { type: "mrkdwn", text: "*Ticket*\nTKT-2847" },
            { type: "mrkdwn", text: "*Summary*\nEmail delivery issue" },
            { type: "mrkdwn", text: "*Client*\nAcme Medical Group" },
            { type: "mrkdwn", text: "*Status*\nActive · Investigating" },
            { type: "mrkdwn", text: "*Time spent*\n3 min" },
            { type: "mrkdwn", text: "*Messages*\n1" },
            { type: "mrkdwn", text: "*Updates*\n0" },
          ],
        },
        {
          type: "actions",
          elements: [
            btn("Escalate", "session.escalate#0", P1),
            btn("Pause", "session.pause#1", P1),
            btn("Resolve", "session.resolve#2", P1),
          ],
        },
        ctx("Share Update is available after at least 2 message exchanges"),
      ],
    });
  });

  it("renders an enabled Share Update as a primary button between Escalate and Pause", () => {
    const view = sessionHeaderView({
      sessionId: "s1",
      status: "paused",
      timeSpentMinutes: 30,
      messageExchanges: 5,
      updatesCount: 2,
    });
    const actions = renderBlockKit(view).blocks.find((b) => b.type === "actions");
    expect(actions?.elements).toEqual([
      btn("Escalate", "session.escalate#0", P1),
      btn("Share Update", "session.share_update#1", P1, { style: "primary" }),
      btn("Resume", "session.resume#2", P1),
      btn("Resolve", "session.resolve#3", P1),
    ]);
  });

  it("renders a client update with Post to Ticket guarded by a client-visible confirmation", () => {
    expect(renderBlockKit(updateResultView(resultData()))).toEqual({
      text: "👤 Client Update (Quick) is ready",
      blocks: [
        { type: "header", text: { type: "plain_text", text: "👤 Client Update", emoji: true } },
        ctx("Quick · Status update · Cause identified · 22 min"),
        {
          type: "section",
          text: {
            type: "plain_text",
            text: "Hi Acme Medical Group — we found the cause & have a fix ready.",
            emoji: true,
          },
        },
        ctx("Offline writer"),
        ctx("Post to Ticket (TKT-2847) adds: External note — visible to the client in their portal"),
        {
          type: "actions",
          elements: [
            btn("Copy", "update.copy#0", PU, { style: "primary" }),
            btn("Post to Ticket (visible to client)", "update.post_to_ticket#1", PU, {
              confirm: {
                title: { type: "plain_text", text: "Post a client-visible note?" },
                text: {
                  type: "plain_text",
                  text: "External note — visible to the client in their portal. Ticket TKT-2847.",
                },
                confirm: { type: "plain_text", text: "Post to Ticket" },
                deny: { type: "plain_text", text: "Cancel" },
              },
            }),
            btn("Regenerate", "update.regenerate#2", PU),
            btn("Switch Audience", "update.switch_audience#3", PU),
            btn("Switch Length → Detailed", "update.switch_length#4", PU),
            btn("Set Reminder", "update.set_reminder#5", PU),
            btn("Edit", "update.edit#6", PU),
          ],
        },
        {
          type: "actions",
          elements: [btn("👍", "update.feedback_up#7", PU), btn("👎", "update.feedback_down#8", PU)],
        },
      ],
    });
  });

  it("renders ticket notes as mrkdwn and leaves Post to Ticket out when it cannot work", () => {
    const view = updateResultView(
      resultData({
        audience: "ticket_notes",
        format: "markdown",
        content: "**Status: Investigating**\n- Verified MX <records> — correct",
        canPostToTicket: false,
        postVisibility: "internal",
      }),
    );
    const { blocks } = renderBlockKit(view);
    expect(blocks[2]).toEqual({
      type: "section",
      text: { type: "mrkdwn", text: "*Status: Investigating*\n• Verified MX &lt;records&gt; — correct" },
    });
    const words = blocks.flatMap((b) =>
      b.type === "actions"
        ? (b.elements as { text: { text: string } }[]).map((e) => e.text.text)
        : b.type === "context"
          ? (b.elements as { text: string }[]).map((e) => e.text)
          : [],
    );
    expect(words).toEqual([
      "Quick · Status update · Cause identified · 22 min",
      "Offline writer",
      "Copy",
      "Regenerate",
      "Switch Audience",
      "Switch Length → Detailed",
      "Set Reminder",
      "Edit",
      "👍",
      "👎",
    ]);
  });

  it("renders the history with one section and a Show button per update", () => {
    const view = historyView(
      [
        {
          sessionId: "s1",
          updateId: "u1",
          audience: "ticket_notes",
          length: "quick",
          context: "update",
          generatedAt: new Date("2026-03-23T14:15:00Z"),
          delivery: { psa_push_status: "posted", psa_note_visibility: "internal" },
          reminderPending: false,
          content: "**Status: Investigating** — traced to a transport rule",
        },
      ],
      { timeZone: "UTC" },
    );
    expect(renderBlockKit(view)).toEqual({
      text: "Updates (1)",
      blocks: [
        { type: "header", text: { type: "plain_text", text: "Updates (1)", emoji: true } },
        {
          type: "section",
          text: {
            type: "mrkdwn",
            text: "📋 *2:15 PM* · Ticket Notes · Quick · Posted to ticket (internal note)\n_Status: Investigating — traced to a transport rule_",
          },
          accessory: btn("Show", "history.expand#0", PU),
        },
      ],
    });
  });

  it("splits a 20,000-character update over sections on line boundaries, keeping every character", () => {
    const lines = Array.from({ length: 500 }, (_, i) => `- Step ${i}: checked the relay & the <queue> again`);
    const content = lines.join("\n").slice(0, 20_000);
    const { blocks } = renderBlockKit(
      updateResultView(resultData({ content, format: "markdown", audience: "ticket_notes" })),
    );
    expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
    const texts = sectionTexts(blocks);
    expect(texts.length).toBeGreaterThanOrEqual(8);
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    const shown = texts
      .join("\n")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&")
      .replace(/^• /gm, "- ");
    expect(shown).toBe(content);
    // Each chunk ends at a line boundary.
    for (const t of texts.slice(0, -1)) expect(t.endsWith("again")).toBe(true);
  });

  it("shows copied text raw in code blocks, split within limits", () => {
    const content = `**Status:** a & b\n${"x ".repeat(4000)}`;
    const texts = sectionTexts(
      renderBlockKit(copiedView({ sessionId: "s1", updateId: "u1", content, audience: "ticket_notes" }))
        .blocks,
    );
    // The short first line is a chunk of its own: splits prefer line boundaries.
    expect(texts.length).toBe(4);
    expect(texts[0]).toBe("```\n**Status:** a &amp; b\n```");
    for (const t of texts) {
      expect(t.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      expect(t).toMatch(/^```\n[\s\S]*\n```$/);
    }
  });

  it("never passes 50 blocks: an update too long for one message says how much is not shown", () => {
    const content = Array.from({ length: 60 }, (_, i) => `${i}:${"y".repeat(2990)}`).join("\n");
    const { blocks } = renderBlockKit(updateResultView(resultData({ content })));
    expect(blocks).toHaveLength(SLACK_LIMITS.blocks);
    const note = blocks.find((b) => b.type === "context" && JSON.stringify(b).includes("not shown"));
    expect(JSON.stringify(note)).toMatch(/\d{2},\d{3} more characters of this update are not shown/);
    expect(blocks.at(-1)?.type).toBe("actions");
  });

  it("keeps buttons within Slack's limits and their ids decodable", () => {
    const { blocks } = renderBlockKit(updateResultView(resultData()));
    const buttons = blocks.flatMap((b) => (b.type === "actions" ? (b.elements as SlackBlock[]) : []));
    for (const b of buttons) {
      expect((b.text as { text: string }).text.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonText);
      expect((b.value as string).length).toBeLessThanOrEqual(SLACK_LIMITS.buttonValue);
      expect(decodeActionPayload(b.value as string)).toEqual({ v: 1, sessionId: "s1", updateId: "u1" });
    }
    expect(buttons.map((b) => parseSlackActionId(b.action_id as string))[1]).toBe("update.post_to_ticket");
    expect(new Set(buttons.map((b) => b.action_id)).size).toBe(buttons.length);
  });

  it("shows notices as plain text and escapes the notification text", () => {
    expect(renderBlockKit(noticeView("Use /flowpilot edit <text> & retry"))).toEqual({
      text: "Use /flowpilot edit &lt;text&gt; &amp; retry",
      blocks: [
        {
          type: "section",
          text: { type: "plain_text", text: "Use /flowpilot edit <text> & retry", emoji: true },
        },
      ],
    });
  });

  it("splits a very long update over several messages, never cutting it: each within 50 blocks and ~11k characters", () => {
    const paragraphs = Array.from(
      { length: 400 },
      (_, i) =>
        `Step ${i + 1}: checked the relay queue on the edge host and re-ran the delivery test for mailbox ${i}.`,
    );
    const content = paragraphs.join("\n");
    const messages = renderSlackMessages(updateResultView(resultData({ content, format: "plain" })));
    expect(messages.length).toBeGreaterThan(2);
    for (const m of messages) {
      expect(m.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
      expect(JSON.stringify(m.blocks).length).toBeLessThanOrEqual(MESSAGE_BLOCK_CHARS + 200);
      for (const t of sectionTexts(m.blocks)) expect(t.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    }
    const shown = messages.flatMap((m) => sectionTexts(m.blocks)).join("\n");
    for (const p of [paragraphs[0]!, paragraphs[199]!, paragraphs[399]!]) expect(shown).toContain(p);
    expect(shown).not.toMatch(/not shown/);
    // The buttons come once, after the text they act on.
    const withButtons = messages.filter((m) => m.blocks.some((b) => b.type === "actions"));
    expect(withButtons).toEqual([messages.at(-1)]);
    expect(messages[1]!.text).toMatch(/continued, part 2 of/);
  });

  it("mentions the person a reminder is for with a real mention", () => {
    const [message] = renderSlackMessages({
      kind: "reminder_fired",
      text: "Sam, time to update Harbor Dental",
      mention: { platformUserId: "U0SAM", name: "Sam" },
      blocks: [{ type: "text", text: "Sam, time to update Harbor Dental", markdown: false }],
    });
    expect(message!.text).toBe("<@U0SAM> Sam, time to update Harbor Dental");
    expect(message!.blocks[0]).toEqual({ type: "context", elements: [{ type: "mrkdwn", text: "<@U0SAM>" }] });
  });
});
