import { describe, expect, it } from "vitest";
import { renderConsole } from "../../../src/adapters/console/render.ts";
import {
  copiedView,
  decodeActionPayload,
  historyView,
  reminderOptionsView,
  sessionHeaderView,
  type UpdateResultData,
  updateResultView,
} from "../../../src/chat/views/index.ts";

const RULE = "─".repeat(60);
const PU = '{"v":1,"sessionId":"s1","updateId":"u1"}';

const resultData = (over: Partial<UpdateResultData> = {}): UpdateResultData => ({
  sessionId: "s1",
  updateId: "u1",
  audience: "ticket_notes",
  length: "quick",
  context: "update",
  content: "**Status: Investigating** — 22 min in.\n- Traced to a transport rule",
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

describe("renderConsole", () => {
  it("renders the header with numbered choices; Share Update is listed as unavailable with the reason", () => {
    const out = renderConsole(
      sessionHeaderView({
        sessionId: "s1",
        ticketId: "TKT-2847",
        ticketSummary: "Email delivery issue",
        clientCompany: "Acme Medical Group",
        status: "active",
        inferredStatus: "identified",
        timeSpentMinutes: 65,
        messageExchanges: 1,
        updatesCount: 0,
      }),
    );
    expect(out.text).toBe(
      [
        "== 🛠️ TKT-2847 — Email delivery issue ==",
        "Ticket:     TKT-2847",
        "Summary:    Email delivery issue",
        "Client:     Acme Medical Group",
        "Status:     Active · Cause identified",
        "Time spent: 1 h 5 min",
        "Messages:   1",
        "Updates:    0",
        "[1] Escalate  [2] Share Update (unavailable)  [3] Pause  [4] Resolve",
        "    [2] Share Update is available after at least 2 message exchanges",
      ].join("\n"),
    );
    expect(out.choices.map((c) => [c.n, c.actionId, c.label])).toEqual([
      [1, "session.escalate", "Escalate"],
      [2, "session.share_update", "Share Update"],
      [3, "session.pause", "Pause"],
      [4, "session.resolve", "Resolve"],
    ]);
    expect(out.choices[1]?.disabledReason).toBe(
      "Share Update is available after at least 2 message exchanges",
    );
    expect(out.choices[0]?.needsInput?.prompt).toMatch(/Why are you escalating/);
    expect(out.choices[3]?.needsInput?.prompt).toMatch(/What fixed it/);
    expect(out.choices[2]?.needsInput).toBeUndefined();
  });

  it("prints the update verbatim between rules, with Post to Ticket saying where it goes", () => {
    const out = renderConsole(updateResultView(resultData()));
    expect(out.text).toBe(
      [
        "== 📋 Ticket Notes ==",
        "  Quick · Status update · Investigating · 22 min",
        RULE,
        "**Status: Investigating** — 22 min in.",
        "- Traced to a transport rule",
        RULE,
        "  Offline writer",
        "  Post to Ticket (TKT-2847) adds: Internal note (not visible to the client)",
        "[1] Copy  [2] Post to Ticket (internal note)  [3] Regenerate  [4] Switch Audience  [5] Switch Length → Detailed  [6] Set Reminder  [7] Edit",
        "[8] 👍  [9] 👎",
      ].join("\n"),
    );
    expect(out.choices).toHaveLength(9);
    for (const c of out.choices) expect(c.payload).toBe(PU);
    expect(out.choices[6]).toMatchObject({
      actionId: "update.edit",
      needsInput: { prompt: expect.any(String) },
    });
  });

  it("without a PSA the choices skip Post to Ticket; a client-visible post shows its warning", () => {
    const none = renderConsole(updateResultView(resultData({ canPostToTicket: false })));
    expect(none.choices.map((c) => c.label)).not.toContain("Post to Ticket (internal note)");
    expect(none.text).not.toContain("Post to Ticket");
    const external = renderConsole(
      updateResultView(
        resultData({ audience: "client_update", format: "plain", postVisibility: "external" }),
      ),
    );
    expect(external.text).toContain(
      "    [2] External note — visible to the client in their portal. Ticket TKT-2847.",
    );
  });

  it("Copy prints only the raw text and the confirmation, with no choices", () => {
    const out = renderConsole(
      copiedView({ sessionId: "s1", updateId: "u1", content: "**Status:** fixed", audience: "ticket_notes" }),
    );
    expect(out.text).toBe(
      [
        RULE,
        "**Status:** fixed",
        RULE,
        "  ✅ Marked as copied · 📋 Ticket Notes — select the text above to paste it.",
      ].join("\n"),
    );
    expect(out.choices).toEqual([]);
  });

  it("renders the history with a Show choice per entry", () => {
    const out = renderConsole(
      historyView(
        [
          {
            sessionId: "s1",
            updateId: "u1",
            audience: "email_draft",
            length: "detailed",
            context: "escalation",
            generatedAt: new Date("2026-03-23T16:40:00Z"),
            delivery: { psa_push_status: "failed", psa_error: "503" },
            reminderPending: false,
            content: "Subject: Update\nHi Acme,",
          },
        ],
        { timeZone: "UTC" },
      ),
    );
    expect(out.text).toBe(
      [
        "== Updates (1) ==",
        "✉️ 4:40 PM · Email Draft · Detailed · Escalation · Post to ticket failed  [1] Show",
        "    Subject: Update Hi Acme,",
      ].join("\n"),
    );
    expect(decodeActionPayload(out.choices[0]!.payload)).toEqual({ v: 1, sessionId: "s1", updateId: "u1" });
  });

  it("marks the custom reminder as needing typed input", () => {
    const out = renderConsole(
      reminderOptionsView({ sessionId: "s1", updateId: "u1", audience: "client_update" }),
    );
    expect(out.text).toBe(
      "Remind you to send the client another update in:\n[1] 15 min  [2] 30 min  [3] 1 hour  [4] Custom",
    );
    expect(out.choices.map((c) => Boolean(c.needsInput))).toEqual([false, false, false, true]);
  });
});
