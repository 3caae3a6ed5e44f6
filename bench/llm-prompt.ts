import OpenAI from "openai";
import { buildSessionAccount } from "../src/engine/account/index.ts";
import { buildSessionFacts } from "../src/engine/context/session-facts.ts";
import { generateStatusUpdate } from "../src/engine/generate.ts";
import { DEFAULT_TEMPLATES } from "../src/engine/templates.ts";
import { transcriptSchema, transcriptToSnapshot } from "../src/engine/transcript.ts";
import { AUDIENCES, LENGTHS, type SessionSnapshot } from "../src/engine/types.ts";
import { createWriter } from "../src/engine/writers/create-writer.ts";
import { buildPrompt, PROMPT_TOKEN_BUDGET } from "../src/engine/writers/llm/prompt.ts";
import { type RecordedRequest, startFakeOpenAiServer } from "../test/support/fake-openai-server.ts";
import { makeLongSession } from "../test/support/long-session.ts";
import { fmtMs, percentile, printTable } from "./stats.ts";

const SIZES = [10, 100, 1_000, 10_000] as const;
const COMBOS = AUDIENCES.flatMap((audience) => LENGTHS.map((length) => ({ audience, length })));

/** Clean answers per audience, so no repair request is needed and one request is one update. */
function cleanAnswer(request: RecordedRequest): string {
  const body = JSON.stringify(request.body);
  if (body.includes("PSA ticket note")) {
    return "**Status:** Implementing fix\n**Diagnosis:** SQL transaction log full; log backups failing since the service account password expired.\n**Next:** confirm the scheduled log backup succeeds, then shrink the log.";
  }
  if (body.includes("QUICK")) {
    return "Hi Redwood Valley Foods — we've found what was slowing down the ordering system and the fix is under way.";
  }
  return "We've found what has been causing the ordering system to freeze, and the fix is under way.\n\nOrders are already saving faster. We'll keep watching it closely and confirm once everything is back to normal.";
}

function snapshotFor(size: number): SessionSnapshot {
  return transcriptToSnapshot(transcriptSchema.parse(makeLongSession(size, { seed: 7, pauses: 3 })));
}

/**
 * LLM writer benchmark: prompt tokens (o200k_base) for sessions of 10 to
 * 10,000 messages against the 6,000-token budget, and the engine's own time
 * per update with the model's time taken out (real SDK, real HTTP to a
 * local OpenAI-compatible server that answers at once; the HTTP round trip is
 * measured inside the SDK's fetch and subtracted per update).
 */
export async function runLlmPromptBench(): Promise<void> {
  const tokenRows: (string | number)[][] = [];
  for (const size of SIZES) {
    const session = snapshotFor(size);
    const facts = buildSessionFacts(session);
    const account = buildSessionAccount(session);
    const buildTimes: number[] = [];
    const prompts = COMBOS.map((c) => {
      const start = performance.now();
      const prompt = buildPrompt({
        session,
        facts,
        account,
        ...c,
        context: "update",
        templates: DEFAULT_TEMPLATES,
      });
      buildTimes.push(performance.now() - start);
      return prompt;
    });
    const tokens = prompts.map((p) => p.tokens);
    const recent = prompts.map((p) => p.recentMessages);
    const max = Math.max(...tokens);
    tokenRows.push([
      size,
      Math.min(...tokens),
      max,
      `${PROMPT_TOKEN_BUDGET} (${max <= PROMPT_TOKEN_BUDGET ? "met" : "MISSED"}, ${(max / PROMPT_TOKEN_BUDGET).toFixed(2)}x)`,
      `${Math.min(...recent)}-${Math.max(...recent)}`,
      Math.max(...prompts.map((p) => p.droppedFacts)),
      fmtMs(
        percentile(
          buildTimes.sort((a, b) => a - b),
          50,
        ),
      ),
    ]);
  }
  printTable(
    "LLM prompt size (tokens, o200k_base, all audiences x lengths)",
    ["messages", "min tokens", "max tokens", "budget", "messages verbatim", "facts trimmed", "build ms p50"],
    tokenRows,
  );

  const server = await startFakeOpenAiServer({
    defaultReply: (request) => ({ kind: "content", content: cleanAnswer(request) }),
  });
  let httpMs = 0;
  const timedFetch: typeof fetch = async (input, init) => {
    const start = performance.now();
    const response = await fetch(input, init);
    const text = await response.text();
    httpMs += performance.now() - start;
    return new Response(text, { status: response.status, headers: response.headers });
  };
  const client = new OpenAI({
    apiKey: "sk-bench",
    baseURL: server.baseURL,
    maxRetries: 0,
    fetch: timedFetch,
  });
  const writer = createWriter(
    { apiKey: "sk-bench", baseURL: server.baseURL, model: "bench", timeoutMs: 5_000 },
    { client },
  );
  const overheadRows: (string | number)[][] = [];
  try {
    for (const size of SIZES) {
      const session = snapshotFor(size);
      const runs = size >= 10_000 ? 30 : 120;
      const totals: number[] = [];
      const https: number[] = [];
      const overheads: number[] = [];
      let llmAnswers = 0;
      for (let i = -5; i < runs; i++) {
        httpMs = 0;
        const start = performance.now();
        const result = await generateStatusUpdate(session, COMBOS[(i + 6) % COMBOS.length]!, { writer });
        const total = performance.now() - start;
        if (i < 0) continue; // warm-up
        if (result.writer === "llm") llmAnswers += 1;
        totals.push(total);
        https.push(httpMs);
        overheads.push(total - httpMs);
      }
      for (const list of [totals, https, overheads]) list.sort((a, b) => a - b);
      overheadRows.push([
        size,
        runs,
        `${llmAnswers}/${runs}`,
        fmtMs(percentile(totals, 50)),
        fmtMs(percentile(https, 50)),
        fmtMs(percentile(overheads, 50)),
        fmtMs(percentile(overheads, 95)),
        fmtMs(overheads.at(-1)!),
      ]);
    }
  } finally {
    await server.close();
  }
  printTable(
    "LLM writer: engine overhead per update, model/HTTP time excluded (ms)",
    [
      "messages",
      "runs",
      "LLM text used",
      "total p50",
      "HTTP p50",
      "overhead p50",
      "overhead p95",
      "overhead max",
    ],
    overheadRows,
  );
}
