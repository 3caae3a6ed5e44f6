import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, startApi } from "./api-harness.ts";

describe("REST API: a request budget per account", () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi({ ownDatabase: true, requestsPerMinute: 5 });
  });
  afterAll(() => api?.close());

  it("answers 429 with Retry-After past the budget, and other accounts are not affected", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await api.call("GET", "/ai-sessions/00000000-0000-4000-8000-000000000000")).status);
    expect(statuses).toEqual([404, 404, 404, 404, 404, 429, 429]);
    const limited = await api.call("GET", "/ai-sessions/00000000-0000-4000-8000-000000000000");
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe("rate_limited");
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const other = await api.call("GET", "/ai-sessions/00000000-0000-4000-8000-000000000000", undefined, {
      token: api.brightline.token,
    });
    expect(other.status).toBe(404);
    // Health needs no token and is never limited.
    expect((await api.call("GET", "/health", undefined, { token: null })).status).toBe(200);
  });
});
