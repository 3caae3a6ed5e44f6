import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The engine and the intent recognizer are platform-neutral: they must never
 * import a chat SDK or one of our adapters. Adapters depend on the engine,
 * never the other way round.
 */
const ROOT = join(import.meta.dirname, "../../..");
const SCANNED = ["src/engine", "src/intents", "src/chat", "src/sessions"];
const FORBIDDEN = [
  { name: "@slack/* packages", test: (spec: string) => spec.startsWith("@slack/") },
  { name: "botbuilder / Bot Framework", test: (spec: string) => /^(botbuilder|botframework-)/.test(spec) },
  { name: "Microsoft Teams SDK", test: (spec: string) => spec.startsWith("@microsoft/teams") },
  { name: "our adapters", test: (spec: string) => /(^|\/)adapters\//.test(spec) },
];
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']\s*\)|\brequire\s*\(\s*["']([^"']+)["']\s*\)|(?:^|\n)\s*import\s*["']([^"']+)["']/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|js|mjs)$/.test(name) ? [path] : [];
  });
}

/** Every module specifier a file imports, re-exports or requires. */
function importsOf(source: string): string[] {
  return [...source.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4] ?? "");
}

/** Layers that must not reach into each other, by resolved path. */
const LAYER_RULES = [
  { from: "src/intents", forbidden: "src/engine", why: "the recognizer is below the engine" },
  {
    from: "src/engine",
    forbidden: "src/intents",
    why: "the engine talks to the recognizer only through its port",
  },
  {
    from: "src/psa",
    forbidden: "src/chat",
    why: "PSA clients implement the domain's TicketPort",
  },
  {
    from: "src/adapters",
    forbidden: "src/db",
    why: "adapters reach persistence only through the core's ports",
  },
  {
    from: "src/adapters",
    forbidden: "src/generated",
    why: "adapters never touch the database client",
  },
  {
    from: "src/adapters",
    forbidden: "src/engine/writers/llm",
    why: "adapters never build prompts",
  },
  {
    from: "src/domain",
    forbidden: "src/",
    why: "the domain vocabulary imports nothing of ours",
    except: "src/domain",
  },
];

function resolvedImports(file: string): string[] {
  return importsOf(readFileSync(file, "utf8"))
    .filter((spec) => spec.startsWith("."))
    .map((spec) => relative(ROOT, join(file, "..", spec)));
}

describe("engine boundary", () => {
  it("keeps the layers apart: intents and engine never import each other, psa never imports the conversation core, adapters never touch the database or prompts", () => {
    const violations = LAYER_RULES.flatMap((rule) =>
      sourceFiles(join(ROOT, rule.from)).flatMap((file) =>
        resolvedImports(file)
          .filter(
            (target) => target.startsWith(rule.forbidden) && !(rule.except && target.startsWith(rule.except)),
          )
          .map((target) => `${relative(ROOT, file)} imports ${target} (${rule.why})`),
      ),
    );
    expect(violations).toEqual([]);
  });

  it("resolves relative imports to project paths, as the layer check needs", () => {
    const probe = join(ROOT, "src/intents/classify.ts");
    expect(resolvedImports(probe).some((t) => t.startsWith("src/intents"))).toBe(true);
  });

  it("finds imports in every form it checks", () => {
    const sample = [
      'import { App } from "@slack/bolt";',
      'import type { TurnContext } from "botbuilder";',
      'export { x } from "../../../src/adapters/slack/render.ts";',
      'const m = await import("@microsoft/teams.apps");',
      'import "./side-effect.ts";',
    ].join("\n");
    expect(importsOf(sample)).toEqual([
      "@slack/bolt",
      "botbuilder",
      "../../../src/adapters/slack/render.ts",
      "@microsoft/teams.apps",
      "./side-effect.ts",
    ]);
    const flagged = importsOf(sample).filter((s) => FORBIDDEN.some((f) => f.test(s)));
    expect(flagged).toHaveLength(4);
  });

  it("src/engine and src/intents import no chat SDK and no adapter", () => {
    const files = SCANNED.flatMap((d) => sourceFiles(join(ROOT, d)));
    expect(files.some((f) => f.includes(join("chat", "views")))).toBe(true);
    const violations = files.flatMap((file) =>
      importsOf(readFileSync(file, "utf8")).flatMap((spec) =>
        FORBIDDEN.filter((f) => f.test(spec)).map(
          (f) => `${relative(ROOT, file)} imports ${spec} (${f.name})`,
        ),
      ),
    );
    expect(violations).toEqual([]);
  });
});
