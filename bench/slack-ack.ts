// How fast Slack gets its acknowledgement while the writer is slow: a signed
// slash command that writes an update, and a Regenerate button press, each
// timed from sending to the HTTP answer (Slack wants it within 3 s).
import { createHmac } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../src/app/config.ts";
import { startServer } from "../src/app/start-server.ts";
import { offlineWriter } from "../src/engine/writers/offline/index.ts";
import type { UpdateWriter } from "../src/engine/writers/types.ts";
import { FakeSlack } from "../test/support/fake-slack.ts";
import { fmtMs, percentile, printTable } from "./stats.ts";

const SECRET = "bench-signing-secret";
const WRITER_DELAY_MS = 2_000;
const SAMPLES = 20;

const slowWriter: UpdateWriter = {
  name: "offline",
  write: async (input) => {
    await new Promise((r) => setTimeout(r, WRITER_DELAY_MS));
    return offlineWriter.write(input);
  },
};

export async function runSlackAckBench(): Promise<void> {
  const fake = await FakeSlack.start();
  fake.users.set("U0SAM", { id: "U0SAM", name: "Sam Ortiz" });
  const dataDir = await mkdtemp(join(tmpdir(), "flowpilot-bench-"));
  const server = await startServer(
    loadConfig({
      FLOWPILOT_DATA_DIR: join(dataDir, "data"),
      FLOWPILOT_HTTP_HOST: "127.0.0.1",
      FLOWPILOT_HTTP_PORT: "0",
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: "xoxb-bench",
      SLACK_API_URL: fake.apiUrl,
      LOG_LEVEL: "silent",
    }),
    { writer: slowWriter, reminderJob: false },
  );
  let n = 0;
  const post = async (body: string, type: string) => {
    const ts = Math.floor(Date.now() / 1000);
    const started = performance.now();
    const res = await fetch(`${server.url}/slack/events`, {
      method: "POST",
      headers: {
        "content-type": type,
        "x-slack-request-timestamp": String(ts),
        "x-slack-signature": `v0=${createHmac("sha256", SECRET).update(`v0:${ts}:${body}`).digest("hex")}`,
      },
      body,
    });
    await res.text();
    if (res.status !== 200) throw new Error(`Slack endpoint answered ${res.status}`);
    return performance.now() - started;
  };
  const form = "application/x-www-form-urlencoded";
  const command = (channel: string, name: string, text: string) =>
    post(
      new URLSearchParams({
        team_id: fake.team.id,
        channel_id: channel,
        user_id: "U0SAM",
        command: name,
        text,
        response_url: fake.responseUrl(`r${++n}`),
        trigger_id: `t${n}`,
      }).toString(),
      form,
    );
  const message = (channel: string, thread: string, text: string) =>
    post(
      JSON.stringify({
        team_id: fake.team.id,
        type: "event_callback",
        event_id: `Ev${++n}`,
        event: { type: "message", user: "U0SAM", channel, thread_ts: thread, ts: `1.${n}`, text },
      }),
      "application/json",
    );

  try {
    const channels = Array.from({ length: SAMPLES }, (_, i) => `CBENCH${i}`);
    for (const channel of channels) {
      await command(channel, "/flowpilot", `start T-${channel} Printer offline --client Harbor Dental`);
      await server.settle();
      const header = fake.messages.find((m) => m.channel === channel && !m.thread_ts)!;
      await message(channel, header.ts, "Front desk printer shows offline for everyone since 9");
      await message(channel, header.ts, "Re-added the print queue and the test page printed");
      await server.settle();
    }
    const commandAcks: number[] = [];
    for (const channel of channels)
      commandAcks.push(await command(channel, "/flowpilot-update", "quick client update"));
    await server.settle();
    const pressAcks: number[] = [];
    for (const channel of channels) {
      const result = fake.messages.filter((m) => m.channel === channel && m.thread_ts).at(-1)!;
      const regenerate = FakeSlack.buttonsOf(result).find((b) => b.text === "Regenerate")!;
      pressAcks.push(
        await post(
          new URLSearchParams({
            payload: JSON.stringify({
              type: "block_actions",
              user: { id: "U0SAM", team_id: fake.team.id },
              team: { id: fake.team.id },
              trigger_id: `t${++n}`,
              container: {
                type: "message",
                message_ts: result.ts,
                channel_id: channel,
                thread_ts: result.thread_ts,
              },
              channel: { id: channel },
              message: { ts: result.ts, thread_ts: result.thread_ts },
              response_url: fake.responseUrl(`r${n}`),
              actions: [
                { action_id: regenerate.action_id, value: regenerate.value, type: "button", action_ts: "1" },
              ],
            }),
          }).toString(),
          form,
        ),
      );
    }
    await server.settle();
    const rows = [
      ["signed slash command (/flowpilot-update)", commandAcks],
      ["button press (Regenerate)", pressAcks],
    ] as const;
    printTable(
      `Slack acknowledgement while the writer takes ${WRITER_DELAY_MS / 1000} s (${SAMPLES} each; Slack's limit 3,000 ms)`,
      ["request", "p50 ms", "p99 ms", "max ms", "p99 / 3 s"],
      rows.map(([name, acks]) => {
        const sorted = [...acks].sort((a, b) => a - b);
        return [
          name,
          fmtMs(percentile(sorted, 50)),
          fmtMs(percentile(sorted, 99)),
          fmtMs(sorted.at(-1)!),
          `${((percentile(sorted, 99) / 3000) * 100).toFixed(1)}%`,
        ];
      }),
    );
  } finally {
    await server.stop();
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runSlackAckBench();
