import { describe, expect, it } from "vitest";
import {
  ACTION_IDS,
  HISTORY_MAX_ENTRIES,
  type HistoryEntryData,
  historyView,
  type ViewBlock,
} from "../../../src/chat/views/index.ts";

const entry = (n: number, over: Partial<HistoryEntryData> = {}): HistoryEntryData => ({
  sessionId: "s1",
  updateId: `u${n}`,
  audience: "ticket_notes",
  length: "quick",
  context: "update",
  generatedAt: new Date(Date.UTC(2026, 2, 23, 14, 15 + n)),
  delivery: { psa_push_status: "not_posted" },
  reminderPending: false,
  content: `**Status: Investigating**\n- step ${n}`,
  ...over,
});

const items = (blocks: ViewBlock[]) => blocks.filter((b) => b.type === "item");

describe("update history", () => {
  it("counts the updates and lists icon, time, length and delivery status per entry", () => {
    const view = historyView(
      [
        entry(0, { delivery: { psa_push_status: "not_posted", copied_at: "2026-03-23T14:16:00.000Z" } }),
        entry(1, {
          audience: "client_update",
          length: "detailed",
          delivery: { psa_push_status: "posted", psa_note_visibility: "external" },
        }),
        entry(2, { audience: "email_draft", reminderPending: true }),
        entry(3, { context: "resolution" }),
      ],
      { timeZone: "UTC" },
    );
    expect(view.blocks[0]).toEqual({ type: "header", text: "Updates (4)" });
    expect(items(view.blocks).map((b) => (b.type === "item" ? b.text.split("\n")[0] : ""))).toEqual([
      "📋 **2:15 PM** · Ticket Notes · Quick · Copied",
      "👤 **2:16 PM** · Client Update · Detailed · Posted to ticket (external note)",
      "✉️ **2:17 PM** · Email Draft · Quick · Pending reminder",
      "📋 **2:18 PM** · Ticket Notes · Quick · Resolution · Not sent",
    ]);
  });

  it("lets each entry expand to its full text", () => {
    const [first] = items(historyView([entry(7)]).blocks);
    expect(first?.type === "item" && first.action).toMatchObject({
      id: ACTION_IDS.historyExpand,
      payload: { v: 1, sessionId: "s1", updateId: "u7" },
    });
    expect(first?.type === "item" && first.text.split("\n")[1]).toBe("_Status: Investigating step 7_");
  });

  it("says when there is nothing yet", () => {
    const view = historyView([]);
    expect(view.text).toBe("Updates (0)");
    expect(view.blocks[1]).toMatchObject({ type: "text", text: expect.stringMatching(/No updates/) });
  });

  it("shows the most recent entries of a long session and says how many exist", () => {
    const many = Array.from({ length: HISTORY_MAX_ENTRIES + 5 }, (_, i) => entry(i));
    const view = historyView(many, { timeZone: "UTC" });
    expect(view.blocks[0]).toEqual({ type: "header", text: `Updates (${many.length})` });
    expect(view.blocks[1]).toEqual({
      type: "context",
      text: `Showing the ${HISTORY_MAX_ENTRIES} most recent of ${many.length} updates.`,
    });
    const listed = items(view.blocks);
    expect(listed).toHaveLength(HISTORY_MAX_ENTRIES);
    expect(listed[0]?.type === "item" && listed[0].action?.payload.updateId).toBe("u5");
  });
});
