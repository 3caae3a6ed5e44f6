import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    // Limits far above any test's normal duration (the slowest take a few seconds),
    // so a busy machine slows the suite down but never fails it.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
    // Test files share a worker's loaded modules: PGlite's and Prisma's WebAssembly
    // is compiled once per worker, not once per file. Tests keep no module state.
    isolate: false,
    reporters: ["default", "./test/durations-reporter.ts"],
  },
});
