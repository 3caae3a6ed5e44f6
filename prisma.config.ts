// Prisma CLI configuration: the JavaScript schema engine with a driver adapter,
// so every CLI command works offline (see README, "Database").
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (url) {
      const { PrismaPg } = await import("@prisma/adapter-pg");
      return new PrismaPg({ connectionString: url });
    }
    const { mkdirSync } = await import("node:fs");
    const { PGlite } = await import("@electric-sql/pglite");
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    const dir = `${process.env.FLOWPILOT_DATA_DIR ?? "./data"}/pglite`;
    mkdirSync(dir, { recursive: true });
    // pglite-prisma-adapter 0.6 is typed against an older driver-adapter-utils;
    // the runtime contract is the same.
    return new PrismaPGlite(new PGlite(dir)) as unknown as SqlMigrationAwareDriverAdapterFactory;
  },
});
