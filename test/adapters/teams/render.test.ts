import { describe, expect, it } from "vitest";
import { TEAMS_LIMITS } from "../../../src/adapters/teams/limits.ts";
import {
  type AdaptiveElement,
  renderAdaptiveCard,
  TEAMS_INPUT_ID,
  toTeamsMarkdown,
} from "../../../src/adapters/teams/render.ts";
import {
  decodeActionPayload,
  historyView,
  reminderOptionsView,
  sessionHeaderView,
  type UpdateResultData,
  updateResultView,
} from "../../../src/chat/views/index.ts";

const P1 = '{"v":1,"sessionId":"s1"}';
const PU = '{"v":1,"sessionId":"s1","updateId":"u1"}';
const submit = (title: string, action: string, payload: string, extra: Record<string, unknown> = {}) => ({
  type: "Action.Execute",
  title,
  verb: action,
  data: { action, payload },
  ...extra,
});
const subtle = (text: string) => ({
  type: "TextBlock",
  text,
  wrap: true,
  isSubtle: true,
  size: "Small",
  spacing: "Small",
});
const SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";

const resultData = (over: Partial<UpdateResultData> = {}): UpdateResultData => ({
  sessionId: "s1",
  updateId: "u1",
  audience: "ticket_notes",
  length: "detailed",
  context: "update",
  content: "**Status: Investigating**\n**Steps completed:**\n- Verified MX records\n- Ran message trace",
  format: "markdown",
  sessionStatus: "investigating",
  timeSpentMinutes: 22,
  writer: "offline",
  canPostToTicket: true,
  postVisibility: "internal",
  edited: false,
  ticketId: "TKT-2847",
  ...over,
});

/** All elements of a card, nested containers and columns included. */
function walk(elements: AdaptiveElement[]): AdaptiveElement[] {
  return elements.flatMap((e) => [
    e,
    ...walk((e.items as AdaptiveElement[] | undefined) ?? []),
    ...walk((e.columns as AdaptiveElement[] | undefined) ?? []),
  ]);
}

