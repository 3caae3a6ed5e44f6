import { relative } from "node:path";
import type { Reporter, TestModule } from "vitest/node";

/**
 * Prints every test file's duration (import + tests), slowest first, after
 * the run: a test that grows slow shows up in CI's log before it times out.
 */
export default class DurationsReporter implements Reporter {
  private readonly rows: Array<{ file: string; seconds: number; tests: number; state: string }> = [];

  onTestModuleEnd(module: TestModule): void {
    const d = module.diagnostic();
    this.rows.push({
      file: relative(process.cwd(), module.moduleId),
      seconds: (d.collectDuration + d.duration) / 1000,
      tests: [...module.children.allTests()].length,
      state: module.state(),
    });
  }

  onTestRunEnd(): void {
    if (this.rows.length === 0) return;
    const sorted = [...this.rows].sort((a, b) => b.seconds - a.seconds);
    const total = sorted.reduce((sum, r) => sum + r.seconds, 0);
    const lines = sorted.map(
      (r) =>
        `${r.seconds.toFixed(1).padStart(7)} s  ${String(r.tests).padStart(4)} tests  ${r.state === "passed" ? "  " : "✗ "}${r.file}`,
    );
    process.stdout.write(
      `\nPer-file durations (import + tests), slowest first; ${total.toFixed(1)} s in all:\n${lines.join("\n")}\n`,
    );
  }
}
