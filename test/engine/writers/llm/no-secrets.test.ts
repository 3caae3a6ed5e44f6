import { describe, expect, it } from "vitest";
import type { SessionSnapshot } from "../../../../src/engine/types.ts";
import { AUDIENCES, LENGTHS } from "../../../../src/engine/types.ts";
import { LONG_SESSION_SECRET, makeLongSession } from "../../../support/long-session.ts";
import { fakeOpenAiPerFile, generateWithLlm, snapshotOf } from "./support.ts";

/** Secrets typed into one session, in every place a session carries text. */
const SECRETS = {
  password: "Tr0ub4dor&3x!",
  apiKey: "sk-proj-4f9Qx7LmZ2pR8sT1vW3yB6nC",
  connectionPassword: "Sq1-C0nn#Pass",
  urlPassword: "hunter2-Redis-99",
  resolutionPassword: "N3wAdm1n$2026",
  escalationToken: "ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8",
  wifiKey: "BlueHeron-Wifi-4471",
} as const;

function sessionWithSecrets(status: "active" | "resolved" | "escalated"): SessionSnapshot {
  const at = (m: number) => new Date(Date.parse("2026-04-02T09:00:00Z") + m * 60_000).toISOString();
  return snapshotOf({
    ticket: { id: "TKT-4410", summary: "Accounting app login failures", company: "Birch & Co Accounting" },
    engineer: { name: "Priya Nair", company: "Lakeside IT" },
    status,
    started_at: at(0),
    now: at(40),
    resolution_summary:
      status === "resolved"
        ? `Reset the app's service account; new password is ${SECRETS.resolutionPassword} and the login works again.`
        : undefined,
    escalation_reason:
      status === "escalated"
        ? `Vendor must fix their API; our token ${SECRETS.escalationToken} is rejected.`
        : undefined,
    messages: [
      {
        at: at(0),
        author: "engineer",
        text: "Users can't log in to the accounting app since 8am, error 'invalid credentials'.",
      },
      {
        at: at(3),
        author: "engineer",
        text: `Logged into ACC-APP01 as admin, pw is ${SECRETS.password} (temp, will rotate).`,
      },
      {
        at: at(6),
        author: "engineer",
        text: `App config has OPENAI_API_KEY=${SECRETS.apiKey} for the invoice reader, unrelated.`,
      },
      {
        at: at(9),
        author: "engineer",
        text: `Connection string: Server=ACC-SQL01;Database=Ledger;User Id=appsvc;Password=${SECRETS.connectionPassword};`,
      },
      {
        at: at(12),
        author: "engineer",
        text: `Cache is redis://app:${SECRETS.urlPassword}@10.1.4.20:6379 and looks fine.`,
      },
      {
        at: at(15),
        author: "client",
        text: `Our wifi key is ${SECRETS.wifiKey} if you need to come onsite.`,
      },
      {
        at: at(18),
        author: "engineer",
        text: `Found it: the appsvc account password expired, that's the root cause. Old one was ${SECRETS.password}.`,
      },
      {
        at: at(21),
        author: "engineer",
        text: "Next: reset the service account password and update the app pool identity.",
      },
    ],
  });
}

const fake = fakeOpenAiPerFile();

/** Every recorded request body, as the raw JSON the server received. */
const recordedBodies = () => fake.server.requests.map((r) => JSON.stringify(r.body));

describe("LLM writer: no secret ever reaches a request", () => {
  it.each(["active", "resolved", "escalated"] as const)(
    "a %s session with passwords, keys and connection strings: no secret in any request, any audience or length",
    async (status) => {
      const session = sessionWithSecrets(status);
      // A model that answers with host names forces the repair request, which quotes its own answer back.
      fake.server.setDefault({
        kind: "content",
        content: "We checked ACC-APP01 and ACC-SQL01 and found the cause.",
      });
      for (const audience of AUDIENCES) {
        for (const length of LENGTHS) {
          const result = await generateWithLlm(fake.server, session, { audience, length });
          for (const secret of Object.values(SECRETS)) expect(result.content).not.toContain(secret);
        }
      }
      const bodies = recordedBodies();
      expect(bodies.length).toBeGreaterThanOrEqual(AUDIENCES.length * LENGTHS.length);
      const joined = bodies.join("\n");
      for (const secret of Object.values(SECRETS)) expect(joined).not.toContain(secret);
      // The session data itself did arrive (redacted), so the test is looking at real prompts.
      expect(joined).toContain("ACC-APP01");
      // Each secret left a marker naming its kind.
      for (const marker of ["[password removed]", "[API key removed]", "[Wi-Fi key removed]"])
        expect(joined).toContain(marker);
      if (status === "resolved") expect(joined).toContain("Reset the app's service account");
      if (status === "escalated") expect(joined).toContain("Vendor must fix their API");
    },
  );

  it("a model that invents a credential does not get it echoed back in the repair request", async () => {
    const session = sessionWithSecrets("active");
    fake.server.enqueue(
      { kind: "content", content: `**Status:** Identified\n- Admin password is ${SECRETS.password}` },
      { kind: "content", content: "**Status:** Identified\n- Service account password expired" },
    );
    const result = await generateWithLlm(fake.server, session, { audience: "ticket_notes" });
    expect(result.writer).toBe("llm");
    const [, repair] = fake.server.chatRequests();
    expect(repair).toBeDefined();
    expect(JSON.stringify(repair!.body)).not.toContain(SECRETS.password);
    expect(JSON.stringify(repair!.body)).toContain("It contains a secret or credential");
  });

  it("a 1,000-message session keeps its password out of the request", async () => {
    const session = snapshotOf(makeLongSession(1_000, { seed: 5 }));
    fake.server.setDefault({ kind: "content", content: "**Status:** Implementing fix" });
    await generateWithLlm(fake.server, session, { audience: "ticket_notes" });
    expect(recordedBodies().join("\n")).not.toContain(LONG_SESSION_SECRET);
  });
});
