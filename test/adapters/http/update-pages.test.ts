import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeStatusUpdate } from "../../../src/db/status-updates.ts";
import type { StatusUpdateStepContent } from "../../../src/sessions/steps.ts";
import { DB_KINDS } from "../../support/db.ts";
import { type ApiHarness, sessionWithMessages, startApi } from "./api-harness.ts";

const START = Date.parse("2026-04-02T09:00:00Z");

const content = (n: number): StatusUpdateStepContent => ({
  audience: "ticket_notes",
  length: "quick",
  context: "update",
  generated_content: `update ${n}`,
  session_status: "investigating",
  steps_completed: 0,
  time_spent_minutes: 1,
  generated_at: new Date(START + n).toISOString(),
  writer: "offline",
  message_count: 2,
  delivery: { psa_push_status: "not_posted" },
});

describe.each(DB_KINDS)("REST API on %s: GET /updates a page at a time", (kind) => {
  let api: ApiHarness;
  let sessionId: string;
  /** The 250 updates' contents, in the order they were stored. */
  const stored: string[] = [];
  beforeAll(async () => {
    api = await startApi({ kind });
    sessionId = await sessionWithMessages(api);
    // Three updates share each millisecond: the order within one comes from insertion.
    for (let n = 0; n < 250; n++) {
      await storeStatusUpdate(api.t.db.prisma, sessionId, content(n), {
        at: new Date(START + Math.floor(n / 3)),
      });
      stored.push(`update ${n}`);
    }
  });
  afterAll(() => api?.close());

  const page = (query = "") => api.call("GET", `/ai-sessions/${sessionId}/updates${query}`);

  it("walks 250 updates in pages of the default 50: each once, oldest first, next_cursor null at the end", async () => {
    const seen: string[] = [];
    const sizes: number[] = [];
    let cursor: string | null = null;
    do {
      const res = await page(cursor ? `?cursor=${encodeURIComponent(cursor)}` : "");
      expect(res.status).toBe(200);
      sizes.push(res.body.updates.length);
      seen.push(...res.body.updates.map((u: { content: string }) => u.content));
      cursor = res.body.next_cursor;
    } while (cursor !== null);
    expect(sizes).toEqual([50, 50, 50, 50, 50]);
    expect(seen).toEqual(stored);
  });

  it("loses and repeats nothing while updates are written during the walk; the new ones come at the end", async () => {
    const seen: string[] = [];
    const added: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await page(`?limit=40${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.updates.map((u: { content: string }) => u.content));
      cursor = res.body.next_cursor;
      pages += 1;
      // Two new updates after every page, as a busy session would get them.
      if (pages <= 4)
        for (const n of [1000 + pages * 2, 1001 + pages * 2]) {
          await storeStatusUpdate(api.t.db.prisma, sessionId, content(n));
          added.push(`update ${n}`);
        }
    } while (cursor !== null);
    expect(seen).toEqual([...stored, ...added]);
    expect(new Set(seen).size).toBe(seen.length);
    stored.push(...added);
  });

  it("takes up to 200 a page; a limit outside 1-200 or not a number is 422 naming limit", async () => {
    const big = await page("?limit=200");
    expect(big.body.updates).toHaveLength(200);
    expect(big.body.next_cursor).toEqual(expect.any(String));
    const rest = await page(`?limit=200&cursor=${big.body.next_cursor}`);
    expect(rest.body.updates).toHaveLength(stored.length - 200);
    expect(rest.body.next_cursor).toBeNull();
    for (const bad of ["0", "201", "ten", "2.5"]) {
      const res = await page(`?limit=${bad}`);
      expect(res.status, bad).toBe(422);
      expect(res.body.error).toMatchObject({ code: "invalid_input", field: "limit" });
    }
  });

  it("a cursor that is not ours, or is another session's, is 422 naming cursor", async () => {
    const garbage = await page("?cursor=not-a-cursor");
    expect(garbage.status).toBe(422);
    expect(garbage.body.error).toMatchObject({ code: "invalid_input", field: "cursor" });
    expect(garbage.body.error.message).toMatch(/next_cursor of the previous page/);

    const other = await sessionWithMessages(api);
    await storeStatusUpdate(api.t.db.prisma, other, content(1));
    await storeStatusUpdate(api.t.db.prisma, other, content(2));
    const first = await api.call("GET", `/ai-sessions/${other}/updates?limit=1`);
    const foreign = await page(`?cursor=${first.body.next_cursor}`);
    expect(foreign.status).toBe(422);
    expect(foreign.body.error).toMatchObject({ code: "invalid_input", field: "cursor" });
  });

  it("an empty session lists no updates and no next page", async () => {
    const empty = await sessionWithMessages(api, []);
    const res = await api.call("GET", `/ai-sessions/${empty}/updates`);
    expect(res).toMatchObject({ status: 200, body: { updates: [], next_cursor: null } });
  });
});
