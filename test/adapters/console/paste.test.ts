import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadSessionSnapshot } from "../../../src/db/snapshot.ts";
import { generateStatusUpdate } from "../../../src/engine/generate.ts";
import { AUDIENCES } from "../../../src/engine/types.ts";
import { createWriter } from "../../../src/engine/writers/create-writer.ts";
import { type ConsoleHarness, createConsoleHarness } from "../../support/console-harness.ts";
import { type FakeOpenAiServer, startFakeOpenAiServer } from "../../support/fake-openai-server.ts";

/**
 * A key block and a list of codes pasted into the console arrive as lines,
 * one after another: at a terminal they are one message (as Slack and Teams
 * deliver a paste), so the key keeps its header and the codes their label,
 * and none of it is stored, printed or sent to the model. A script on stdin
 * keeps one message a line, and still loses nothing of either.
 */

const CORPUS = join(import.meta.dirname, "../../secrets/corpus-issue27/positives.jsonl");
const row = (id: string) =>
  readFileSync(CORPUS, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { id: string; text: string; secrets: string[] })
    .find((r) => r.id === id)!;
/** An OpenSSH private key as a user pastes it (p-179), and a label with ten backup codes, one a line (p-028). */
const KEY = row("p-179");
const CODES = row("p-028");
const SECRETS = [...KEY.secrets, ...CODES.secrets];
const PASTE = [...KEY.text.split("\n"), "", ...CODES.text.split("\n")];

let h: ConsoleHarness;
let model: FakeOpenAiServer;
beforeAll(async () => {
  model = await startFakeOpenAiServer({
    defaultReply: { kind: "content", content: "Status: checking the jump host key; codes handed over." },
  });
});
afterAll(() => model?.close());
afterEach(() => h?.cleanup());

/** Everything the session kept and showed: stored rows, what the console printed, prompts, every update. */
async function everythingShown(printed: string): Promise<string> {
  const rows = await h.prisma.$queryRawUnsafe<Array<{ row: string }>>(
    `SELECT row_to_json(t)::text AS row FROM sessions t UNION ALL SELECT row_to_json(t)::text FROM session_steps t`,
  );
  const session = await h.prisma.session.findFirstOrThrow();
  const snapshot = await loadSessionSnapshot(h.prisma, session.id);
  const writer = createWriter({ apiKey: "sk-test", baseURL: model.baseURL, model: "m", timeoutMs: 2_000 });
  const updates: string[] = [];
  for (const audience of AUDIENCES) {
    updates.push((await generateStatusUpdate(snapshot, { audience, length: "detailed" })).content);
    updates.push(
      (await generateStatusUpdate(snapshot, { audience, length: "detailed" }, { writer })).content,
    );
  }
  const prompts = model.chatRequests().map((r) => JSON.stringify(r.body));
  return [...rows.map((r) => r.row), printed, ...prompts, ...updates].join("\n");
}

const storedMessages = async () =>
  (await h.prisma.sessionStep.findMany({ where: { stepType: "message" }, orderBy: { seq: "asc" } })).map(
    (s) => (s.content as { text: string }).text,
  );

describe("console: a paste of a key and a list of codes", () => {
  it("at a terminal, the pasted lines are one message: the key and codes are gone, header and label kept", async () => {
    h = await createConsoleHarness({ interactive: true });
    const printed = await h.run(["/flowpilot start TKT-5120 Jump host key --client Harbor Dental", ...PASTE]);
    const stored = await storedMessages();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toContain("is this the right key for the jump host?");
    expect(stored[0]).toContain("[private key removed]");
    expect(stored[0]).toContain("MFA backup codes for admin@contoso.onmicrosoft.com");
    expect(stored[0]).toContain("[access code removed]");
    const shown = await everythingShown(printed);
    expect(SECRETS.filter((s) => shown.includes(s))).toEqual([]);
  });

  it("in a script on stdin, one message a line: the key block still travels whole, the codes follow their label", async () => {
    h = await createConsoleHarness({ interactive: false });
    const printed = await h.run(["/flowpilot start TKT-5120 Jump host key --client Harbor Dental", ...PASTE]);
    const stored = await storedMessages();
    expect(stored).toContain(
      "is this the right key for the jump host? it's from C:\\Users\\mark\\.ssh\\id_ed25519",
    );
    expect(stored).toContain("[private key removed]");
    expect(stored.filter((m) => m === "[access code removed]")).toHaveLength(CODES.secrets.length);
    const shown = await everythingShown(printed);
    expect(SECRETS.filter((s) => shown.includes(s))).toEqual([]);
  });
});
