import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The floors of src, as the imports draw them: the chat core and the REST
 * adapter reach persistence only through the session use cases; the use
 * cases know no chat; the database implements the ports and knows no
 * adapter; the configuration knows no PSA; no two files import each other,
 * however long the loop.
 */
const ROOT = join(import.meta.dirname, "..");
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']\s*\)|(?:^|\n)\s*import\s*["']([^"']+)["']/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "generated" ? [] : sourceFiles(path);
    return /\.ts$/.test(name) ? [path] : [];
  });
}

/** The project files a file imports (relative imports only), as paths from the project root. */
function importedFiles(file: string): string[] {
  return [...readFileSync(file, "utf8").matchAll(IMPORT)]
    .map((m) => m[1] ?? m[2] ?? m[3] ?? "")
    .filter((spec) => spec.startsWith("."))
    .map((spec) => resolve(dirname(file), spec))
    .filter((target) => existsSync(target))
    .map((target) => relative(ROOT, target));
}

const FILES = sourceFiles(join(ROOT, "src")).map((f) => relative(ROOT, f));
const IMPORTS = new Map(FILES.map((f) => [f, importedFiles(join(ROOT, f))]));

/** `from` (a folder, or one file) importing anything under `forbidden`, as "file imports target" lines. */
function reaches(from: string[], forbidden: string[]): string[] {
  return FILES.filter((f) => from.some((p) => f === p || f.startsWith(`${p}/`))).flatMap((file) =>
    (IMPORTS.get(file) ?? [])
      .filter((target) => forbidden.some((p) => target === p || target.startsWith(`${p}/`)))
      .map((target) => `${file} imports ${target}`),
  );
}

/** Calls of a store method (`deps.store.getUpdate(…)`, `ctx.deps.store\n  .claimOnce(…)`), by file. */
function storeCalls(file: string): number {
  return [...readFileSync(join(ROOT, file), "utf8").matchAll(/\bstore\s*\.\s*[A-Za-z]+\s*\(/g)].length;
}

/** Every loop in an import graph: each as the files it passes through, back to where it started. */
function importLoops(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const loops: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const path: string[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === "open") loops.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(file, "done");
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return loops;
}

describe("the floors of src", () => {
  it("reads the project's imports", () => {
    expect(FILES.length).toBeGreaterThan(100);
    expect(IMPORTS.get("src/chat/conversation.ts")).toContain("src/sessions/find.ts");
    expect(reaches(["src/chat/conversation.ts"], ["src/sessions"]).length).toBeGreaterThan(0);
    expect(storeCalls("src/sessions/updates.ts")).toBeGreaterThan(0);
  });

  it("chat never reaches the store: it calls the session use cases", () => {
    expect(reaches(["src/chat"], ["src/sessions/ports", "src/db", "src/generated"])).toEqual([]);
    expect(FILES.filter((f) => f.startsWith("src/chat/") && storeCalls(f) > 0)).toEqual([]);
  });

  it("only the use cases and the database call the store (chat, REST and the rest never do)", () => {
    const callers = FILES.filter(
      (f) => !f.startsWith("src/sessions/") && !f.startsWith("src/db/") && storeCalls(f) > 0,
    );
    expect(callers).toEqual([]);
  });

  it("the session use cases never import the chat core or an adapter", () => {
    expect(reaches(["src/sessions"], ["src/chat", "src/adapters", "src/app", "src/cli"])).toEqual([]);
  });

  it("the database never imports an adapter or the chat core", () => {
    expect(reaches(["src/db"], ["src/adapters", "src/chat"])).toEqual([]);
  });

  it("the configuration never imports a PSA: each provider's settings live with it", () => {
    expect(reaches(["src/config.ts", "src/config-chat-platforms.ts"], ["src/psa"])).toEqual([]);
  });

  it("the engine is the text pipeline: it imports neither the chat core nor the use cases", () => {
    expect(reaches(["src/engine"], ["src/chat", "src/sessions", "src/adapters", "src/db"])).toEqual([]);
  });

  it("the engine and intent recognition never import each other; both may use src/ml", () => {
    expect(reaches(["src/engine"], ["src/intents"])).toEqual([]);
    expect(reaches(["src/intents"], ["src/engine"])).toEqual([]);
    expect(reaches(["src/intents"], ["src/ml"]).length).toBeGreaterThan(0);
  });

  it("src/ml is generic: it imports nothing from the rest of the code", () => {
    const ml = FILES.filter((f) => f.startsWith("src/ml/"));
    expect(ml.length).toBeGreaterThan(0);
    expect(ml.flatMap((f) => (IMPORTS.get(f) ?? []).filter((t) => !t.startsWith("src/ml/")))).toEqual([]);
  });

  it("no files import each other, in a loop of any length", () => {
    expect(importLoops(IMPORTS).map((loop) => loop.join(" -> "))).toEqual([]);
  });

  it("finds a loop where there is one", () => {
    const graph = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts", "d.ts"]],
      ["c.ts", ["a.ts"]],
      ["d.ts", []],
    ]);
    expect(importLoops(graph)).toEqual([["a.ts", "b.ts", "c.ts", "a.ts"]]);
  });
});
