import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterEach, describe, expect, it } from "vitest";
import { DataDirInUseError, lockDataDir } from "../../src/db/data-dir-lock.ts";

const LOCK_MODULE = join(import.meta.dirname, "../../src/db/data-dir-lock.ts");

/** A separate process that takes the lock and reports "locked" or "refused <pid>", then holds it until killed. */
function holder(dir: string): { child: ChildProcess; outcome: Promise<string> } {
  const script = `
    import { lockDataDir } from ${JSON.stringify(LOCK_MODULE)};
    try { await lockDataDir(${JSON.stringify(dir)}); console.log("locked"); setInterval(() => {}, 1000); }
    catch (err) { console.log("refused " + (err.ownerPid ?? err.message)); process.exit(0); }
  `;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const outcome = new Promise<string>((resolve) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("\n")) resolve(out.trim());
    });
    child.on("exit", () => resolve(out.trim()));
  });
  return { child, outcome };
}

const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill("SIGKILL");
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const freshDir = () => {
  const d = mkdtempSync(join(tmpdir(), "flowpilot-lock-"));
  dirs.push(d);
  return d;
};

describe("the embedded database's folder lock", () => {
  it("refuses a second process at once, naming the holder", async () => {
    const dir = freshDir();
    const first = holder(dir);
    children.push(first.child);
    expect(await first.outcome).toBe("locked");
    const started = Date.now();
    await expect(lockDataDir(dir)).rejects.toBeInstanceOf(DataDirInUseError);
    await expect(lockDataDir(dir)).rejects.toThrow(new RegExp(`in use by process ${first.child.pid}`));
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("is taken over once its holder was killed (-9), without a manual clean-up", async () => {
    const dir = freshDir();
    const first = holder(dir);
    children.push(first.child);
    expect(await first.outcome).toBe("locked");
    first.child.kill("SIGKILL");
    await new Promise((r) => first.child.once("exit", r));
    const lock = await lockDataDir(dir);
    lock.release();
  });

  it("starts after a container restart left a lock naming this very process's pid", async () => {
    const dir = freshDir();
    mkdirSync(join(dir, "flowpilot.lock"));
    writeFileSync(join(dir, "flowpilot.lock.owner"), JSON.stringify({ pid: process.pid, host: hostname() }));
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(dir, "flowpilot.lock"), old, old);
    const lock = await lockDataDir(dir);
    lock.release();
  });

  it("of eight processes racing for a stale lock, exactly one gets it", async () => {
    const dir = freshDir();
    mkdirSync(join(dir, "flowpilot.lock"));
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(dir, "flowpilot.lock"), old, old);
    const racers = Array.from({ length: 8 }, () => holder(dir));
    children.push(...racers.map((r) => r.child));
    const outcomes = await Promise.all(racers.map((r) => r.outcome));
    expect(outcomes.filter((o) => o === "locked")).toHaveLength(1);
    expect(outcomes.filter((o) => o.startsWith("refused"))).toHaveLength(7);
  });

  it("of two processes racing for a stale lock, exactly one gets it, in each of 50 rounds", async () => {
    const racers = [racer(), racer()];
    children.push(...racers.map((r) => r.child));
    for (let round = 0; round < 50; round++) {
      const dir = freshDir();
      mkdirSync(join(dir, "flowpilot.lock"));
      const old = new Date(Date.now() - 60_000);
      utimesSync(join(dir, "flowpilot.lock"), old, old);
      const outcomes = await Promise.all(racers.map((r) => r.ask(`take ${dir}`)));
      expect(
        outcomes.filter((o) => o === "locked"),
        `round ${round}: ${outcomes.join(", ")}`,
      ).toHaveLength(1);
      expect(outcomes.filter((o) => o.startsWith("refused"))).toHaveLength(1);
      await Promise.all(racers.map((r) => r.ask("release")));
    }
  });
});

/**
 * A separate process that, told "take <dir>", tries the lock and answers
 * "locked" or "refused <pid>"; told "release", lets go of what it holds.
 */
function racer(): { child: ChildProcess; ask(line: string): Promise<string> } {
  const script = `
    import { createInterface } from "node:readline";
    import { lockDataDir } from ${JSON.stringify(LOCK_MODULE)};
    let lock;
    for await (const line of createInterface({ input: process.stdin })) {
      if (line.startsWith("take ")) {
        try { lock = await lockDataDir(line.slice(5)); console.log("locked"); }
        catch (err) { console.log("refused " + (err.ownerPid ?? err.message)); }
      } else { lock?.release(); lock = undefined; console.log("released"); }
    }
  `;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const answers = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  return {
    child,
    ask: async (line) => {
      child.stdin!.write(`${line}\n`);
      const answer = await answers.next();
      return answer.done ? "exited" : answer.value;
    },
  };
}
