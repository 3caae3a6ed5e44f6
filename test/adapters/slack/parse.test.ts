import { describe, expect, it } from "vitest";
import { parseSlackText, stripBotMention } from "../../../src/adapters/slack/parse.ts";
import { parseTeamsText } from "../../../src/adapters/teams/parse.ts";

const names: Record<string, string> = { U024BE7LH: "Dana Ruiz", U0G9QF9C6: "Sam Okafor" };
const resolve = (id: string) => names[id];

describe("platform markup parsed by the adapters", () => {
  it("turns Slack user mentions into names, never raw ids", async () => {
    const text = await parseSlackText("asked <@U024BE7LH> and <@UNKNOWN1> to reboot", resolve);
    expect(text).toBe("asked @Dana Ruiz and @a teammate to reboot");
    expect(text).not.toMatch(/U024BE7LH|UNKNOWN1/);
  });

  it("keeps labels of mentions, channels and links; broadcast mentions carry nothing for an update", async () => {
    const text = await parseSlackText(
      "<@U0G9QF9C6|sam> see <#C123ABC|it-ops>, <!here> and <https://status.example.com|the status page> or <mailto:help@example.com|help@example.com>",
      resolve,
    );
    expect(text).toBe(
      "@sam see #it-ops, and the status page (https://status.example.com) or help@example.com",
    );
  });

  it("names channel links that carry no label (conversations.info), and drops the bot's own mention", async () => {
    const channels: Record<string, string> = { C0NET: "network-ops" };
    const text = await parseSlackText("moved to <#C0NET> and <#C0GONE>", resolve, (id) => channels[id]);
    expect(text).toBe("moved to #network-ops and #a channel");
    expect(stripBotMention("<@UBOT> quick update for the client", "UBOT")).toBe(
      "quick update for the client",
    );
    expect(stripBotMention("thanks <@UBOT>, done", "UBOT")).toBe("thanks done");
  });

  it("reads Teams mentions and HTML", async () => {
    const text = parseTeamsText(
      "<p><at>FlowPilot</at> rebooted the <b>printer</b><br/>done &amp; dusted</p>",
    );
    expect(text).toBe("@FlowPilot rebooted the printer\ndone & dusted");
  });

  it("turns known emoji codes into emoji, leaving custom ones, times and addresses as typed", async () => {
    const text = await parseSlackText("fixed :white_check_mark: :partyparrot: at 10:30:45", resolve);
    expect(text).toBe("fixed ✅ :partyparrot: at 10:30:45");
    expect(await parseSlackText(":thumbsup::skin-tone-2: done", resolve)).toBe("👍 done");
    for (const line of [
      "printer MAC aa:bb:cc:dd:ee:ff and ARN arn:aws:iam::123456789012:role/Backup",
      "ping 2001:db8:aa::10 and fe80::1c2a:3bff:fe4d:5e6f%12 from the branch",
      "    Security key           : Present",
    ])
      expect(await parseSlackText(line, resolve)).toBe(line);
  });
});
