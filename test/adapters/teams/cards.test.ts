import { describe, expect, it } from "vitest";
import { renderAdaptiveCard } from "../../../src/adapters/teams/render.ts";
import { COMMANDS } from "../../../src/chat/commands.ts";
import {
  audiencePickerView,
  copiedView,
  errorView,
  generatingView,
  helpView,
  historyEntryView,
  historyView,
  homeView,
  lengthPickerView,
  noticeView,
  postResultView,
  reminderCancelledView,
  reminderFiredView,
  reminderOptionsView,
  reminderSetView,
  sessionHeaderView,
  shareEscalationView,
  shareResolutionView,
  switchAudienceView,
  templatesView,
  type UpdateResultData,
  updateResultView,
  VIEW_KINDS,
  type ViewMessage,
} from "../../../src/chat/views/index.ts";
import { DEFAULT_TEMPLATES } from "../../../src/engine/templates.ts";
import { cardProblems } from "./support/card-validator.ts";

const S = "3f0c6d1e-5b7a-4c2e-9f10-2a6b8c4d0e11";
const U = "7a2b9c4d-1e3f-4a5b-8c6d-0e1f2a3b4c5d";

const result = (over: Partial<UpdateResultData> = {}) =>
  updateResultView({
    sessionId: S,
    updateId: U,
    audience: "client_update",
    length: "quick",
    context: "update",
    content: "We found the cause of the VPN drops and are testing a fix.",
    format: "plain",
    sessionStatus: "investigating",
    timeSpentMinutes: 42,
    writer: "offline",
    canPostToTicket: true,
    postVisibility: "external",
    edited: false,
    ticketId: "48213",
    ...over,
  });

const entry = {
  id: U,
  sessionId: S,
  audience: "ticket_notes" as const,
  length: "detailed" as const,
  context: "update" as const,
  generated_content: "**Status:** Investigating\n- Checked the tunnel",
  generated_at: "2026-12-01T09:00:00.000Z",
  delivery: {
    psa_push_status: "posted" as const,
    psa_note_id: "9001",
    copied_at: "2026-12-01T09:05:00.000Z",
  },
};

/** One or more views of every kind FlowPilot shows, in the states that change their buttons. */
const CATALOGUE: ViewMessage[] = [
  sessionHeaderView({
    sessionId: S,
    ticketId: "48213",
    ticketSummary: "VPN down",
    clientCompany: "Acme",
    status: "active",
    timeSpentMinutes: 5,
    messageExchanges: 0,
    updatesCount: 0,
  }),
  sessionHeaderView({
    sessionId: S,
    ticketId: "48213",
    status: "paused",
    inferredStatus: "implementing",
    timeSpentMinutes: 65,
    messageExchanges: 6,
    updatesCount: 2,
  }),
  sessionHeaderView({
    sessionId: S,
    status: "resolved",
    timeSpentMinutes: 90,
    messageExchanges: 9,
    updatesCount: 3,
  }),
  audiencePickerView({ sessionId: S }),
  lengthPickerView({ sessionId: S, audience: "email_draft", context: "resolution" }),
  generatingView({ audience: "client_update", length: "quick" }),
  result(),
  result({ audience: "ticket_notes", format: "markdown", postVisibility: "internal", edited: true }),
  result({ audience: "email_draft", canPostToTicket: false, postVisibility: null, context: "resolution" }),
  result({ content: "x".repeat(120_000) }),
  switchAudienceView({
    sessionId: S,
    updateId: U,
    current: "client_update",
    options: ["ticket_notes", "email_draft"],
    length: "quick",
    context: "update",
  }),
  reminderOptionsView({ sessionId: S, updateId: U, audience: "client_update", clientName: "Acme" }),
  reminderSetView({ sessionId: S, remindAt: new Date(), minutes: 30, audience: "client_update" }),
  reminderFiredView({
    sessionId: S,
    audience: "client_update",
    clientName: "Acme",
    requester: { name: "Sam Okafor", platformUserId: "29:1sam" },
  }),
  reminderCancelledView({ count: 2, reason: "escalated" }),
  postResultView({ ok: true, noteId: 9001, visibility: "external", ticketId: "48213" } as never),
  postResultView({
    ok: false,
    error: "ConnectWise answered 500",
    visibility: "internal",
    content: "The text to copy",
    ticketId: "48213",
  } as never),
  copiedView({
    sessionId: S,
    updateId: U,
    content: "Line 1\n  - indented *not bold*",
    audience: "client_update",
  }),
  historyView([
    {
      sessionId: S,
      updateId: U,
      audience: "client_update",
      length: "quick",
      context: "update",
      generatedAt: new Date("2026-12-01T09:00:00Z"),
      delivery: { psa_push_status: "not_posted" },
      reminderPending: true,
      content: "We found the cause.",
    },
  ]),
  historyView([]),
  historyEntryView(entry),
  shareResolutionView({
    documentation: result({ audience: "ticket_notes" }),
    share: result(),
    sessionId: S,
    updateId: U,
  }),
  shareEscalationView({
    documentation: result({ audience: "ticket_notes" }),
    share: result(),
    sessionId: S,
    updateId: U,
  }),
  templatesView({ templates: DEFAULT_TEMPLATES, canEdit: true, companyName: "Northwind IT" }),
  templatesView({ templates: DEFAULT_TEMPLATES, canEdit: false }),
  helpView(COMMANDS.map((c) => ({ usage: c.usage, description: c.description }))),
  homeView({
    sessions: [
      {
        ticketId: "48213",
        summary: "VPN down",
        client: "Acme",
        status: "active",
        startedAt: new Date("2026-12-01T09:00:00Z"),
        updates: [
          {
            audience: "client_update",
            length: "quick",
            generatedAt: new Date("2026-12-01T09:30:00Z"),
            delivery: { psa_push_status: "posted" },
          },
        ],
      },
    ],
    templates: { templates: DEFAULT_TEMPLATES, canEdit: false },
  }),
  errorView("Something went wrong on our side; nothing you typed was lost.", "ab12cd34"),
  noticeView("Saved your edited version."),
];

describe("every card the Teams adapter can produce", () => {
  it("covers every view kind", () => {
    expect(new Set(CATALOGUE.map((v) => v.kind))).toEqual(new Set(VIEW_KINDS));
  });

  it.each(CATALOGUE.map((view, i) => [`${i} ${view.kind}`, view] as const))(
    "%s parses with the adaptivecards SDK without errors or warnings",
    (_name, view) => {
      const card = renderAdaptiveCard(view);
      expect(cardProblems(card)).toEqual([]);
      expect(card.version).toBe("1.5");
    },
  );

  it("buttons are Universal Actions (Action.Execute), inputs have ids unique in their card", () => {
    const json = JSON.stringify(CATALOGUE.map(renderAdaptiveCard));
    expect(json).not.toContain("Action.Submit");
    expect(json).toContain('"type":"Action.Execute"');
  });

  it("the checker does catch a broken card", () => {
    expect(
      cardProblems({
        type: "AdaptiveCard",
        version: "1.5",
        body: [{ type: "Marquee" }, { type: "Input.Text", id: "a" }, { type: "Input.Text", id: "a" }],
      }),
    ).toEqual([
      'parse: Unknown element type "Marquee". Fallback will be used if present.',
      'validate: Duplicate Id "a".',
    ]);
  });
});
