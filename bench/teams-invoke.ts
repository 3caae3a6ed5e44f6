/**
 * Teams waits about 15 s for the answer to a button's invoke and then sends
 * it again. The answer must not wait for the writer: with a writer that takes
 * seconds, pressing a length on the picker is answered with the "Generating
 * update..." card at once and the result replaces it through the connector
 * later. Real server, botbuilder with authentication on, fakes for the Bot
 * Framework and ConnectWise on 127.0.0.1 (the test harness). Figures only.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { offlineWriter } from "../src/engine/writers/offline/index.ts";
import type { UpdateWriter } from "../src/engine/writers/types.ts";
import { startTeams } from "../test/adapters/teams/support/teams-harness.ts";
import { fmtMs, percentile, printTable } from "./stats.ts";

const WRITER_DELAY_MS = 2_000;
const ROUNDS = 30;

/** The offline writer, taking seconds like a model call. */
const slowWriter: UpdateWriter = {
  name: "offline",
  write: async (input) => {
    await new Promise((resolve) => setTimeout(resolve, WRITER_DELAY_MS));
    return offlineWriter.write(input);
  },
};

export async function runTeamsInvokeBench(): Promise<void> {
  const dataDir = join(await mkdtemp(join(tmpdir(), "flowpilot-bench-teams-")), "data");
  const t = await startTeams({ dataDir, writer: slowWriter });
  const audienceMs: number[] = [];
  const lengthMs: number[] = [];
  const resultMs: number[] = [];
  const pending: Promise<void>[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const { place } = await t.say(`start 48213 Bench round ${round}`, { mention: true });
      await t.say("tunnel drops every 50 minutes, IKE logs show DPD timeouts", { place });
      await t.say("replaced the firewall rule for UDP 4500, testing now", { place });
      await t.deliver(t.message("update", { place, mention: true }));
      const picker = t.latest(`Who is this update for?`, (s) =>
        s.conversationId.endsWith(`=${(place as { root: string }).root}`),
      );
      let started = performance.now();
      const asked = await t.deliver(t.invoke(picker, "👤 Client Update"));
      audienceMs.push(performance.now() - started);
      // The presser's card is the answer (everyone else's arrives through the connector).
      const lengths = { ...picker, card: asked.body.value };
      started = performance.now();
      const answer = await t.deliver(t.invoke(lengths, "Quick"));
      lengthMs.push(performance.now() - started);
      if (!JSON.stringify(answer.body).includes("Generating"))
        throw new Error("the invoke was not answered with the placeholder");
      // When the result replaced the placeholder, as the connector saw it (rounds overlap).
      pending.push(
        (async () => {
          while (
            !t
              .shown()
              .find((s) => s.id === picker.id)!
              .text.includes("Hi Acme")
          )
            await new Promise((resolve) => setTimeout(resolve, 20));
          resultMs.push(performance.now() - started);
        })(),
      );
    }
    await Promise.all(pending);
    await t.server.settle();
  } finally {
    await t.stop();
    await rm(join(dataDir, ".."), { recursive: true, force: true });
  }
  const row = (label: string, ms: number[]) => {
    const sorted = [...ms].sort((a, b) => a - b);
    return [
      label,
      sorted.length,
      fmtMs(percentile(sorted, 50)),
      fmtMs(percentile(sorted, 99)),
      fmtMs(sorted.at(-1)!),
    ];
  };
  printTable(
    `Teams invokes answered while the writer takes ${WRITER_DELAY_MS / 1000} s (${ROUNDS} rounds)`,
    ["what", "n", "p50 ms", "p99 ms", "max ms"],
    [
      row("invoke answer: audience -> length picker", audienceMs),
      row("invoke answer: length -> Generating card", lengthMs),
      row("result card in place (through the connector)", resultMs),
    ],
  );
}
