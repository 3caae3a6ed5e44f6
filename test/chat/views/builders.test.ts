import { describe, expect, it } from "vitest";
import {
  ACTION_IDS,
  audiencePickerView,
  copiedView,
  decodeActionPayload,
  encodeActionPayload,
  errorView,
  historyEntryView,
  lengthPickerView,
  postResultView,
  reminderCancelledView,
  reminderFiredView,
  reminderOptionsView,
  reminderSetView,
  type SessionHeaderData,
  sessionHeaderView,
  shareResolutionView,
  switchAudienceView,
  templatesView,
  type UpdateResultData,
  updateResultView,
  type ViewBlock,
  type ViewMessage,
  viewActions,
} from "../../../src/chat/views/index.ts";
import { DEFAULT_TEMPLATES } from "../../../src/engine/templates.ts";

const header = (over: Partial<SessionHeaderData> = {}): ViewMessage =>
  sessionHeaderView({
    sessionId: "s1",
    ticketId: "TKT-2847",
    ticketSummary: "Email delivery issue",
    clientCompany: "Acme Medical Group",
    status: "active",
    inferredStatus: "investigating",
    timeSpentMinutes: 22,
    messageExchanges: 4,
    updatesCount: 1,
    ...over,
  });

const result = (over: Partial<UpdateResultData> = {}): ViewMessage =>
  updateResultView({
    sessionId: "s1",
    updateId: "u1",
    audience: "ticket_notes",
    length: "detailed",
    context: "update",
    content: "**Status: Investigating**\n- Verified MX records",
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

const labels = (view: ViewMessage) => viewActions(view).map((a) => a.label);
const texts = (view: ViewMessage) =>
  view.blocks.map((b: ViewBlock) => ("text" in b ? b.text : b.type === "update" ? b.content : "")).join("\n");

describe("session header", () => {
  it("shows Escalate, Share Update, Pause, Resolve in that order", () => {
    expect(labels(header())).toEqual(["Escalate", "Share Update", "Pause", "Resolve"]);
    expect(viewActions(header()).map((a) => a.id)).toEqual([
      ACTION_IDS.escalate,
      ACTION_IDS.shareUpdate,
      ACTION_IDS.pause,
      ACTION_IDS.resolve,
    ]);
  });

  it("offers Resume instead of Pause while paused", () => {
    expect(labels(header({ status: "paused" }))).toEqual(["Escalate", "Share Update", "Resume", "Resolve"]);
  });

  it("keeps Share Update visible but disabled, with the reason, before 2 message exchanges", () => {
    const share = viewActions(header({ messageExchanges: 1 })).find((a) => a.id === ACTION_IDS.shareUpdate);
    expect(share?.disabledReason).toBe("Share Update is available after at least 2 message exchanges");
    expect(viewActions(header({ messageExchanges: 2 }))[1]?.disabledReason).toBeUndefined();
  });

  it("after resolve or escalate keeps only Share Update, for post-session documentation", () => {
    for (const status of ["resolved", "escalated"] as const) {
      expect(labels(header({ status }))).toEqual(["Share Update"]);
      expect(texts(header({ status }))).toContain(`This session is ${status}`);
    }
  });

  it("asks for the resolution summary and the escalation reason as typed input", () => {
    const [escalate, , , resolve] = viewActions(header());
    expect(escalate?.input?.prompt).toMatch(/Why are you escalating/);
    expect(resolve?.input?.prompt).toMatch(/What fixed it/);
  });
});

describe("pickers", () => {
  it("step 1 offers the three audiences and carries the context", () => {
    const view = audiencePickerView({ sessionId: "s1", context: "resolution" });
    expect(texts(view)).toContain("Who is this update for?");
    expect(texts(view)).toContain("Full email with subject line and sign-off");
    expect(viewActions(view).map((a) => [a.label, a.payload.audience, a.payload.context])).toEqual([
      ["📋 Ticket Notes", "ticket_notes", "resolution"],
      ["👤 Client Update", "client_update", "resolution"],
      ["✉️ Email Draft", "email_draft", "resolution"],
    ]);
  });

  it("as a clarifying question: 'Want an update? Client · Ticket · Email', short buttons in that order", () => {
    const view = audiencePickerView({
      sessionId: "s1",
      ask: { question: "Want an update?", choices: ["client_update", "ticket_notes", "email_draft"] },
    });
    expect(view).toMatchObject({ kind: "audience_picker", text: "Want an update? Client · Ticket · Email" });
    expect(texts(view)).not.toContain("Full email with subject line and sign-off");
    expect(viewActions(view).map((a) => [a.id, a.label, a.payload.audience])).toEqual([
      ["update.pick_audience", "👤 Client", "client_update"],
      ["update.pick_audience", "📋 Ticket", "ticket_notes"],
      ["update.pick_audience", "✉️ Email", "email_draft"],
    ]);
  });

  it("step 2 offers Quick / Detailed and carries audience and context", () => {
    const view = lengthPickerView({ sessionId: "s1", audience: "email_draft" });
    expect(texts(view)).toContain("How detailed?");
    expect(texts(view)).toContain("1-2 sentences, just the essentials");
    expect(viewActions(view).map((a) => a.payload)).toEqual([
      { v: 1, sessionId: "s1", audience: "email_draft", length: "quick" },
      { v: 1, sessionId: "s1", audience: "email_draft", length: "detailed" },
    ]);
  });
});

describe("update result", () => {
  it("has the spec's actions, in order, with feedback last", () => {
    expect(labels(result())).toEqual([
      "Copy",
      "Post to Ticket (internal note)",
      "Regenerate",
      "Switch Audience",
      "Switch Length → Quick",
      "Set Reminder",
      "Edit",
      "👍",
      "👎",
    ]);
    for (const a of viewActions(result()))
      expect(a.payload).toMatchObject({ sessionId: "s1", updateId: "u1" });
  });

  it("says before posting that ticket notes go in as an internal note", () => {
    const view = result();
    expect(texts(view)).toContain("Internal note (not visible to the client)");
    expect(viewActions(view).find((a) => a.id === ACTION_IDS.postToTicket)?.confirm).toBeUndefined();
  });

  it("makes a client-visible post say so on the button and in a confirmation", () => {
    const view = result({ audience: "client_update", format: "plain", postVisibility: "external" });
    const post = viewActions(view).find((a) => a.id === ACTION_IDS.postToTicket);
    expect(post?.label).toBe("Post to Ticket (visible to client)");
    expect(post?.confirm?.text).toContain("External note — visible to the client in their portal");
    expect(texts(view)).toContain("External note — visible to the client in their portal");
  });

  it("hides Post to Ticket without a PSA/ticket and for email drafts", () => {
    const none = (v: ViewMessage) => viewActions(v).every((a) => a.id !== ACTION_IDS.postToTicket);
    expect(none(result({ canPostToTicket: false }))).toBe(true);
    expect(none(result({ audience: "email_draft", postVisibility: null }))).toBe(true);
    expect(none(result({ audience: "email_draft", postVisibility: "external" }))).toBe(true);
    expect(texts(result({ canPostToTicket: false }))).not.toContain("Post to Ticket");
  });

  it("drops Set Reminder once the update documents a resolution or escalation", () => {
    expect(labels(result({ context: "resolution", sessionStatus: "resolved" }))).not.toContain(
      "Set Reminder",
    );
    expect(labels(result({ sessionStatus: "escalated" }))).not.toContain("Set Reminder");
  });

  it("names the writer, a fallback and an edit", () => {
    expect(texts(result({ fallbackNote: "AI writer timed out" }))).toContain("AI writer timed out");
    expect(texts(result({ writer: "llm" }))).toMatch(/AI writer/);
    expect(texts(result({ edited: true }))).toContain("Edited");
    expect(result().blocks).toContainEqual({
      type: "update",
      content: "**Status: Investigating**\n- Verified MX records",
      format: "markdown",
    });
  });
});

describe("follow-up views", () => {
  it("Switch Audience offers the two other audiences with the target in the payload", () => {
    const view = switchAudienceView({
      sessionId: "s1",
      updateId: "u1",
      current: "ticket_notes",
      options: ["client_update", "email_draft"],
      length: "quick",
      context: "update",
    });
    expect(viewActions(view).map((a) => [a.label, a.payload.audience])).toEqual([
      ["👤 Client Update", "client_update"],
      ["✉️ Email Draft", "email_draft"],
    ]);
  });

  it("Copy shows the raw final text alone, marked copied", () => {
    const view = copiedView({
      sessionId: "s1",
      updateId: "u1",
      content: "**Status**: ok",
      audience: "ticket_notes",
    });
    expect(view.blocks[0]).toEqual({
      type: "update",
      content: "**Status**: ok",
      format: "plain",
      copyable: true,
    });
    expect(texts(view)).toMatch(/Marked as copied/);
    expect(viewActions(view)).toEqual([]);
  });

  it("Post result names the note, or the error and keeps the text to copy", () => {
    expect(
      texts(
        postResultView({
          ok: true,
          ticketId: "TKT-1",
          noteId: "991",
          visibility: "external",
          alreadyPosted: false,
        }),
      ),
    ).toMatch(/Posted to ticket TKT-1 as an external note \(note 991\)[\s\S]*visible to the client/);
    const failed = postResultView({
      ok: false,
      ticketId: "TKT-1",
      error: "ConnectWise answered 503",
      visibility: "internal",
      content: "the note",
    });
    expect(texts(failed)).toMatch(/ConnectWise answered 503[\s\S]*still available to copy[\s\S]*the note/);
  });

  it("reminders: 15 min / 30 min / 1 hour / Custom, then set, fired and cancelled", () => {
    const options = reminderOptionsView({ sessionId: "s1", updateId: "u1", audience: "client_update" });
    expect(viewActions(options).map((a) => [a.label, a.payload.minutes, Boolean(a.input)])).toEqual([
      ["15 min", 15, false],
      ["30 min", 30, false],
      ["1 hour", 60, false],
      ["Custom", undefined, true],
    ]);
    const set = reminderSetView({
      sessionId: "s1",
      remindAt: new Date(0),
      minutes: 90,
      audience: "client_update",
      clientName: "Acme",
    });
    expect(set.text).toContain("in 1 h 30 min I'll remind you to send Acme another update.");
    const notes = { sessionId: "s1", updateId: "u1", audience: "ticket_notes" as const, clientName: "Acme" };
    expect(reminderOptionsView(notes).text).toBe("Remind you to add another ticket note in:");
    expect(reminderSetView({ ...notes, remindAt: new Date(0), minutes: 30 }).text).toBe(
      "⏰ Reminder set: in 30 min I'll remind you to add another ticket note.",
    );
    expect(reminderFiredView({ ...notes, summary: "the printer" }).text).toBe(
      "⏰ Time to add another ticket note on the printer",
    );
    expect(
      reminderOptionsView({ sessionId: "s1", updateId: "u1", audience: "email_draft", clientName: "Acme" })
        .text,
    ).toBe("Remind you to send Acme another email in:");
    const fired = reminderFiredView({
      sessionId: "s1",
      audience: "client_update",
      clientName: "Acme Medical Group",
      summary: "the email delivery issue",
    });
    expect(fired.text).toContain(
      "Time to send Acme Medical Group another update on the email delivery issue",
    );
    expect(viewActions(fired)).toMatchObject([
      { id: ACTION_IDS.reminderOpenUpdate, payload: { sessionId: "s1", audience: "client_update" } },
    ]);
    expect(reminderCancelledView({ count: 1 }).text).toBe("Reminder cancelled — session resolved");
    expect(reminderCancelledView({ count: 2, reason: "escalated" }).text).toBe(
      "2 reminders cancelled — session escalated",
    );
  });
});

describe("share resolution", () => {
  it("shows the documentation note, then Share Resolution with Copy / Post / Switch / Skip", () => {
    const view = shareResolutionView({
      documentation: result({ context: "resolution", sessionStatus: "resolved" }),
      share: result({
        updateId: "u2",
        audience: "client_update",
        postVisibility: "external",
        context: "resolution",
        sessionStatus: "resolved",
        content: "Hi Acme, it's fixed.",
      }),
      sessionId: "s1",
      updateId: "u2",
    });
    const body = texts(view);
    expect(body.indexOf("Resolution notes")).toBeLessThan(body.indexOf("Share Resolution"));
    expect(body.indexOf("Share Resolution")).toBeLessThan(body.indexOf("Hi Acme, it's fixed."));
    expect(labels(view)).toEqual([
      "Copy",
      "Post to Ticket (internal note)",
      "Copy",
      "Post to Ticket (visible to client)",
      "Switch Audience",
      "Switch Length → Quick",
      "Skip",
    ]);
    expect(viewActions(view).at(-1)).toMatchObject({ id: ACTION_IDS.skip, payload: { updateId: "u2" } });
    expect(view.blocks.filter((b) => b.type === "header")).toHaveLength(1);
  });
});

describe("history entry, templates and errors", () => {
  it("an expanded entry shows the final text, its delivery and Copy", () => {
    const view = historyEntryView(
      {
        id: "u1",
        sessionId: "s1",
        audience: "client_update",
        length: "quick",
        context: "update",
        generated_content: "generated",
        final_content: "edited by me",
        generated_at: "2026-03-23T14:15:00.000Z",
        delivery: { psa_push_status: "posted", psa_note_visibility: "external", psa_note_id: "7" },
      },
      { timeZone: "UTC" },
    );
    expect(texts(view)).toMatch(/2:15 PM · Quick · Status update · Posted to ticket \(external note\)/);
    expect(texts(view)).toContain("edited by me");
    expect(texts(view)).not.toContain("generated\n");
    expect(viewActions(view).map((a) => a.id)).toEqual([ACTION_IDS.copy]);
  });

  it("templates show every value; admins also see how to change each", () => {
    const admin = texts(templatesView({ templates: DEFAULT_TEMPLATES, canEdit: true }));
    expect(admin).toContain("**Client tone** (client_tone): professional");
    expect(admin).toContain("/flowpilot settings client_tone friendly");
    expect(admin).toContain("/flowpilot settings include_company_in_signoff exclude");
    const member = texts(templatesView({ templates: DEFAULT_TEMPLATES, canEdit: false }));
    expect(member).toContain("(default_length): detailed");
    expect(member).not.toContain("/flowpilot settings");
    expect(member).toContain("Only workspace admins can change these.");
  });

  it("errors carry the correlation id when there is one", () => {
    expect(texts(errorView("Something broke.", "ab12cd34"))).toContain("Reference: ab12cd34");
    expect(errorView("Bad input.").blocks).toHaveLength(1);
  });

  it("every button of every view encodes and decodes", () => {
    for (const view of [header(), result(), audiencePickerView({ sessionId: "s1" })]) {
      for (const a of viewActions(view))
        expect(decodeActionPayload(encodeActionPayload(a.payload))).toEqual(a.payload);
    }
  });
});
