import type { Command } from "commander";
import { openDatabase } from "../../db/connect.ts";
import { computeUsageStats } from "../../db/usage-stats.ts";
import { loadCliConfig } from "../cli-config.ts";

const pct = (v: number | null) => (v === null ? "n/a" : `${(v * 100).toFixed(1)}%`);
const secs = (v: number | null) => (v === null ? "n/a" : `${v.toFixed(1)} s`);

/** `flowpilot stats`: the spec's success metrics from the configured database. */
export function registerStats(program: Command): void {
  program
    .command("stats")
    .description("usage figures: Share Update adoption, time to ticket post, feedback")
    .option("--json", "print JSON")
    .action(async (flags: { json?: boolean }) => {
      const config = loadCliConfig();
      const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        const s = await computeUsageStats(db.prisma);
        if (flags.json) {
          process.stdout.write(`${JSON.stringify(s, null, 2)}\n`);
          return;
        }
        process.stdout.write(
          [
            `Sessions over 10 minutes:          ${s.sessionsOver10Minutes}`,
            `  ...that used Share Update:       ${s.sessionsOver10MinutesWithShareUpdate} (${pct(s.shareUpdateAdoption)}, target 30%+)`,
            `Updates generated / posted:        ${s.updatesGenerated} / ${s.updatesPosted}`,
            `Generation to ticket post:         median ${secs(s.secondsToTicketPost.median)}, p95 ${secs(s.secondsToTicketPost.p95)} (target < 5 s)`,
            `Feedback:                          👍 ${s.feedback.up}  👎 ${s.feedback.down}`,
            "",
          ].join("\n"),
        );
      } finally {
        await db.close();
      }
    });
}
