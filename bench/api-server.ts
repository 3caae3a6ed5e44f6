/** The REST API on 127.0.0.1 over a database, with a token, as the API benchmarks drive it. */
import { createHttpApp } from "../src/adapters/http/app.ts";
import { listen } from "../src/adapters/http/listen.ts";
import { createApiToken, getOrCreateApiAccount, verifyApiToken } from "../src/db/api-tokens.ts";
import { createPrismaConversationStore } from "../src/db/conversation-store.ts";
import { type Database, IN_MEMORY, openDatabase } from "../src/db/open.ts";
import { offlineWriter } from "../src/engine/writers/offline/index.ts";

const POSTGRES_URL =
  process.env.FLOWPILOT_BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/flowpilot_bench";

export interface BenchApi {
  url: string;
  /** JSON request to the API with the bench account's token; throws on an unexpected status. */
  call(method: "GET" | "POST", path: string, body?: unknown, expect?: number): Promise<unknown>;
  close(): Promise<void>;
}

export async function startBenchApi(db: Database, accountName = "bench"): Promise<BenchApi> {
  const prisma = db.prisma;
  const account = await getOrCreateApiAccount(prisma, accountName);
  const { token } = await createApiToken(prisma, { accountId: account.id, name: accountName });
  const app = createHttpApp(
    {
      store: createPrismaConversationStore(prisma),
      writer: offlineWriter,
      tokens: { verify: async (t) => (await verifyApiToken(prisma, t))?.account ?? null },
    },
    { requestsPerMinute: 1_000_000 },
  );
  const server = await listen(app, { host: "127.0.0.1", port: 0 });
  return {
    url: server.url,
    async call(method, path, body, expect = 200) {
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      if (res.status !== expect)
        throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 200)}`);
      return text ? JSON.parse(text) : undefined;
    },
    close: () => server.close(),
  };
}

/** Each backend the benchmarks compare: in-memory PGlite, and PostgreSQL when it answers (emptied first). */
export async function* benchDatabases(): AsyncGenerator<{ label: string; db: Database }> {
  const lite = await openDatabase({ dataDir: IN_MEMORY });
  try {
    yield { label: "PGlite", db: lite };
  } finally {
    await lite.close();
  }
  let pg: Database;
  try {
    pg = await openDatabase({ databaseUrl: POSTGRES_URL, dataDir: "" });
  } catch (err) {
    console.log(`(PostgreSQL skipped: ${(err as Error).message.split("\n")[0]})`);
    return;
  }
  try {
    // A fresh bench database each run: drop what an earlier run left.
    await pg.prisma.$executeRawUnsafe("TRUNCATE sessions, accounts CASCADE");
    yield { label: "PostgreSQL", db: pg };
  } finally {
    await pg.close();
  }
}
