// Keeps dist/ (the compiled CLI) in step with src/. `npm ci` builds it
// (package.json "prepare"); after that, the CLI, `npm start`, the tests and the
// benchmarks call ensureBuilt(), which recompiles (incrementally, with tsc)
// only when a source file is newer than the last build. No transpiler runs at
// start-up.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const DIST_MAIN = join(ROOT, "dist/cli/main.js");
const STAMP = join(ROOT, "dist/.build-stamp");
const LOCK = join(ROOT, "dist/.build-lock");
const SOURCES = [join(ROOT, "src"), join(ROOT, "tsconfig.json"), join(ROOT, "tsconfig.build.json")];
const LOCK_WAIT_MS = 120_000;

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const mtime = statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

/** Whether dist/ is older than the sources (always false in an install without src/). */
export function isStale() {
  if (!existsSync(join(ROOT, "src"))) return false;
  if (!existsSync(DIST_MAIN) || !existsSync(STAMP)) return true;
  const built = statSync(STAMP).mtimeMs;
  return SOURCES.some((path) => newestMtime(path) > built);
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Takes the build lock, waiting while another process builds; false when the wait ran out. */
function lock() {
  mkdirSync(dirname(LOCK), { recursive: true });
  const deadline = Date.now() + LOCK_WAIT_MS;
  while (Date.now() < deadline) {
    try {
      writeFileSync(LOCK, String(process.pid), { flag: "wx" });
      return true;
    } catch (err) {
      if (err.code !== "EEXIST") throw err;
      // A lock older than the wait is left over from a build that was killed.
      if (Date.now() - statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs > LOCK_WAIT_MS)
        rmSync(LOCK, { force: true });
      else sleep(200);
    }
  }
  return false;
}

/**
 * Compiles src/ to dist/ when it is stale (or always, with force). Type
 * errors are reported but do not stop the build: `npm run lint` is where they
 * fail. Returns false only when no runnable build exists afterwards.
 */
export function ensureBuilt({ force = false, log = (line) => process.stderr.write(`${line}\n`) } = {}) {
  if (!force && !isStale()) return true;
  if (!lock()) {
    log("flowpilot: another build of dist/ did not finish within 2 minutes");
    return existsSync(DIST_MAIN);
  }
  try {
    if (!force && !isStale()) return true; // another process built it while we waited
    let tsc;
    try {
      tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
    } catch {
      log("flowpilot: TypeScript is not installed, so dist/ cannot be rebuilt; run npm ci");
      return existsSync(DIST_MAIN);
    }
    if (!force) log("flowpilot: sources changed since the last build; compiling to dist/ …");
    const started = Date.now();
    const run = spawnSync(process.execPath, [tsc, "-p", join(ROOT, "tsconfig.build.json")], {
      cwd: ROOT,
      encoding: "utf8",
    });
    if (run.status !== 0) {
      const errors = `${run.stdout}${run.stderr}`.trim().split("\n");
      log(`flowpilot: the build reported ${errors.length} line(s) of errors (npm run lint shows them):`);
      for (const line of errors.slice(0, 10)) log(`  ${line}`);
    }
    if (!existsSync(DIST_MAIN)) return false;
    writeFileSync(STAMP, new Date().toISOString());
    if (!force) log(`flowpilot: compiled in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return true;
  } finally {
    rmSync(LOCK, { force: true });
  }
}

// `node bin/ensure-built.mjs [--force]`: the package's build and prepare scripts.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const ok = ensureBuilt({ force: process.argv.includes("--force") });
  process.exitCode = ok ? 0 : 1;
}
