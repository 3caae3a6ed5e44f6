import type { Activity } from "botbuilder";
import { describe, expect, it } from "vitest";
import { readTeamsMessage } from "../../../src/adapters/teams/parse.ts";

const BOT = { id: "28:bot-app", name: "FlowPilot" };
const botMention = { type: "mention", text: "<at>FlowPilot</at>", mentioned: BOT };

function activity(text: string, o: { mention?: boolean; personal?: boolean; entities?: unknown[] } = {}) {
  return {
    type: "message",
    text: o.mention ? `<at>FlowPilot</at> ${text}` : text,
    recipient: BOT,
    conversation: { id: "c", conversationType: o.personal ? "personal" : "channel" },
    entities: [...(o.mention ? [botMention] : []), ...(o.entities ?? [])],
  } as unknown as Activity;
}

describe("reading a Teams message", () => {
  it("a command word after the bot's mention is a command; update goes to the update flow", () => {
    expect(readTeamsMessage(activity("start T-1234 VPN down --client Acme", { mention: true }))).toEqual({
      kind: "command",
      command: "flowpilot",
      text: "start T-1234 VPN down --client Acme",
    });
    expect(readTeamsMessage(activity("update quick for the client", { mention: true }))).toEqual({
      kind: "command",
      command: "flowpilot-update",
      text: "quick for the client",
    });
    expect(readTeamsMessage(activity("Resolve re-keyed the tunnel", { mention: true }))).toMatchObject({
      kind: "command",
      command: "flowpilot",
    });
    expect(readTeamsMessage(activity("flowpilot history", { mention: true }))).toMatchObject({
      kind: "command",
      text: "history",
    });
  });

  it("in the personal chat no mention is needed", () => {
    expect(readTeamsMessage(activity("remind 30", { personal: true }))).toEqual({
      kind: "command",
      command: "flowpilot",
      text: "remind 30",
    });
    expect(readTeamsMessage(activity("thanks!", { personal: true }))).toEqual({
      kind: "message",
      text: "thanks!",
      isMention: true,
    });
  });

  it("a command Teams does not offer (the console's name) is chatter, unless typed as /flowpilot", () => {
    expect(readTeamsMessage(activity("name resolution fails on DC01", { personal: true }))).toEqual({
      kind: "message",
      text: "name resolution fails on DC01",
      isMention: true,
    });
    expect(readTeamsMessage(activity("/flowpilot name Priya Shah"))).toEqual({
      kind: "command",
      command: "flowpilot",
      text: "name Priya Shah",
    });
  });

  it("without the mention in a channel, command words are chatter of the session", () => {
    expect(readTeamsMessage(activity("resolve the DNS name first"))).toEqual({
      kind: "message",
      text: "resolve the DNS name first",
      isMention: false,
    });
  });

  it('"/flowpilot …" typed as in Slack is addressed to the bot without a mention', () => {
    expect(readTeamsMessage(activity("/flowpilot start 48213 Printer offline"))).toEqual({
      kind: "command",
      command: "flowpilot",
      text: "start 48213 Printer offline",
    });
    expect(readTeamsMessage(activity("/flowpilot update for the client"))).toMatchObject({
      command: "flowpilot-update",
      text: "for the client",
    });
  });

  it("a mention that is not a command is a message addressed to the bot", () => {
    expect(readTeamsMessage(activity("can you write the client an update?", { mention: true }))).toEqual({
      kind: "message",
      text: "can you write the client an update?",
      isMention: true,
    });
  });

  it("other people's mentions become their names; HTML becomes text", () => {
    const dana = {
      type: "mention",
      text: "<at>Dana Ruiz</at>",
      mentioned: { id: "29:dana", name: "Dana Ruiz" },
    };
    const read = readTeamsMessage(
      activity("<p>asked <at>Dana Ruiz</at> to check the&nbsp;firewall</p>", { entities: [dana] }),
    );
    expect(read).toEqual({
      kind: "message",
      text: "asked @Dana Ruiz to check the firewall",
      isMention: false,
    });
  });
});
