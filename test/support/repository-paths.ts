import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { REPO_ROOT } from "./eval-dir.ts";

/**
 * A fresh clone has nothing beside it: no source, test, benchmark or script
 * may refer to a path outside the repository (a folder beside the clone,
 * a home directory), or `npm test` passes only on the machine that has it.
 */
const CODE_FOLDERS = ["src", "test", "bench", "scripts"];
const CODE_FILE = /\.(?:[cm]?[jt]s)$/;
/** Folders that belong to one machine or person, never to a clone. */
const MACHINE_PATH = /^\/(?:work|home|root|Users|mnt|srv)\//;
const STRING_LITERAL = /"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`/g;
/** The test's own examples are the one place such paths are written on purpose. */
const EXAMPLES_FILE = "test/repository-paths.test.ts";

const outside = (path: string) => relative(REPO_ROOT, path).startsWith("..");

/**
 * What a string literal in `file` points to outside the repository, if
 * anything. A relative path is read both from the file's folder (imports,
 * `import.meta.dirname`) and from the repository root (`resolve(ROOT, …)`):
 * it is outside when the first leaves the repository, or when the first names
 * nothing that exists and the second leaves it.
 */
export function outsideReference(file: string, literal: string): string | undefined {
  const path = literal.split("${")[0] ?? "";
  if (MACHINE_PATH.test(path)) return path;
  if (!/^\.\.?\//.test(path) || !path.includes("..")) return undefined;
  const fromFile = resolve(REPO_ROOT, dirname(file), path);
  if (outside(fromFile)) return path;
  if (!existsSync(fromFile) && outside(resolve(REPO_ROOT, path))) return path;
  return undefined;
}

/** Every `file: path` in the committed code that points outside the repository. */
export function outsideReferences(): { files: number; found: string[] } {
  const files = execFileSync("git", ["ls-files", "-z", "--", ...CODE_FOLDERS], {
    cwd: REPO_ROOT,
    encoding: "utf8",
  })
    .split("\0")
    .filter((f) => CODE_FILE.test(f) && f !== EXAMPLES_FILE && existsSync(join(REPO_ROOT, f)));
  const found: string[] = [];
  for (const file of files) {
    for (const m of readFileSync(join(REPO_ROOT, file), "utf8").matchAll(STRING_LITERAL)) {
      const ref = outsideReference(file, m[1] ?? m[2] ?? m[3] ?? "");
      if (ref) found.push(`${file}: ${ref}`);
    }
  }
  return { files: files.length, found };
}