describe("renderAdaptiveCard", () => {
  it("renders the header; a disabled Share Update stays in place with isEnabled false and its reason", () => {
    const view = sessionHeaderView({
      sessionId: "s1",
      ticketId: "TKT-2847",
      status: "active",
      timeSpentMinutes: 3,
      messageExchanges: 0,
      updatesCount: 0,
    });
    const resolveInput = {
      type: "Input.Text",
      // The second input of the card (Escalate's is the first): ids are unique per card.
      id: `${TEAMS_INPUT_ID}-2`,
      label: "What fixed it? This summary is the authoritative cause and fix in the resolution notes.",
      isMultiline: true,
      maxLength: 3000,
      isRequired: true,
      errorMessage: "Type something first.",
      placeholder: "Re-scoped the transport rule to the External-Block-Group; mail flowing again",
    };
    const card = renderAdaptiveCard(view);
    expect(card).toMatchObject({
      type: "AdaptiveCard",
      $schema: SCHEMA,
      version: "1.5",
      fallbackText: "FlowPilot session TKT-2847",
    });
    expect(card.body).toEqual([
      { type: "TextBlock", text: "🛠️ TKT-2847", wrap: true, size: "Large", weight: "Bolder" },
      {
        type: "FactSet",
        facts: [
          { title: "Ticket", value: "TKT-2847" },
          { title: "Status", value: "Active" },
          { title: "Time spent", value: "3 min" },
          { title: "Messages", value: "0" },
          { title: "Updates", value: "0" },
        ],
      },
      {
        type: "ActionSet",
        actions: [
          expect.objectContaining({ type: "Action.ShowCard", title: "Escalate" }),
          submit("Share Update", "session.share_update", P1, {
            isEnabled: false,
            tooltip: "Share Update is available after at least 2 message exchanges",
            style: "positive",
          }),
          submit("Pause", "session.pause", P1),
          {
            type: "Action.ShowCard",
            title: "Resolve",
            card: {
              type: "AdaptiveCard",
              version: "1.5",
              body: [resolveInput],
              actions: [
                {
                  ...submit("Submit", "session.resolve", P1),
                  data: { action: "session.resolve", payload: P1, inputId: "input-2" },
                },
              ],
            },
          },
        ],
      },
      subtle("Share Update is available after at least 2 message exchanges"),
    ]);
    expect(card.msteams).toBeUndefined();
  });

  it("renders ticket notes with an internal Post to Ticket and no confirmation", () => {
    const card = renderAdaptiveCard(updateResultView(resultData()));
    expect(card.msteams).toEqual({ width: "Full" });
    expect(card.body.slice(0, 5)).toEqual([
      { type: "TextBlock", text: "📋 Ticket Notes", wrap: true, size: "Large", weight: "Bolder" },
      subtle("Detailed · Status update · Investigating · 22 min"),
      {
        type: "Container",
        style: "emphasis",
        items: [
          {
            type: "TextBlock",
            text: "**Status: Investigating**\n\n**Steps completed:**\n\n- Verified MX records\n- Ran message trace",
            wrap: true,
          },
        ],
      },
      subtle("Offline writer"),
      subtle("Post to Ticket (TKT-2847) adds: Internal note (not visible to the client)"),
    ]);
    const [row1, row2, feedback] = card.body.slice(5) as unknown as {
      actions: { title: string; type: string }[];
    }[];
    expect(row1?.actions.map((a) => a.title)).toEqual([
      "Copy",
      "Post to Ticket (internal note)",
      "Regenerate",
      "Switch Audience",
      "Switch Length → Quick",
      "Set Reminder",
    ]);
    expect(row1?.actions[1]).toEqual(submit("Post to Ticket (internal note)", "update.post_to_ticket", PU));
    expect(row2?.actions.map((a) => [a.title, a.type])).toEqual([["Edit", "Action.ShowCard"]]);
    expect(feedback?.actions).toEqual([
      submit("👍", "update.feedback_up", PU),
      submit("👎", "update.feedback_down", PU),
    ]);
  });

  it("asks for confirmation before a client-visible post, and shows plain text literally", () => {
    const card = renderAdaptiveCard(
      updateResultView(
        resultData({
          audience: "client_update",
          format: "plain",
          postVisibility: "external",
          content: "Hi *Acme*",
        }),
      ),
    );
    expect(card.body[2]).toEqual({
      type: "Container",
      style: "emphasis",
      items: [{ type: "RichTextBlock", inlines: [{ type: "TextRun", text: "Hi *Acme*" }] }],
    });
    const post = walk(card.body)
      .flatMap((e) => (e.type === "ActionSet" ? (e.actions as AdaptiveElement[]) : []))
      .find((a) => String(a.title).startsWith("Post to Ticket"));
    expect(post).toEqual({
      type: "Action.ShowCard",
      title: "Post to Ticket (visible to client)",
      card: {
        type: "AdaptiveCard",
        version: "1.5",
        body: [
          { type: "TextBlock", text: "**Post a client-visible note?**", wrap: true },
          {
            type: "TextBlock",
            text: "External note — visible to the client in their portal. Ticket TKT-2847.",
            wrap: true,
          },
        ],
        actions: [submit("Post to Ticket", "update.post_to_ticket", PU)],
      },
    });
  });

  it("hides Post to Ticket for an email draft", () => {
    const card = renderAdaptiveCard(
      updateResultView(resultData({ audience: "email_draft", format: "plain", postVisibility: null })),
    );
    const titles = walk(card.body).flatMap((e) =>
      e.type === "ActionSet" ? (e.actions as AdaptiveElement[]).map((a) => String(a.title)) : [],
    );
    expect(titles).toEqual([
      "Copy",
      "Regenerate",
      "Switch Audience",
      "Switch Length → Quick",
      "Set Reminder",
      "Edit",
      "👍",
      "👎",
    ]);
    const notes = walk(card.body)
      .filter((e) => e.isSubtle)
      .map((e) => e.text);
    expect(notes).toEqual(["Detailed · Status update · Investigating · 22 min", "Offline writer"]);
  });

  it("renders the history as rows with a Show button", () => {
    const card = renderAdaptiveCard(
      historyView(
        [
          {
            sessionId: "s1",
            updateId: "u1",
            audience: "client_update",
            length: "detailed",
            context: "update",
            generatedAt: new Date("2026-03-23T09:05:00Z"),
            delivery: { psa_push_status: "not_posted", copied_at: "2026-03-23T09:06:00Z" },
            reminderPending: true,
            content: "Hi Acme Medical Group, we're on it.",
          },
        ],
        { timeZone: "UTC" },
      ),
    );
    expect(card.body).toEqual([
      { type: "TextBlock", text: "Updates (1)", wrap: true, size: "Large", weight: "Bolder" },
      {
        type: "ColumnSet",
        columns: [
          {
            type: "Column",
            width: "stretch",
            items: [
              {
                type: "TextBlock",
                text: "👤 **9:05 AM** · Client Update · Detailed · Copied, Pending reminder\n\n_Hi Acme Medical Group, we're on it._",
                wrap: true,
              },
            ],
          },
          {
            type: "Column",
            width: "auto",
            verticalContentAlignment: "Center",
            items: [{ type: "ActionSet", actions: [submit("Show", "history.expand", PU)] }],
          },
        ],
      },
    ]);
  });

  it("collects a custom reminder duration in a show-card", () => {
    const card = renderAdaptiveCard(
      reminderOptionsView({ sessionId: "s1", updateId: "u1", audience: "client_update" }),
    );
    const set = card.body[1] as unknown as { actions: AdaptiveElement[] };
    expect(set.actions.map((a) => a.title)).toEqual(["15 min", "30 min", "1 hour", "Custom"]);
    expect(decodeActionPayload((set.actions[1]!.data as { payload: string }).payload).minutes).toBe(30);
    const custom = set.actions[3]!.card as { body: AdaptiveElement[] };
    expect(custom.body[0]).toMatchObject({
      type: "Input.Text",
      id: "input",
      isMultiline: false,
      maxLength: 20,
    });
  });

  it("splits a 20,000-character update across wrapped TextBlocks, within the message budget", () => {
    const lines = Array.from({ length: 500 }, (_, i) => `- Step ${i}: checked the relay and the queue again`);
    const content = lines.join("\n").slice(0, 20_000);
    const card = renderAdaptiveCard(updateResultView(resultData({ content })));
    const update = card.body[2] as unknown as { items: { text: string; wrap: boolean }[] };
    expect(update.items.length).toBeGreaterThanOrEqual(5);
    for (const block of update.items) {
      expect(block.wrap).toBe(true);
      expect(block.text.length).toBeLessThanOrEqual(TEAMS_LIMITS.textBlockChars + 10);
    }
    expect(update.items.map((b) => b.text).join("\n")).toBe(toTeamsMarkdown(content));
    expect(JSON.stringify(card).length * 2).toBeLessThanOrEqual(TEAMS_LIMITS.messageBytesUtf16);
  });

  it("an update beyond the Teams size budget says how much is not shown", () => {
    const content = "z".repeat(60_000);
    const card = renderAdaptiveCard(updateResultView(resultData({ content, format: "plain" })));
    expect(JSON.stringify(card).length * 2).toBeLessThanOrEqual(TEAMS_LIMITS.messageBytesUtf16);
    expect(JSON.stringify(card)).toMatch(/\d{2},\d{3} more characters of this update are not shown/);
    expect(card.body.at(-1)).toMatchObject({ type: "ActionSet" });
  });
});

describe("toTeamsMarkdown", () => {
  it("separates paragraphs with a blank line and keeps list items together", () => {
    expect(toTeamsMarkdown("Hi Acme,\n\nWe found it.\nNext:\n- one\n- two\nThanks")).toBe(
      "Hi Acme,\n\nWe found it.\n\nNext:\n\n- one\n- two\n\nThanks",
    );
  });
});
