import { describe, expect, it } from "vitest";
import { readSessionWithAccount } from "../../../../src/engine/account/index.ts";
import { generateStatusUpdate } from "../../../../src/engine/generate.ts";
import { findClientViolations } from "../../../../src/engine/guardrails/index.ts";
import { DEFAULT_TEMPLATES } from "../../../../src/engine/templates.ts";
import type { UpdateRequest } from "../../../../src/engine/types.ts";
import { createWriter } from "../../../../src/engine/writers/create-writer.ts";
import type { RecordedRequest } from "../../../support/fake-openai-server.ts";
import { fakeOpenAiPerFile, generateWithLlm, labelledSession, promptOf, settingsFor } from "./support.ts";

/**
 * A real thread: the warehouse VPN drops because the firewall's key settings
 * no longer match; the engineer has found the cause, changed nothing yet and
 * waits on the client (Luis) to approve a time (stage identified).
 */
const SESSION = "d2-sitevpn-rekey-drops";
const CLIENT: UpdateRequest = { audience: "client_update", length: "detailed" };

const FOUND =
  "We found why the warehouse scanners keep dropping off: a setting on the warehouse network equipment no longer matches the main office after last week's upgrade.";
const FIXED_CLAIM = "We've updated that setting so both sites match again, and the drops have stopped.";
const PLAN =
  "We plan to correct that setting tonight at 21:55, just before the connection would next drop, which means one short break of 2-3 minutes for the scanners.";
const ASK = "Could you confirm that tonight suits you? We'll make the change as soon as we hear back.";

type Sentence = { text: string; sources: string[]; followed_by: "space" | "line" | "paragraph" };
const json = (...sentences: Sentence[]) => JSON.stringify({ sentences });
const s = (text: string, sources: string[], followed_by: Sentence["followed_by"] = "paragraph") => ({
  text,
  sources,
  followed_by,
});

const CLAIMS_FIX = json(s(FOUND, ["m10", "m14"]), s(FIXED_CLAIM, ["m12"]));
const HONEST = json(s(FOUND, ["m10", "m14"]), s(PLAN, ["m14", "m16"]), s(ASK, ["m16"]));

const fake = fakeOpenAiPerFile();

describe("LLM writer: the session account in the prompt", () => {
  it("the sample answers pass the client guardrails, so only the account can object to one", () => {
    for (const text of [FOUND, FIXED_CLAIM, PLAN, ASK]) expect(findClientViolations(text)).toEqual([]);
  });

  it("gives the model the account with message ids and the recent messages labelled with the same ids", async () => {
    const session = labelledSession(SESSION);
    const { account } = await readSessionWithAccount(session);
    expect(account.stage).toBe("identified");
    expect(account.waitingOn?.on).toBe("client");
    fake.server.enqueue({ kind: "content", content: HONEST });
    await generateWithLlm(fake.server, session, CLIENT);
    const request = fake.server.chatRequests()[0]!;
    const { user, system } = promptOf(request);
    expect(user).toContain("Stage: identified: the cause is known; the fix is NOT applied yet");
    expect(user).toMatch(/Waiting now on: client \(Luis\) — waiting on him \[m16\]/);
    // Each action with its state, who acts and whether it changes the client's systems.
    expect(account.actions.length).toBeGreaterThan(0);
    for (const a of account.actions)
      expect(user).toContain(
        `- ${a.state} (${a.actor}${a.change ? ", a change" : ""}): ${a.text} [${a.sources.join(", ")}]`,
      );
    expect(user).toContain(`Cause: ${account.cause!.text} [${account.cause!.sources.join(", ")}]`);
    // Each quoted message carries its id, the one the account cites.
    expect(user).toMatch(/\nm16 \[\d\d:\d\d engineer\] good point, if Luis oks tonight/);
    expect(user).toMatch(/\nm1 \[\d\d:\d\d engineer\] corvid supply/);
    expect(system).toContain("never say something was done, fixed, applied or resolved");
    expect(request.body.response_format).toMatchObject({
      type: "json_schema",
      json_schema: { name: "status_update", strict: true },
    });
  });
});

