import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/open.ts";
import { DB_KINDS, type TestDbKind, withTestDatabase } from "../support/db.ts";

const SRC = join(import.meta.dirname, "../../src/db");
const BATCH = 40;

/**
 * A process recording batches of messages into one session, one transaction
 * per batch, as a REST batch is; it prints "committed <n>" after each.
 */
function writer(database: { url?: string; dataDir?: string }): ChildProcess {
  const script = `
    import { openDatabase } from ${JSON.stringify(join(SRC, "open.ts"))};
    import { getOrCreateAccount } from ${JSON.stringify(join(SRC, "accounts.ts"))};
    import { createSession } from ${JSON.stringify(join(SRC, "sessions.ts"))};
    import { appendMessages } from ${JSON.stringify(join(SRC, "steps.ts"))};
    const db = await openDatabase(${JSON.stringify(
      database.url ? { databaseUrl: database.url, dataDir: "" } : { dataDir: database.dataDir },
    )});
    const account = await getOrCreateAccount(db.prisma, { platform: "api", externalId: "crash" });
    const session = await createSession(db.prisma, { accountId: account.id, ticketId: "CRASH-1" });
    console.log("session " + session.id);
    for (let n = 0; ; n++) {
      const text = (j) => "batch " + n + " message " + j + ": rebooted the switch, checked the uplink again";
      await appendMessages(db.prisma, session.id, Array.from({ length: ${BATCH} }, (_, j) => ({ author: "engineer", text: text(j) })));
      console.log("committed " + n);
    }
  `;
  return spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    stdio: ["ignore", "pipe", "inherit"],
  });
}

const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill("SIGKILL");
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe.each(DB_KINDS)("a process killed (-9) while recording batches on %s", (kind: TestDbKind) => {
  it("leaves every batch whole or absent, and the session's message count true", async () => {
    const t = kind === "postgres" ? await withTestDatabase("postgres") : undefined;
    const dataDir = kind === "pglite" ? mkdtempSync(join(tmpdir(), "flowpilot-crash-")) : undefined;
    if (dataDir) dirs.push(dataDir);
    try {
      const child = writer({ url: t?.url, dataDir });
      children.push(child);
      let sessionId = "";
      let committed = -1;
      for await (const line of createInterface({ input: child.stdout! })) {
        if (line.startsWith("session ")) sessionId = line.slice(8);
        if (line.startsWith("committed ")) committed = Number(line.slice(10));
        // Killed mid-stream, a few batches in: the next batch is under way.
        if (committed >= 4) {
          child.kill("SIGKILL");
          break;
        }
      }
      await new Promise((resolve) => (child.exitCode === null ? child.once("exit", resolve) : resolve(null)));

      const db = t ? t.db : await openDatabase({ dataDir: dataDir! });
      try {
        const steps = await db.prisma.sessionStep.findMany({
          where: { sessionId, stepType: "message" },
          select: { content: true },
        });
        const perBatch = new Map<number, number>();
        for (const step of steps) {
          const batch = Number(/^batch (\d+) /.exec((step.content as { text: string }).text)![1]);
          perBatch.set(batch, (perBatch.get(batch) ?? 0) + 1);
        }
        const batches = [...perBatch.keys()].sort((a, b) => a - b);
        expect(batches.length).toBeGreaterThanOrEqual(committed + 1);
        expect(batches).toEqual(Array.from({ length: batches.length }, (_, i) => i));
        expect([...perBatch.values()].every((n) => n === BATCH)).toBe(true);
        const session = await db.prisma.session.findUniqueOrThrow({ where: { id: sessionId } });
        expect(session.messageCount).toBe(steps.length);
      } finally {
        if (!t) await db.close();
      }
    } finally {
      await t?.cleanup();
    }
  });
});
