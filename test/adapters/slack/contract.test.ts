import { createSlackClients } from "../../../src/adapters/slack/clients.ts";
import { ResponseUrls } from "../../../src/adapters/slack/response-urls.ts";
import { createSlackSurface } from "../../../src/adapters/slack/surface.ts";
import type { Logger } from "../../../src/domain/index.ts";
import { FakeSlack } from "../../support/fake-slack.ts";
import { loopbackOnly } from "../../support/loopback-only.ts";
import { chatSurfaceContract } from "../contract.ts";

loopbackOnly();

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

chatSurfaceContract("the Slack adapter (Web API against a fake Slack)", async () => {
  const fake = await FakeSlack.start();
  fake.users.set("U0SAM", { id: "U0SAM", name: "Sam Ortiz" });
  const clients = createSlackClients({ botToken: "xoxb-contract", apiUrl: fake.apiUrl }, quiet, undefined, 0);
  const surface = createSlackSurface(clients, new ResponseUrls(), quiet);
  const shownText = () => fake.messages.map((m) => FakeSlack.textOf(m)).join("\n");
  return {
    surface,
    thread: { account: { platform: "slack", externalId: fake.team.id }, conversationId: "C0CONTRACT" },
    knownUser: { platformUserId: "U0SAM", displayName: "Sam Ortiz" },
    shown: shownText,
    shownOnlyTo: (text, user) =>
      fake.messages.some((m) => FakeSlack.textOf(m).includes(text) && m.ephemeralTo === user),
    cleanup: () => fake.close(),
  };
});
