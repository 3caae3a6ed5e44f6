import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client.ts";
import { applyMigrations, type SqlRunner } from "./migrations.ts";

export interface Database {
  prisma: PrismaClient;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** postgresql:// URL; without it the embedded PGlite database is used. */
  databaseUrl?: string;
  /** Folder for embedded data (`<dataDir>/pglite`); "memory://" keeps it in memory. */
  dataDir: string;
}

/**
 * Opens the database and applies pending migrations first: PostgreSQL via
 * `DATABASE_URL`, else embedded PGlite persisted under the data folder
 * (created on first start). Both serve the same schema.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}

async function openPglite(dataDir: string): Promise<Database> {
  let location: string | undefined;
  if (dataDir !== "memory://") {
    location = join(dataDir, "pglite");
    mkdirSync(location, { recursive: true });
  }
  const lite = new PGlite(location);
  await lite.waitReady;
  const runner: SqlRunner = {
    exec: async (sql) => {
      await lite.exec(sql);
    },
    query: async <T>(sql: string, params?: unknown[]) => (await lite.query<T>(sql, params)).rows,
  };
  await applyMigrations(runner, { useAdvisoryLock: false });
  // pglite-prisma-adapter 0.6 is typed against an older driver-adapter-utils; the runtime contract is the same.
  const adapter = new PrismaPGlite(lite) as unknown as PrismaPg;
  const prisma = new PrismaClient({ adapter });
  return {
    prisma,
    kind: "pglite",
    close: async () => {
      await prisma.$disconnect();
      await lite.close();
    },
  };
}

async function openPostgres(url: string): Promise<Database> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const runner: SqlRunner = {
      exec: async (sql) => {
        await client.query(sql);
      },
      query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
    };
    await applyMigrations(runner, { useAdvisoryLock: true });
  } finally {
    await client.end();
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  return { prisma, kind: "postgres", close: () => prisma.$disconnect() };
}