describe("LLM writer: answers checked against the account", () => {
  it("uses an honest answer as written, without ids, and returns each sentence's sources", async () => {
    fake.server.enqueue({ kind: "content", content: HONEST });
    const result = await generateWithLlm(fake.server, labelledSession(SESSION), CLIENT);
    expect(fake.server.chatRequests()).toHaveLength(1);
    expect(result.writer).toBe("llm");
    expect(result.content).toContain(`${FOUND}\n\n${PLAN}\n\n${ASK}`);
    expect(result.content).not.toMatch(/\bm\d+\b/);
    expect(result.sources).toEqual([
      { sentence: FOUND, ids: ["m10", "m14"] },
      { sentence: PLAN, ids: ["m14", "m16"] },
      { sentence: ASK, ids: ["m16"] },
    ]);
  });

  it("sends a claimed fix that is only planned to the repair step, naming the sentence and the stage", async () => {
    fake.server.enqueue({ kind: "content", content: CLAIMS_FIX }, { kind: "content", content: HONEST });
    const result = await generateWithLlm(fake.server, labelledSession(SESSION), CLIENT);
    const requests = fake.server.chatRequests();
    expect(requests).toHaveLength(2);
    const repair = String(requests[1]!.body.messages![3]!.content);
    expect(repair).toContain(`"${FIXED_CLAIM}"`);
    expect(repair).toMatch(
      /no change made yet \(stage identified\) and the work waits on the client \(Luis\) \[m16\]/,
    );
    expect(requests[1]!.body.response_format).toMatchObject({ type: "json_schema" });
    expect(result.writer).toBe("llm");
    expect(result.content).toContain(PLAN);
    expect(result.content).not.toContain(FIXED_CLAIM);
  });

  it("falls back to the offline text with a reason when the repaired answer still claims the fix", async () => {
    fake.server.setDefault({ kind: "content", content: CLAIMS_FIX });
    const fallbacks: string[] = [];
    const session = labelledSession(SESSION);
    const result = await generateWithLlm(fake.server, session, CLIENT, {
      writer: { onFallback: (r) => fallbacks.push(r) },
    });
    expect(fake.server.chatRequests()).toHaveLength(2);
    expect(result.writer).toBe("offline");
    expect(result.fallbackReason).toMatch(/failed the content checks again after one repair/);
    expect(fallbacks).toEqual([result.fallbackReason]);
    expect(result.content).toBe((await generateStatusUpdate(session, CLIENT)).content);
    expect(result.content).not.toContain(FIXED_CLAIM);
    expect(result.sources).toBeUndefined();
  });

  it("lets a resolution the engineer asks for say it is fixed, where an update may not", async () => {
    const claim = json(s(FOUND, ["m10", "m14"]), s(FIXED_CLAIM, ["m14"]));
    fake.server.setDefault({ kind: "content", content: claim });
    const update = await generateWithLlm(fake.server, labelledSession(SESSION), CLIENT);
    expect(update.writer).toBe("offline");
    fake.server.requests.length = 0;
    const resolution = await generateWithLlm(fake.server, labelledSession(SESSION), {
      ...CLIENT,
      context: "resolution",
    });
    expect(fake.server.chatRequests()).toHaveLength(1);
    expect(resolution.writer).toBe("llm");
    expect(resolution.content).toContain(FIXED_CLAIM);
  });

  it("repairs a sentence citing a message the session does not have", async () => {
    fake.server.enqueue(
      { kind: "content", content: json(s(FOUND, ["m10", "m41"]), s(PLAN, ["m16"])) },
      { kind: "content", content: HONEST },
    );
    const result = await generateWithLlm(fake.server, labelledSession(SESSION), CLIENT);
    const repair = String(fake.server.chatRequests()[1]!.body.messages![3]!.content);
    expect(repair).toContain("cites m41, which the session does not have (its messages are m1-m16)");
    expect(result.writer).toBe("llm");
  });
});

describe("LLM writer: an endpoint without structured output", () => {
  const rejectsSchema = (request: RecordedRequest) =>
    (request.body as { response_format?: unknown }).response_format
      ? ({ kind: "error", status: 400, message: "response_format json_schema is not supported" } as const)
      : ({
          kind: "content",
          content: `${FOUND} [m10, m14]\n\n${PLAN} (m14; m16)\n\n${ASK} [m16]`,
        } as const);

  it("asks again for plain text with id markers, reads them, and stops asking for the schema", async () => {
    fake.server.setDefault(rejectsSchema);
    const writer = createWriter(settingsFor(fake.server));
    const options = { templates: DEFAULT_TEMPLATES, writer };
    const first = await generateStatusUpdate(labelledSession(SESSION), CLIENT, options);
    const requests = fake.server.chatRequests();
    expect(requests).toHaveLength(2);
    expect(requests[0]!.body.response_format).toBeDefined();
    expect(requests[1]!.body.response_format).toBeUndefined();
    expect(promptOf(requests[1]!).system).toContain("After each sentence write its ids in square brackets");
    expect(first.writer).toBe("llm");
    expect(first.content).toContain(`${FOUND}\n\n${PLAN}\n\n${ASK}`);
    expect(first.content).not.toMatch(/\bm\d+\b/);
    expect(first.sources).toEqual([
      { sentence: FOUND, ids: ["m10", "m14"] },
      { sentence: PLAN, ids: ["m14", "m16"] },
      // A marker after two sentences cites them together.
      { sentence: ASK, ids: ["m16"] },
    ]);

    fake.server.requests.length = 0;
    const second = await generateStatusUpdate(labelledSession(SESSION), CLIENT, options);
    expect(fake.server.chatRequests()).toHaveLength(1);
    expect(fake.server.chatRequests()[0]!.body.response_format).toBeUndefined();
    expect(second.writer).toBe("llm");
  });

  it("a request refused for another reason fails over to the offline text and is not taken for a missing schema", async () => {
    fake.server.setDefault({ kind: "error", status: 400, message: "context length exceeded" });
    const writer = createWriter(settingsFor(fake.server));
    const options = { templates: DEFAULT_TEMPLATES, writer };
    for (let update = 0; update < 2; update++) {
      fake.server.requests.length = 0;
      const result = await generateStatusUpdate(labelledSession(SESSION), CLIENT, options);
      expect(result.writer).toBe("offline");
      expect(result.fallbackReason).toMatch(/HTTP 400/);
      // Each update tries the schema first, then plain text: the refusal did not teach it the schema is unsupported.
      expect(fake.server.chatRequests().map((r) => r.body.response_format?.type)).toEqual([
        "json_schema",
        undefined,
      ]);
    }
  });

  it("still catches a claimed fix in a plain-text answer", async () => {
    fake.server.setDefault({ kind: "content", content: `${FOUND} [m14]\n\n${FIXED_CLAIM} [m12]` });
    const result = await generateWithLlm(fake.server, labelledSession(SESSION), CLIENT, {
      writer: { structuredOutput: "off" },
    });
    const requests = fake.server.chatRequests();
    expect(requests.map((r) => r.body.response_format)).toEqual([undefined, undefined]);
    expect(String(requests[1]!.body.messages![3]!.content)).toContain(`"${FIXED_CLAIM}"`);
    expect(result.writer).toBe("offline");
  });
});
