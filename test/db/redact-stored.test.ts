import { describe, expect, it } from "vitest";
import { getOrCreateAccount } from "../../src/db/accounts.ts";
import { openDatabase } from "../../src/db/open.ts";
import { redactStoredSecrets, STORED_REDACTION_RUN } from "../../src/db/redact-stored.ts";
import type { PrismaClient } from "../../src/generated/prisma/client.ts";
import { freshDataDir } from "../support/data-dir.ts";
import { DB_KINDS, withTestDatabase } from "../support/db.ts";
import { runCli } from "../support/run-cli.ts";

/** What a version before the intake redaction left in the database. */
async function storeLikeAnOldVersion(prisma: PrismaClient) {
  const account = await getOrCreateAccount(prisma, { platform: "console", externalId: "local" });
  const session = await prisma.session.create({
    data: {
      accountId: account.id,
      ticketId: "TKT-77",
      ticketSummary: "VPN down",
      status: "resolved",
      resolutionSummary: "Reset the vpn admin, new password is Lantern#2291 and it works",
      conversationId: "console",
    },
  });
  await prisma.sessionStep.createMany({
    data: [
      {
        sessionId: session.id,
        stepType: "message",
        content: { author: "engineer", text: "pw is Tr0ub4dor&3 for now" },
      },
      {
        sessionId: session.id,
        stepType: "message",
        content: { author: "engineer", text: "tried Tr0ub4dor&3 on fw02 too" },
      },
      {
        sessionId: session.id,
        stepType: "message",
        content: { author: "engineer", text: "password : [redacted]] Apple 77" },
      },
      {
        sessionId: session.id,
        stepType: "status_update",
        content: {
          audience: "ticket_notes",
          generated_content: "- Logged in with Tr0ub4dor&3",
          writer: "offline",
        },
      },
    ],
  });
  // The old version never ran the clean-up.
  await prisma.maintenanceRun.deleteMany({});
  return session.id;
}

async function dump(prisma: PrismaClient) {
  const rows = await prisma.$queryRawUnsafe<Array<{ row: string }>>(
    "SELECT row_to_json(t)::text AS row FROM sessions t UNION ALL SELECT row_to_json(t)::text FROM session_steps t",
  );
  return rows.map((r) => r.row).join("\n");
}

describe.each(DB_KINDS)("secrets stored by earlier versions, on %s", (kind) => {
  it("are removed once, recorded, and a second run changes nothing", async () => {
    const t = await withTestDatabase(kind);
    try {
      await storeLikeAnOldVersion(t.db.prisma);
      expect(await dump(t.db.prisma)).toContain("Tr0ub4dor&3");

      const first = await redactStoredSecrets(t.db.prisma);
      expect(first).toMatchObject({ sessionsScanned: 1, skipped: false });
      expect(first.rowsChanged).toBe(5);
      const cleaned = await dump(t.db.prisma);
      expect(cleaned).not.toMatch(/Tr0ub4dor|Lantern#2291/);
      expect(cleaned).toContain("tried [password removed] on fw02 too");
      expect(cleaned).toContain("new password is [password removed] and it works");
      // The old double-marker debris goes, with the rest of the passphrase it left behind.
      expect(cleaned).toContain("password : [secret removed]");
      expect(cleaned).not.toContain("Apple 77");
      expect(
        await t.db.prisma.maintenanceRun.findUnique({ where: { name: STORED_REDACTION_RUN } }),
      ).not.toBeNull();

      expect(await redactStoredSecrets(t.db.prisma)).toMatchObject({ skipped: true });
      expect(await redactStoredSecrets(t.db.prisma, { force: true })).toMatchObject({ rowsChanged: 0 });
      expect(await dump(t.db.prisma)).toBe(cleaned);
    } finally {
      await t.cleanup();
    }
  });
});

describe("the embedded database", () => {
  it("is cleaned on the first start of this version, and `flowpilot redact-existing` repeats it safely", async () => {
    const dataDir = await freshDataDir();
    const old = await openDatabase({ dataDir });
    await storeLikeAnOldVersion(old.prisma);
    await old.close();

    const reopened = await openDatabase({ dataDir });
    try {
      expect(await dump(reopened.prisma)).not.toContain("Tr0ub4dor&3");
    } finally {
      await reopened.close();
    }
    const run = await runCli(["redact-existing"], { env: { FLOWPILOT_DATA_DIR: dataDir } });
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toBe("Scanned 1 session(s); removed secrets from 0 stored row(s).\n");
  });
});
