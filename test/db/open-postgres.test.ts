import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/open.ts";
import { FlowPilotError } from "../../src/errors.ts";
import { itWithPostgres, POSTGRES_AVAILABLE } from "../support/db.ts";
import { databaseUrl, postgresAdmin } from "../support/postgres-admin.ts";

describe("DATABASE_URL on a PostgreSQL server", () => {
  const name = `flowpilot_test_created_${randomBytes(4).toString("hex")}`;
  afterAll(async () => {
    if (POSTGRES_AVAILABLE) await postgresAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  itWithPostgres("creates the named database when it does not exist, then migrates it", async () => {
    const logged: object[] = [];
    const db = await openDatabase({
      databaseUrl: databaseUrl(name),
      dataDir: "",
      logger: { info: (obj) => logged.push(obj), warn: () => undefined },
    });
    try {
      expect(await db.prisma.session.count()).toBe(0);
    } finally {
      await db.close();
    }
    expect(logged).toContainEqual({ database: name, server: "127.0.0.1:5432" });
    const again = await openDatabase({ databaseUrl: databaseUrl(name), dataDir: "" });
    await again.close();
  });

  it("names the server and what to check when it cannot be reached", async () => {
    const failure = await openDatabase({
      databaseUrl: "postgresql://postgres@127.0.0.1:1/flowpilot",
      dataDir: "",
    }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(FlowPilotError);
    expect((failure as FlowPilotError).userMessage).toBe(
      "Cannot reach PostgreSQL at 127.0.0.1:1 (ECONNREFUSED) for DATABASE_URL; is the server running there?",
    );
  });
});
