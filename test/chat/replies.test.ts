import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ACTIONS, actionInput, findAction } from "../../src/chat/action-registry.ts";
import { ACTION_IDS } from "../../src/chat/views/index.ts";
import { type ConsoleHarness, createConsoleHarness } from "../support/console-harness.ts";

let h: ConsoleHarness;
beforeEach(async () => {
  h = await createConsoleHarness();
});
afterEach(() => h.cleanup());

async function sessionWithWork() {
  await h.say("/flowpilot start TKT-5120 Scanner to email failing --client Harbor Dental");
  await h.say("Scan to email fails with SMTP auth error on the front desk copier");
  await h.say("Checked the relay connector: the copier's IP is not on the allow list");
}

const last = () => h.sent.at(-1)!;
const ONLY_YOU = "(only you can see this)";

describe("who sees a reply", () => {
  it("Copy, a rating, help, settings and errors go only to the engineer who asked", async () => {
    await sessionWithWork();
    await h.say("quick client update pls");
    const result = h.sent.at(-1)!;
    expect(result.ephemeralTo).toBeUndefined();

    expect(await h.choose("Copy")).toContain(ONLY_YOU);
    expect(last().ephemeralTo).toBe("console:test");
    expect(await h.choose("👍")).toContain(ONLY_YOU);
    expect(last().ephemeralTo).toBe("console:test");

    expect(await h.say("/flowpilot help")).toContain(ONLY_YOU);
    expect(last().ephemeralTo).toBe("console:test");
    await h.say("/flowpilot settings");
    expect(last().ephemeralTo).toBe("console:test");

    expect(await h.say("/flowpilot frobnicate")).toContain(ONLY_YOU);
    expect(last()).toMatchObject({ kind: "post", ephemeralTo: "console:test" });
    expect(last().view.kind).toBe("error");
  });

  it("the update itself, the header and session changes are for the whole thread", async () => {
    await sessionWithWork();
    await h.say("/flowpilot pause lunch");
    expect(last().ephemeralTo).toBeUndefined();
    await h.say("/flowpilot resume");
    await h.say("detailed ticket notes please");
    expect(last().ephemeralTo).toBeUndefined();
    expect(last().view.kind).toBe("update_result");
  });
});

describe("a button's reply replaces the message it was on", () => {
  it("the audience picker becomes the length picker, which becomes the placeholder and then the update", async () => {
    await sessionWithWork();
    await h.say("status update");
    const audiencePicker = h.sent.at(-1)!;
    expect(audiencePicker.view.kind).toBe("audience_picker");
    const client = h.choices().find((c) => /Client Update/.test(c.label))!;
    await h.press(client, undefined, { sourceMessage: audiencePicker.ref });
    expect(last()).toMatchObject({ kind: "update", ref: audiencePicker.ref });
    expect(last().view.kind).toBe("length_picker");

    const quick = h.choices().find((c) => /Quick/.test(c.label))!;
    const before = h.sent.length;
    await h.press(quick, undefined, { sourceMessage: audiencePicker.ref });
    const after = h.sent.slice(before);
    expect(after.map((s) => [s.kind, s.ref, s.view.kind])).toEqual([
      ["update", audiencePicker.ref, "generating"],
      ["update", audiencePicker.ref, "update_result"],
    ]);
  });

  it("a button that does not replace its message posts a new one, even when the source is known", async () => {
    await sessionWithWork();
    await h.say("quick client update pls");
    const result = h.sent.at(-1)!;
    const regenerate = h.choices().find((c) => /Regenerate/.test(c.label))!;
    const before = h.sent.length;
    await h.press(regenerate, undefined, { sourceMessage: result.ref });
    expect(h.sent.slice(before).every((s) => s.ref !== result.ref || s.kind === "post")).toBe(true);
  });
});

describe("the action registry", () => {
  it("declares every button once, with what it targets, who sees the reply and the input it needs", () => {
    expect(Object.keys(ACTIONS).sort()).toEqual(Object.values(ACTION_IDS).sort());
    expect(findAction(ACTION_IDS.copy)).toMatchObject({ target: "update", visibility: "ephemeral" });
    expect(findAction(ACTION_IDS.pickLength)).toMatchObject({ target: "session", replacesSource: true });
    expect(findAction(ACTION_IDS.regenerate)?.latestOnly).toBe(true);
    expect(findAction("update.retired_button")).toBeUndefined();
    expect(actionInput(ACTION_IDS.resolve)?.prompt).toMatch(/What fixed it/);
    expect(actionInput(ACTION_IDS.reminderOption, {})?.prompt).toMatch(/1h30m/);
    expect(actionInput(ACTION_IDS.reminderOption, { minutes: 15 })).toBeUndefined();
  });

  it("buttons of a superseded update say so, only to the engineer, instead of acting", async () => {
    await sessionWithWork();
    await h.say("quick client update pls");
    const oldRegenerate = h.choices().find((c) => /Regenerate/.test(c.label))!;
    h.advance(1);
    await h.choose("Regenerate");
    const updatesBefore = await h.prisma.sessionStep.count({ where: { stepType: "status_update" } });
    expect(await h.press(oldRegenerate)).toMatch(/outdated/);
    expect(last().ephemeralTo).toBe("console:test");
    expect(await h.prisma.sessionStep.count({ where: { stepType: "status_update" } })).toBe(updatesBefore);
  });

  it("a retired button id answers with a clear message", async () => {
    await sessionWithWork();
    await h.say("quick client update pls");
    const copy = h.choices().find((c) => /Copy/.test(c.label))!;
    expect(await h.press({ actionId: "update.retired_button", payload: copy.payload })).toMatch(
      /not supported any more/,
    );
  });
});
