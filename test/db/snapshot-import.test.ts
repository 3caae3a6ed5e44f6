import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getOrCreateAccount, setCompanyName } from "../../src/db/accounts.ts";
import { importTranscript } from "../../src/db/import-transcript.ts";
import { getSession } from "../../src/db/sessions.ts";
import { loadSessionSnapshot } from "../../src/db/snapshot.ts";
import { appendMessage } from "../../src/db/steps.ts";
import { redactSnapshot } from "../../src/engine/intake/redact-session.ts";
import { transcriptSchema, transcriptToSnapshot } from "../../src/engine/transcript.ts";
import { DB_KINDS, type TestDatabase, withTestDatabase } from "../support/db.ts";
import { SHARED_EVAL_DIR } from "../support/session-expectations.ts";

const SESSIONS_DIR = join(SHARED_EVAL_DIR, "sessions");
const transcriptFiles = readdirSync(SESSIONS_DIR)
  .filter((f) => f.endsWith(".json") && !f.endsWith(".expect.json"))
  .sort();
const load = (file: string) =>
  transcriptSchema.parse(JSON.parse(readFileSync(join(SESSIONS_DIR, file), "utf8")));

describe.each(DB_KINDS)("transcript import and snapshots on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await withTestDatabase(kind);
  });
  afterAll(() => t?.cleanup());

  it("finds the eval transcripts", () => {
    expect(transcriptFiles.length).toBeGreaterThan(0);
  });

  it.each(transcriptFiles)(
    "%s loads back as the snapshot the engine builds from the file, secrets removed",
    async (file) => {
      const transcript = load(file);
      const account = await getOrCreateAccount(t.db.prisma, {
        platform: "api",
        externalId: `import-${file}`,
      });
      const id = await importTranscript(t.db.prisma, transcript, { accountId: account.id });
      const now = new Date(transcript.now ?? "2030-01-01T00:00:00Z");
      const fromDb = await loadSessionSnapshot(t.db.prisma, id, { now, accountId: account.id });
      // Imported text passes the intake like typed text: stored with markers where the file had secrets.
      expect(fromDb).toEqual(await redactSnapshot(transcriptToSnapshot(transcript, { id, now })));

      const session = await getSession(t.db.prisma, id, { accountId: account.id });
      expect(session?.status).toBe(transcript.status);
      if (transcript.status === "resolved" || transcript.status === "escalated")
        expect(session?.endedAt).toBeInstanceOf(Date);
    },
  );

  it("keeps messages with equal timestamps in their written order, and an open pause open", async () => {
    const account = await getOrCreateAccount(t.db.prisma, { platform: "api", externalId: "order" });
    const transcript = transcriptSchema.parse({
      ticket: { id: 7 },
      engineer: { name: "Jo Park" },
      status: "paused",
      started_at: "2026-04-02T09:00:00Z",
      pauses: [{ from: "2026-04-02T09:30:00Z" }],
      messages: [
        { at: "2026-04-02T09:10:00Z", author: "engineer", text: "second" },
        { at: "2026-04-02T09:05:00Z", author: "engineer", text: "first" },
        { at: "2026-04-02T09:10:00Z", author: "client", text: "third" },
      ],
    });
    const id = await importTranscript(t.db.prisma, transcript, { accountId: account.id });
    const now = new Date("2026-04-02T10:00:00Z");
    const snapshot = await loadSessionSnapshot(t.db.prisma, id, { now });
    expect(snapshot).toEqual(await redactSnapshot(transcriptToSnapshot(transcript, { id, now })));
    expect(snapshot.messages.map((m) => m.text)).toEqual(["first", "second", "third"]);
    expect(snapshot.pauses).toEqual([{ from: new Date("2026-04-02T09:30:00Z"), to: null }]);
    expect(snapshot.ticket).toEqual({ id: "7" });

    // Live messages after the import land at the end of the timeline.
    await appendMessage(
      t.db.prisma,
      id,
      { author: "engineer", text: "back" },
      { at: new Date("2026-04-02T09:50:00Z") },
    );
    expect((await loadSessionSnapshot(t.db.prisma, id, { now })).messages.at(-1)?.text).toBe("back");
  });

  it("attaches a given engineer and keeps an account's own company name", async () => {
    const transcript = load(transcriptFiles[0]!);
    const account = await getOrCreateAccount(t.db.prisma, { platform: "slack", externalId: "T-OWN" });
    await setCompanyName(t.db.prisma, account.id, "Own MSP Ltd");
    const id = await importTranscript(t.db.prisma, transcript, {
      accountId: account.id,
      engineer: { platformUserId: "U777", displayName: "Priya Shah" },
    });
    const snapshot = await loadSessionSnapshot(t.db.prisma, id, { now: new Date() });
    expect(snapshot.engineer).toEqual({ name: "Priya Shah", company: "Own MSP Ltd" });
    const user = await t.db.prisma.user.findFirstOrThrow({ where: { accountId: account.id } });
    expect(user.platformUserId).toBe("U777");
  });

  it("rolls the whole import back when a part fails", async () => {
    const account = await getOrCreateAccount(t.db.prisma, { platform: "api", externalId: "rollback" });
    const transcript = load(transcriptFiles[0]!);
    // A time the database cannot store: the message steps fail after the user and session were written.
    const broken = {
      ...transcript,
      engineer: { name: "Rolled Back" },
      messages: [
        ...transcript.messages,
        { at: "2026-13-45T99:99:99Z", author: "client" as const, text: "a message at no real time" },
      ],
    };
    await expect(importTranscript(t.db.prisma, broken, { accountId: account.id })).rejects.toThrow();
    expect(await t.db.prisma.session.count({ where: { accountId: account.id } })).toBe(0);
    expect(await t.db.prisma.user.count({ where: { accountId: account.id } })).toBe(0);
    // The connection is still usable after the rollback.
    await importTranscript(t.db.prisma, transcript, { accountId: account.id });
    expect(await t.db.prisma.session.count({ where: { accountId: account.id } })).toBe(1);
  });
});
