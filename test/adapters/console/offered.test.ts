import { describe, expect, it } from "vitest";
import { CONSOLE_THREAD } from "../../../src/adapters/console/index.ts";
import { createOffers } from "../../../src/adapters/console/offered.ts";
import { renderConsole } from "../../../src/adapters/console/render.ts";
import {
  noticeView,
  reminderOptionsView,
  reminderSetView,
  switchAudienceView,
  updateResultView,
} from "../../../src/chat/views/index.ts";

const ref = (id: string) => ({ thread: CONSOLE_THREAD, id });
const labels = (offers: ReturnType<typeof createOffers>) => offers.live()?.choices.map((c) => c.label);

const update = renderConsole(
  updateResultView({
    sessionId: "s1",
    updateId: "u1",
    audience: "client_update",
    length: "quick",
    context: "update",
    content: "Hi Harbor Dental — logins work again.",
    format: "plain",
    sessionStatus: "resolved",
    timeSpentMinutes: 20,
    writer: "offline",
    canPostToTicket: false,
    postVisibility: null,
    edited: false,
  }),
);
const reminderPicker = renderConsole(
  reminderOptionsView({ sessionId: "s1", updateId: "u1", audience: "client_update" }),
);
const switchPicker = renderConsole(
  switchAudienceView({
    sessionId: "s1",
    updateId: "u1",
    current: "client_update",
    options: ["ticket_notes", "email_draft"],
    length: "quick",
    context: "update",
  }),
);

describe("the console's live choices", () => {
  it("a picker replaced by a view without buttons is spent: the update's buttons are live again", () => {
    const offers = createOffers();
    offers.printed(ref("1"), update);
    offers.printed(ref("2"), reminderPicker);
    expect(labels(offers)).toEqual(["15 min", "30 min", "1 hour", "Custom"]);
    expect(offers.live()?.asks).toBe(true);
    offers.printed(
      ref("2"),
      renderConsole(
        reminderSetView({ sessionId: "s1", remindAt: new Date(), minutes: 15, audience: "client_update" }),
      ),
    );
    expect(labels(offers)).toContain("Edit");
    expect(offers.live()).toMatchObject({ ref: ref("1"), asks: false });
  });

  it("a message replaced by one with buttons offers the new ones, and is the newest", () => {
    const offers = createOffers();
    offers.printed(ref("1"), renderConsole(noticeView("⏳ Generating update...")));
    offers.printed(ref("2"), reminderPicker);
    offers.printed(ref("1"), update);
    expect(offers.live()?.ref).toEqual(ref("1"));
    expect(labels(offers)).toContain("Copy");
  });

  it("an answered question that stays on screen (Switch Audience) is spent; other messages' buttons are not", () => {
    const offers = createOffers();
    offers.printed(ref("1"), update);
    offers.answered(offers.live()!);
    expect(offers.live()?.ref).toEqual(ref("1"));
    offers.printed(ref("2"), switchPicker);
    offers.answered(offers.live()!);
    expect(offers.live()?.ref).toEqual(ref("1"));
  });

  it("a question replaced before it was marked answered keeps its replacement", () => {
    const offers = createOffers();
    offers.printed(ref("1"), switchPicker);
    const asked = offers.live()!;
    offers.printed(ref("1"), reminderPicker);
    offers.answered(asked);
    expect(labels(offers)).toEqual(["15 min", "30 min", "1 hour", "Custom"]);
  });
});
