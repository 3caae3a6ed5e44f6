import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeWithPostgres, type TestDatabase, withTestDatabase } from "../support/db.ts";
import { ACME_TICKET, type FakeConnectWise, startFakeConnectWise } from "../support/fake-connectwise.ts";
import { runCli, spawnBin } from "../support/run-cli.ts";

/**
 * Three `flowpilot serve` processes on one PostgreSQL database, as an MSP
 * running several API instances behind a load balancer would: calls for one
 * session that race across processes still have one winner.
 */
describeWithPostgres("three API processes on one PostgreSQL database", () => {
  let t: TestDatabase;
  let cw: FakeConnectWise;
  let env: Record<string, string>;
  let token: string;

  beforeAll(async () => {
    t = await withTestDatabase("postgres");
    cw = await startFakeConnectWise();
    cw.addTicket(ACME_TICKET);
    env = {
      DATABASE_URL: t.url!,
      FLOWPILOT_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      FLOWPILOT_HTTP_HOST: "127.0.0.1",
      FLOWPILOT_HTTP_PORT: "0",
      LOG_LEVEL: "warn",
    };
    const created = await runCli(["token", "create", "--account", "northstar"], { env });
    token = /^Token:\s+(\S+)$/m.exec(created.stdout)![1]!;
    const s = cw.settings;
    const connect = [
      "psa",
      "connect",
      "--account",
      "northstar",
      "--site",
      s.site,
      "--company-id",
      s.companyId,
    ];
    const connected = await runCli([...connect, "--public-key", s.publicKey, "--client-id", s.clientId], {
      env,
      stdin: `${s.privateKey}\n`,
    });
    expect(connected.code).toBe(0);
  });
  afterAll(async () => {
    await cw?.close();
    await t?.cleanup();
  });

  async function serveThree(): Promise<string[]> {
    const servers = [1, 2, 3].map(() => spawnBin(["serve"], { env }));
    return Promise.all(servers.map(async (s) => (await s.waitFor(/listening on (http:\/\/\S+) /))[1]!));
  }

  const call = async (url: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };

  it("six resolves of each of four sessions, two per process at once: one wins per session, with two closing updates; five Post to Ticket presses post one note", async () => {
    const urls = await serveThree();
    const sessions: string[] = [];
    for (let i = 0; i < 4; i++) {
      const created = await call(urls[i % 3]!, "POST", "/ai-sessions", {
        ticket_id: String(ACME_TICKET.id),
        engineer: { id: "eng-7", name: "Michael Chihlas" },
      });
      const id = created.body.session.session_id as string;
      await call(urls[(i + 1) % 3]!, "POST", `/ai-sessions/${id}/messages`, {
        messages: [
          { text: "No external email since this morning; internal mail works." },
          { text: "Found it: transport rule Block External Senders is scoped tenant-wide." },
        ],
      });
      sessions.push(id);
    }

    const outcomes = await Promise.all(
      sessions.map((id) =>
        Promise.all(
          Array.from({ length: 6 }, (_, n) =>
            call(urls[n % 3]!, "POST", `/ai-sessions/${id}/resolve`, { summary: `Rescoped the rule (${n})` }),
          ),
        ),
      ),
    );
    for (const [i, responses] of outcomes.entries()) {
      expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
      expect(responses.filter((r) => r.status === 409)).toHaveLength(5);
      const updates = await call(urls[i % 3]!, "GET", `/ai-sessions/${sessions[i]}/updates`);
      expect(
        updates.body.updates.filter((u: { context: string }) => u.context === "resolution"),
      ).toHaveLength(2);
    }

    // The PSA answers slowly: the presses overlap while the first post is under way.
    cw.fail("POST", /\/notes$/, { kind: "slow", ms: 300 });
    const updates = await call(urls[0]!, "GET", `/ai-sessions/${sessions[0]}/updates`);
    const notes = updates.body.updates.find((u: { audience: string }) => u.audience === "ticket_notes");
    const presses = await Promise.all(
      Array.from({ length: 5 }, (_, n) =>
        call(urls[n % 3]!, "POST", `/ai-sessions/${sessions[0]}/updates/${notes.update_id}/post-to-ticket`),
      ),
    );
    // One press posts; the others are told the post is under way (none of them posts again).
    expect(presses.filter((r) => r.status === 200)).toMatchObject([{ body: { already_posted: false } }]);
    expect(presses.filter((r) => r.status === 409)).toHaveLength(4);
    expect(cw.notesOn(ACME_TICKET.id)).toHaveLength(1);
  });
});
