import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpApp } from "../../../src/adapters/http/app.ts";
import { listen, type RunningServer } from "../../../src/adapters/http/listen.ts";
import { createApiToken, getOrCreateApiAccount, verifyApiToken } from "../../../src/db/api-tokens.ts";
import { createPrismaConversationStore } from "../../../src/db/conversation-store.ts";
import { sharedRequestBudget } from "../../../src/db/request-budget.ts";
import { offlineWriter } from "../../../src/engine/writers/offline/index.ts";
import type { ApiDeps } from "../../../src/sessions/api/index.ts";
import { describeWithPostgres, withTestDatabase } from "../../support/db.ts";
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

describeWithPostgres("REST API on PostgreSQL: one budget for every API process on the database", () => {
  it("two processes count against the same per-account budget; other accounts keep theirs", async () => {
    const t = await withTestDatabase("postgres");
    const servers: RunningServer[] = [];
    try {
      const second = await t.openAnother();
      // Each "process" has its own Prisma client (its own pool) and its own app, as two servers would.
      for (const db of [t.db, second]) {
        const deps: ApiDeps = {
          store: createPrismaConversationStore(db.prisma),
          writer: offlineWriter,
          tokens: { verify: async (token) => (await verifyApiToken(db.prisma, token))?.account ?? null },
        };
        const app = createHttpApp(deps, {
          requestsPerMinute: 4,
          requestBudget: sharedRequestBudget(db.prisma, 4),
        });
        servers.push(await listen(app, { host: "127.0.0.1", port: 0 }));
      }
      const token = async (tenant: string) => {
        const account = await getOrCreateApiAccount(t.db.prisma, tenant);
        return (await createApiToken(t.db.prisma, { accountId: account.id, name: "tests" })).token;
      };
      const northstar = await token("northstar");
      const brightline = await token("brightline");
      const get = async (server: RunningServer, bearer: string) => {
        const res = await fetch(`${server.url}/ai-sessions/00000000-0000-4000-8000-000000000000`, {
          headers: { authorization: `Bearer ${bearer}` },
        });
        return { status: res.status, retryAfter: res.headers.get("retry-after") };
      };
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await get(servers[i % 2]!, northstar)).status);
      // 4 a minute in all, not 4 on each.
      expect(statuses).toEqual([404, 404, 404, 404, 429, 429]);
      const limited = await get(servers[0]!, northstar);
      expect(Number(limited.retryAfter)).toBeGreaterThanOrEqual(1);
      expect((await get(servers[1]!, brightline)).status).toBe(404);
      // A parallel burst from a fresh account: exactly the budget gets through, the rest 429, none fails.
      const harbor = await token("harbor");
      const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => get(servers[i % 2]!, harbor)));
      expect(burst.map((r) => r.status).sort()).toEqual([...Array(4).fill(404), ...Array(8).fill(429)]);
    } finally {
      for (const server of servers) await server.close();
      await t.cleanup();
    }
  });
});
