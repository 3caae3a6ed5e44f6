import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, EMAIL_MESSAGES, NEW_SESSION, startApi } from "./api-harness.ts";

/** A pasted log of ~9,500 characters, a credential on every line: the slowest kind of text to scan. */
const LOG_PASTE = Array.from(
  { length: 75 },
  (_, i) =>
    `2026-03-23T14:12:${String(i % 60).padStart(2, "0")}Z APP02 OrderPoint: timeout user=svc_erp password=Hx7!q${i}`,
).join("\n");

/**
 * One caller's heavy request must not hold everyone else's: while it runs,
 * another account's cheap calls keep being answered.
 */
describe("the API stays responsive during heavy requests", () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api?.close());

  /** How many /health calls, made one after another, were answered while `heavy` ran. */
  async function answeredDuring(heavy: Promise<unknown>): Promise<number> {
    let done = false;
    let answered = 0;
    const finished = heavy.finally(() => {
      done = true;
    });
    while (!done) {
      await fetch(`${api.server.url}/health`).then((r) => r.text());
      if (!done) answered += 1;
    }
    await finished;
    return answered;
  }

  it("answers other calls while a full batch of pasted logs is scanned for secrets", async () => {
    const created = await api.call("POST", "/ai-sessions", NEW_SESSION);
    const id = created.body.session.session_id;
    await api.call("POST", `/ai-sessions/${id}/messages`, { messages: EMAIL_MESSAGES });
    await api.call("POST", `/ai-sessions/${id}/resolve`, { summary: "Rescoped the transport rule" });
    // A closed session refuses the batch after scanning it: what is timed is the scan alone.
    const batch = { messages: Array.from({ length: 100 }, (_, i) => ({ text: `Paste ${i}\n${LOG_PASTE}` })) };
    let refused: { status: number } | undefined;
    const answered = await answeredDuring(
      api.call("POST", `/ai-sessions/${id}/messages`, batch).then((r) => {
        refused = r;
      }),
    );
    expect(refused?.status).toBe(409);
    expect(answered).toBeGreaterThan(5);
  });
});
