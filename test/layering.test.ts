import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./support/eval-dir.ts";

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s+["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g;

/** Every relative module path the files under `folder` import, as repository paths. */
function importsUnder(folder: string): Array<{ file: string; target: string }> {
  const root = join(REPO_ROOT, folder);
  const found: Array<{ file: string; target: string }> = [];
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".ts")) continue;
    const path = join(entry.parentPath, entry.name);
    for (const m of readFileSync(path, "utf8").matchAll(IMPORT)) {
      const spec = m[1] ?? m[2]!;
      if (!spec.startsWith(".")) continue;
      found.push({
        file: relative(REPO_ROOT, path),
        target: relative(REPO_ROOT, resolve(entry.parentPath, spec)),
      });
    }
  }
  return found;
}

describe("layering", () => {
  it("the engine and intent recognition never import each other; both may use src/ml", () => {
    const engine = importsUnder("src/engine");
    const intents = importsUnder("src/intents");
    expect(engine.length).toBeGreaterThan(50);
    expect(engine.filter((i) => i.target.startsWith("src/intents/"))).toEqual([]);
    expect(intents.filter((i) => i.target.startsWith("src/engine/"))).toEqual([]);
    expect(intents.some((i) => i.target.startsWith("src/ml/"))).toBe(true);
  });

  it("src/ml is generic: it imports nothing from the rest of the code", () => {
    expect(importsUnder("src/ml").filter((i) => !i.target.startsWith("src/ml/"))).toEqual([]);
  });
});
