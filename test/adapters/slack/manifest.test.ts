import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { SLACK_EVENTS_PATH } from "../../../src/adapters/slack/index.ts";
import { SLASH_COMMANDS } from "../../../src/adapters/slack/listeners/commands.ts";
import { HOME_EVENTS } from "../../../src/adapters/slack/listeners/home.ts";
import { MESSAGE_EVENTS } from "../../../src/adapters/slack/listeners/messages.ts";
import { BOT_SCOPES, REDIRECT_PATH } from "../../../src/adapters/slack/oauth.ts";

const manifest = parse(readFileSync(new URL("../../../manifest/slack.yaml", import.meta.url), "utf8"));

/** The scope each Web API method and event needs (docs.slack.dev); a method missing here fails the test. */
const SCOPE_OF_METHOD: Record<string, string[]> = {
  "auth.test": [],
  "chat.postMessage": ["chat:write"],
  "chat.postEphemeral": ["chat:write"],
  "chat.update": ["chat:write"],
  "conversations.open": ["im:write"],
  "conversations.info": ["channels:read", "groups:read"],
  "users.info": ["users:read"],
  "views.open": [],
  "views.publish": [],
};
const SCOPE_OF_EVENT: Record<string, string[]> = {
  app_home_opened: [],
  app_mention: ["app_mentions:read"],
  "message.channels": ["channels:history"],
  "message.groups": ["groups:history"],
  "message.im": ["im:history"],
};

/** Web API methods the adapter calls: `client.chat.postMessage(`, `client.views.open(` … in src/adapters/slack. */
function calledMethods(): string[] {
  const dir = new URL("../../../src/adapters/slack/", import.meta.url).pathname;
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
  const methods = new Set<string>();
  for (const file of files) {
    const source = readFileSync(join(dir, file), "utf8");
    for (const m of source.matchAll(/\b(?:client|c)\.(chat|conversations|users|views|auth)\.(\w+)\(/g))
      methods.add(`${m[1]}.${m[2]}`);
  }
  return [...methods].sort();
}

describe("manifest/slack.yaml", () => {
  it("declares exactly the slash commands the code handles, at our events URL", () => {
    const commands = manifest.features.slash_commands;
    expect(commands.map((c: { command: string }) => c.command).sort()).toEqual([...SLASH_COMMANDS].sort());
    for (const c of commands) expect(new URL(c.url).pathname).toBe(SLACK_EVENTS_PATH);
  });

  it("subscribes to exactly the events the code listens to, and sends interactivity to the same URL", () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(
      [...MESSAGE_EVENTS, ...HOME_EVENTS].sort(),
    );
    expect(new URL(manifest.settings.event_subscriptions.request_url).pathname).toBe(SLACK_EVENTS_PATH);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(new URL(manifest.settings.interactivity.request_url).pathname).toBe(SLACK_EVENTS_PATH);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(new URL(manifest.oauth_config.redirect_urls[0]).pathname).toBe(REDIRECT_PATH);
  });

  it("asks for the smallest set of scopes: every one is used, none is missing, OAuth asks for the same", () => {
    const methods = calledMethods();
    expect(methods).toContain("chat.postMessage");
    const unknown = methods.filter((m) => !(m in SCOPE_OF_METHOD));
    expect(unknown, "add the scope these methods need to SCOPE_OF_METHOD").toEqual([]);
    const needed = new Set<string>(["commands"]);
    for (const m of methods) for (const s of SCOPE_OF_METHOD[m]!) needed.add(s);
    for (const e of manifest.settings.event_subscriptions.bot_events)
      for (const s of SCOPE_OF_EVENT[e]!) needed.add(s);
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
    expect([...BOT_SCOPES].sort()).toEqual([...needed].sort());
  });
});
