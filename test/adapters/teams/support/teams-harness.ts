import { PassThrough } from "node:stream";
import type { Config } from "../../../../src/app/config.ts";
import { type StartedServer, startServer } from "../../../../src/app/start-server.ts";
import type { TeamsSettings } from "../../../../src/config.ts";
import type { UpdateWriter } from "../../../../src/engine/writers/types.ts";
import {
  ACME_TICKET,
  type FakeConnectWise,
  startFakeConnectWise,
} from "../../../support/fake-connectwise.ts";
import { type ConnectorCall, type FakeBotFramework, startFakeBotFramework } from "./fake-bot-framework.ts";

/**
 * FlowPilot's one server (startServer, a real data folder) serving Teams with
 * authentication ON, between a fake Bot Framework and a fake ConnectWise on
 * 127.0.0.1. Activities are sent as Teams sends them, signed; what users see
 * is read back from the fake connector: cards (as posted, then as updated),
 * the invoke answers, and where each message went.
 */

export const APP_ID = "6f1b2c3d-0000-4aaa-8bbb-c0ffee000001";
export const TENANT = "8a1c0d9e-1111-4c2d-9e8f-0123456789ab";
export const OTHER_TENANT = "5e6f7a8b-2222-4d3e-8f90-9876543210cd";
export const SAM = { id: "29:1sam-okafor", name: "Sam Okafor", aadObjectId: "aad-sam" };
export const PRIYA = { id: "29:1priya-natarajan", name: "Priya Natarajan", aadObjectId: "aad-priya" };
export const CHANNEL = "19:ops-desk@thread.tacv2";
export const TEAM = "19:team-northwind@thread.tacv2";
export const BOT = { id: `28:${APP_ID}`, name: "FlowPilot" };

// biome-ignore lint/suspicious/noExplicitAny: activities and cards are JSON the tests read field by field
type Json = any;

export interface TeamsHarnessOptions {
  settings?: Partial<TeamsSettings>;
  dataDir?: string;
  writer?: UpdateWriter;
  fake?: FakeBotFramework;
  cw?: FakeConnectWise;
}

let sequence = 1_733_000_000_000;
const nextId = () => String(++sequence);

export async function startTeams(options: TeamsHarnessOptions = {}) {
  const authenticated =
    !options.settings || "appId" in options.settings === false || !!options.settings.appId;
  const fake =
    options.fake ??
    (await startFakeBotFramework({ appId: APP_ID, tenantId: TENANT, requireToken: authenticated }));
  const cw = options.cw ?? (await startFakeConnectWise());
  cw.addTicket(ACME_TICKET);
  fake.addMember({ ...SAM });
  fake.addMember({ ...PRIYA, userRole: "owner" });
  // Imported only here: it needs vitest's run context, and the bench passes its own folder.
  const dataDir = options.dataDir ?? (await (await import("../../../support/data-dir.ts")).freshDataDir());
  let logs = "";
  const logStream = new PassThrough();
  logStream.on("data", (chunk: Buffer) => {
    logs += chunk.toString("utf8");
  });
  const settings: TeamsSettings = {
    appId: APP_ID,
    appPassword: "test-app-password-Zq8",
    appType: "SingleTenant",
    tenantId: TENANT,
    // The start-up check of the app password asks the fake, never Microsoft.
    loginUrl: fake.loginUrl,
    ...options.settings,
  };
  const config: Config = {
    dataDir,
    logLevel: "info",
    http: { host: "127.0.0.1", port: 0, requestsPerMinute: 10_000 },
    psaTimeoutMs: 5_000,
    connectwise: cw.settings,
    teams: settings,
  };
  const overrides = fake.overrides();
  // Without an app id botbuilder checks nothing and sends no token: no credentials to inject.
  if (!settings.appId) delete overrides.credentialsFactory;
  const server: StartedServer = await startServer(config, {
    chat: { teams: overrides },
    reminderJob: false,
    writer: options.writer,
    logStream,
  });

  /** Posts an activity to /api/messages as Teams does: signed unless `token` says otherwise. */
  async function deliver(activity: Json, token: string | null = fake.token()) {
    const response = await fetch(`${server.url}/api/messages`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify(activity),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  /** A channel thread (its root post's id) or a chat, as Teams names conversations. */
  function conversation(place: Place, tenant: string) {
    if (place.kind === "personal")
      return { id: `a:personal-${place.user.id}`, conversationType: "personal", tenantId: tenant };
    return {
      id: `${CHANNEL};messageid=${place.root}`,
      conversationType: "channel",
      isGroup: true,
      tenantId: tenant,
    };
  }

  function activityBase(place: Place, from: typeof SAM, tenant = TENANT, id = nextId()) {
    return {
      id,
      channelId: "msteams",
      serviceUrl: fake.serviceUrl,
      timestamp: new Date().toISOString(),
      from,
      recipient: BOT,
      conversation: conversation(place, tenant),
      channelData: {
        tenant: { id: tenant },
        ...(place.kind === "channel" ? { team: { id: TEAM }, channel: { id: CHANNEL } } : {}),
      },
    };
  }

  /** A message typed in Teams; `mention` puts the bot's <at> mention in front, as Teams does. */
  function message(
    text: string,
    o: { place?: Place; from?: typeof SAM; mention?: boolean; tenant?: string; id?: string } = {},
  ) {
    const id = o.id ?? nextId();
    const place = o.place ?? { kind: "channel", root: id };
    const mention = o.mention ?? false;
    return {
      ...activityBase(place, o.from ?? SAM, o.tenant, id),
      type: "message",
      text: mention ? `<at>FlowPilot</at> ${text}` : text,
      textFormat: "plain",
      entities: mention ? [{ type: "mention", text: "<at>FlowPilot</at>", mentioned: BOT }] : [],
    };
  }

  /** Sends a message; the place it was sent in (a new channel post starts its own thread). */
  async function say(text: string, o: Parameters<typeof message>[1] = {}) {
    const activity = message(text, o);
    const answer = await deliver(activity);
    await server.settle();
    const place: Place = o.place ?? ({ kind: "channel", root: activity.id } satisfies Place as Place);
    return { ...answer, place, activityId: activity.id };
  }

  /**
   * Presses a button on a card the bot posted (by its title; a button that
   * opens an input or a confirmation is pressed through to its submit), as
   * Teams sends it: an `adaptiveCard/action` invoke with the inputs merged
   * into the data.
   */
  function invoke(
    card: Shown,
    title: string,
    o: { from?: typeof SAM; input?: string; tenant?: string; id?: string; confirm?: boolean } = {},
  ) {
    const action = findExecute(card.card, title);
    if (!action) throw new Error(`no enabled button "${title}" on ${card.text.slice(0, 80)}`);
    const place = placeOf(card.conversationId);
    return {
      ...activityBase(place, o.from ?? SAM, o.tenant, o.id ?? `f:${nextId()}`),
      type: "invoke",
      name: "adaptiveCard/action",
      replyToId: card.id,
      value: {
        action: {
          type: "Action.Execute",
          verb: action.verb,
          data: { ...action.data, ...(o.input === undefined ? {} : { input: o.input }) },
        },
        trigger: "manual",
      },
    };
  }

  async function press(card: Shown, title: string, o: Parameters<typeof invoke>[2] = {}) {
    const answer = await deliver(invoke(card, title, o));
    await server.settle();
    return answer;
  }

  /** Every message the bot has shown, each in its latest version (updates applied). */
  function shown(): Shown[] {
    const byId = new Map<string, Shown>();
    for (const call of fake.calls) {
      const card = call.activity.attachments?.[0]?.content;
      const entry: Shown = {
        id: call.activityId,
        conversationId: call.conversationId,
        card,
        text: card ? cardText(card) : String(call.activity.text ?? ""),
        buttons: card ? buttonTitles(card) : [],
        versions: (byId.get(call.activityId)?.versions ?? 0) + 1,
        activity: call.activity,
      };
      byId.set(call.activityId, entry);
    }
    return [...byId.values()];
  }

  /** The newest message whose text matches. */
  function latest(pattern: RegExp | string, where?: (s: Shown) => boolean): Shown {
    const found = shown()
      .filter((s) => (typeof pattern === "string" ? s.text.includes(pattern) : pattern.test(s.text)))
      .filter((s) => !where || where(s))
      .at(-1);
    if (!found) throw new Error(`nothing shown matches ${pattern}:\n${transcript()}`);
    return found;
  }

  const transcript = () =>
    shown()
      .map((s) => `[${s.conversationId} ${s.id} v${s.versions}] ${s.text}`)
      .join("\n");

  return {
    server,
    fake,
    cw,
    dataDir,
    logs: () => logs,
    /** The JSON log lines so far, parsed. */
    logLines: (): Json[] =>
      logs
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line)),
    deliver,
    message,
    say,
    invoke,
    press,
    shown,
    latest,
    transcript,
    inThread: (root: string): Place => ({ kind: "channel", root }),
    personal: (user = SAM): Place => ({ kind: "personal", user }),
    /** Messages posted in a user's personal chat with the bot. */
    inPersonalChat: (user = SAM) => shown().filter((s) => s.conversationId === `a:personal-${user.id}`),
    async stop(closeFakes = true) {
      await server.stop();
      if (closeFakes && !options.fake) await fake.close();
      if (closeFakes && !options.cw) await cw.close();
    },
  };
}

export type TeamsHarness = Awaited<ReturnType<typeof startTeams>>;

export type Place = { kind: "channel"; root: string } | { kind: "personal"; user: typeof SAM };

export interface Shown {
  id: string;
  conversationId: string;
  card: Json;
  /** Everything the card says, as text. */
  text: string;
  /** The titles of its enabled buttons. */
  buttons: string[];
  versions: number;
  activity: ConnectorCall["activity"];
}

function placeOf(conversationId: string): Place {
  const thread = /;messageid=(.+)$/.exec(conversationId);
  if (thread) return { kind: "channel", root: thread[1]! };
  const personal = /^a:personal-(.+)$/.exec(conversationId);
  const user = [SAM, PRIYA].find((u) => u.id === personal?.[1]) ?? SAM;
  return { kind: "personal", user };
}

/** All elements and actions of a card, show-cards' cards included. */
function walk(node: Json, visit: (n: Json) => void) {
  if (!node || typeof node !== "object") return;
  visit(node);
  for (const key of ["body", "items", "columns", "actions", "inlines"]) {
    for (const child of node[key] ?? []) walk(child, visit);
  }
  if (node.card) walk(node.card, visit);
}

export function cardText(card: Json): string {
  const parts: string[] = [];
  walk(card, (n) => {
    if (n.type === "TextBlock" || n.type === "TextRun") parts.push(n.text);
    if (n.type === "FactSet") for (const f of n.facts) parts.push(`${f.title}: ${f.value}`);
  });
  return parts.join("\n");
}

/** Titles of the enabled buttons a user can press (top-level, in action sets and columns). */
export function buttonTitles(card: Json): string[] {
  const titles: string[] = [];
  walk({ body: card.body, actions: card.actions }, (n) => {
    if ((n.type === "Action.Execute" || n.type === "Action.ShowCard") && n.isEnabled !== false)
      titles.push(n.title);
  });
  return [...new Set(titles)];
}

/** The Action.Execute a button runs: itself, or the submit inside the show-card it opens. */
function findExecute(card: Json, title: string): Json | undefined {
  let found: Json;
  walk(card, (n) => {
    if (found || n.title !== title || n.isEnabled === false) return;
    if (n.type === "Action.Execute") found = n;
    if (n.type === "Action.ShowCard") {
      walk(n.card, (inner) => {
        if (!found && inner.type === "Action.Execute") found = inner;
      });
    }
  });
  return found;
}
