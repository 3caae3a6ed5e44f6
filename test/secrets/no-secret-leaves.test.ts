import { PassThrough } from "node:stream";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSessionSnapshot } from "../../src/db/snapshot.ts";
import { generateStatusUpdate } from "../../src/engine/generate.ts";
import { AUDIENCES, LENGTHS, UPDATE_CONTEXTS } from "../../src/engine/types.ts";
import { createWriter } from "../../src/engine/writers/create-writer.ts";
import { createLogger } from "../../src/logger.ts";
import { hasSecretMarker, SECRET_KINDS, type SecretKind } from "../../src/secrets/index.ts";
import { type ApiHarness, startApi } from "../adapters/http/api-harness.ts";
import { type FakeOpenAiServer, startFakeOpenAiServer } from "../support/fake-openai-server.ts";
import { ISSUE27, showsSecret, storedForm } from "../support/secret-corpus.ts";

/**
 * Property: a session with a generated secret of any kind, typed anywhere
 * among ordinary troubleshooting text, never shows the secret in a stored
 * row, an API response, a log line, a prompt sent to the model, or an update
 * of any audience, length and context. Client-facing updates show no marker.
 */

const word = fc.constantFrom("Harbor", "Lantern", "Quartz", "Maple", "Orchid", "Falcon", "Cedar", "Willow");
const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));
const chars = (set: string, n: number) => fc.stringMatching(new RegExp(`^[${set}]{${n}}$`));
const alnum = "A-Za-z0-9";

/** For each kind, a value and the ways engineers type it. */
const KINDS: Record<SecretKind, { value: fc.Arbitrary<string>; say: Array<(v: string) => string> }> = {
  password: {
    value: fc
      .tuple(word, fc.constantFrom("!", "#", "$", "%", "&", "*"), digits(2, 4))
      .map(([w, s, d]) => `${w}${s}${d}`),
    say: [
      (v) => `password for the NAS is ${v}`,
      (v) => `creds are admin / ${v}`,
      (v) => `I set ${v} as her new password`,
      (v) => `pw ${v}`,
      (v) => `reset jdoe, temp: ${v}`,
      (v) => `Kennwort ist ${v}`,
    ],
  },
  pin: {
    value: digits(4, 6),
    say: [(v) => `PIN ${v}`, (v) => `door code ${v}`, (v) => `voicemail PIN is ${v}`],
  },
  access_code: {
    value: digits(6, 6),
    say: [
      (v) => `MFA code ${v}`,
      (v) => `Authenticator shows ${v} for her`,
      (v) => `verification code: ${v}`,
    ],
  },
  wifi_key: {
    value: fc.tuple(word, word, digits(2, 4)).map(([a, b, d]) => `${a}${b.toLowerCase()}${d}`),
    say: [(v) => `guest wifi password is ${v}`, (v) => `Wi-Fi key: ${v}`],
  },
  recovery_key: {
    value: fc.array(digits(6, 6), { minLength: 8, maxLength: 8 }).map((g) => g.join("-")),
    say: [(v) => `BitLocker recovery key ${v}`, (v) => `recovery key: ${v}`],
  },
  totp_seed: {
    value: chars("A-Z2-7", 32).filter((v) => /[2-7]/.test(v) && /[A-Z]{2}/.test(v)),
    say: [(v) => `TOTP secret ${v}`, (v) => `otpauth://totp/Acme:jdoe?secret=${v}&issuer=Acme`],
  },
  api_key: {
    value: chars(alnum, 40)
      .filter((v) => /\d/.test(v) && /[a-z]/.test(v) && /[A-Z]/.test(v))
      .map((v) => `sk-proj-${v}`),
    say: [
      (v) => `OPENAI_API_KEY=${v}`,
      (v) => `API key: ${v}`,
      (v) => `curl -H 'x-api-key: ${v}' https://api.vendor.example`,
    ],
  },
  token: {
    value: chars(alnum, 36).map((v) => `ghp_${v}`),
    say: [(v) => `Authorization: Bearer ${v}`, (v) => `token ${v} for the runner`],
  },
  signature: {
    value: chars(alnum, 43)
      .filter((v) => /\d/.test(v))
      .map((v) => `${v}%3D`),
    say: [(v) => `https://acme.blob.core.windows.net/logs/a.zip?sv=2022-11-02&sr=b&sig=${v}`],
  },
  private_key: {
    value: fc.array(chars(`${alnum}+/`, 64), { minLength: 3, maxLength: 5 }).map((l) => l.join("\n")),
    say: [(v) => `key for the tunnel:\n-----BEGIN RSA PRIVATE KEY-----\n${v}\n-----END RSA PRIVATE KEY-----`],
  },
  password_hash: {
    value: chars("a-f0-9", 32).filter((v) => /\d/.test(v) && /[a-f]/.test(v)),
    say: [
      (v) => `NTLM hash ${v}`,
      (v) => `dumped: Administrator:500:aad3b435b51404eeaad3b435b51404ee:${v}:::`,
    ],
  },
  connection_string: {
    value: fc.tuple(word, digits(3, 4), fc.constantFrom("!", "#", "@")).map(([w, d, s]) => `${w}${s}${d}x`),
    say: [
      (v) => `Server=sql01;Database=App;User Id=app;Password=${v};`,
      (v) => `redis://app:${v}@cache01:6379`,
    ],
  },
  webhook_url: {
    value: fc
      .tuple(chars("A-Z0-9", 8), chars("A-Z0-9", 8), chars(alnum, 24))
      .map(([t, b, s]) => `https://hooks.slack.com/services/T${t}/B${b}/${s}`),
    say: [(v) => `alerts go to ${v}`],
  },
  payment_card: {
    // a Visa number with a valid check digit, grouped as printed
    value: digits(15, 15)
      .map((d) => `4${d}`.slice(0, 15))
      .map((d) => `${d}${luhnCheckDigit(d)}`)
      .map((n) => n.replace(/(\d{4})(?=\d)/g, "$1 ")),
    say: [
      (v) => `card for the renewal: ${v} exp 09/29 cvv 481`,
      (v) => `she read the company card out over the phone, ${v}, expiry 11/2028`,
    ],
  },
  secret: {
    value: chars(`${alnum}~._`, 40).filter((v) => /\d/.test(v) && /[a-z]/.test(v) && /[A-Z]/.test(v)),
    say: [(v) => `client secret: ${v}`, (v) => `RADIUS shared secret is ${v}`],
  },
};

/** The digit that makes `digits` pass the Luhn check as a card number. */
function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

const ORDINARY = [
  "Users report the shared drive is slow since this morning.",
  "Checked the file server, CPU is fine, disk latency high.",
  "Rebooted the print spooler, no change for the front desk.",
  "The password reset worked for Dana, she can sign in again.",
  "Found it: the backup job saturates the disk at 9am.",
  "Next: move the backup window to the evening and confirm with the client.",
  "Event ID 4625 shows repeated failures from 10.20.4.31.",
  "KB5034441 failed again with 0x80070643.",
];

/** One case: a kind's secret typed one of its ways, among ordinary lines, in a message, the resolution or both. */
const caseFor = (kind: SecretKind) =>
  fc.record({
    secret: KINDS[kind].value,
    phrasing: fc.nat({ max: KINDS[kind].say.length - 1 }),
    before: fc.subarray(ORDINARY, { minLength: 1, maxLength: 4 }),
    after: fc.subarray(ORDINARY, { minLength: 1, maxLength: 3 }),
    where: fc.constantFrom("message", "resolution", "both"),
    asked: fc.record({ audience: fc.constantFrom(...AUDIENCES), length: fc.constantFrom(...LENGTHS) }),
    llm: fc.boolean(),
  });

/** Text that is not secret in any case: the ordinary lines and the phrasings around the values ("https://"). */
const NOT_SECRET = [
  ...ORDINARY,
  ...Object.values(KINDS).flatMap((k) => k.say.map((say) => say(""))),
  "https://hooks.slack.com/services/T",
].join("\n");

/**
 * The secret, or any 8 characters of it in a row that are not also ordinary text: what shows, if any
 * (a short one only as a token of its own).
 */
function shows(haystack: string, secret: string): string | undefined {
  // a PIN of four digits shows as a token of its own, not inside a trace log's timestamp or duration
  if (secret.length < 6) return showsSecret(haystack, secret);
  if (haystack.includes(secret)) return secret;
  for (let i = 0; i + 8 <= secret.length; i++) {
    const piece = secret.slice(i, i + 8);
    if (haystack.includes(piece) && !NOT_SECRET.includes(piece)) {
      const at = haystack.indexOf(piece);
      return haystack.slice(Math.max(0, at - 60), at + 60);
    }
  }
  return undefined;
}

let model: FakeOpenAiServer;
let api: ApiHarness;
let logLines = "";
beforeAll(async () => {
  model = await startFakeOpenAiServer({
    defaultReply: {
      kind: "content",
      content: "Status: work in progress; next steps agreed with the client.",
    },
  });
  const stream = new PassThrough();
  stream.on("data", (d: Buffer) => (logLines += d.toString("utf8")));
  api = await startApi({ logger: createLogger("trace", stream) });
});
afterAll(async () => {
  await api?.close();
  await model?.close();
});

/** A REST call whose answer is kept (every answer is an exit a secret could leave by). */
async function call(answers: string[], method: string, path: string, body?: unknown) {
  const res = await api.call(method, path, body);
  answers.push(JSON.stringify(res.body));
  return res;
}

/** Every update of every audience from a stored session: offline, and through the LLM writer on 127.0.0.1. */
async function everyUpdate(id: string, llm: boolean): Promise<Array<{ audience: string; content: string }>> {
  const snapshot = await loadSessionSnapshot(api.t.db.prisma, id);
  const updates: Array<{ audience: string; content: string }> = [];
  for (const audience of AUDIENCES)
    for (const length of LENGTHS)
      for (const context of UPDATE_CONTEXTS) {
        const r = await generateStatusUpdate(snapshot, { audience, length, context });
        updates.push({ audience, content: r.content });
      }
  if (llm) {
    const writer = createWriter({ apiKey: "sk-test", baseURL: model.baseURL, model: "m", timeoutMs: 2_000 });
    for (const audience of AUDIENCES) {
      const r = await generateStatusUpdate(snapshot, { audience, length: "detailed" }, { writer });
      updates.push({ audience, content: r.content });
    }
  }
  return updates;
}

/** Every stored row of the sessions, steps and users tables, as JSON. */
async function storedRows(): Promise<string> {
  const rows = await api.t.db.prisma.$queryRawUnsafe<Array<{ row: string }>>(
    `SELECT row_to_json(t)::text AS row FROM sessions t
     UNION ALL SELECT row_to_json(t)::text FROM session_steps t
     UNION ALL SELECT row_to_json(t)::text FROM users t`,
  );
  return rows.map((r) => r.row).join("\n");
}

const prompts = () =>
  model
    .chatRequests()
    .map((r) => JSON.stringify(r.body))
    .join("\n");

describe("no secret leaves a session", () => {
  it.each(Object.keys(KINDS) as SecretKind[])(
    "%s: stored rows, API answers, log lines, model prompts and every update stay free of it",
    async (kind) => {
      await fc.assert(
        fc.asyncProperty(caseFor(kind), async (c) => {
          const typed = KINDS[kind].say[c.phrasing]!(c.secret);
          const messages = [...c.before, ...(c.where !== "resolution" ? [typed] : []), ...c.after];
          const summary =
            c.where === "message"
              ? "Moved the backup window; the drive is fast again."
              : `Fixed it. ${typed}`;
          const answers: string[] = [];
          const created = await call(answers, "POST", "/ai-sessions", {
            ticket_id: "TKT-4471",
            ticket_summary: "Shared drive slow",
            client_company: "Harbor Dental",
            engineer: { id: "eng-1", name: "Sam Okafor" },
          });
          const id = created.body.session.session_id as string;
          await call(answers, "POST", `/ai-sessions/${id}/messages`, {
            messages: messages.map((text) => ({ text })),
          });
          await call(answers, "POST", `/ai-sessions/${id}/status-update`, c.asked);
          await call(answers, "POST", `/ai-sessions/${id}/resolve`, { summary });
          await call(answers, "GET", `/ai-sessions/${id}`);
          await call(answers, "GET", `/ai-sessions/${id}/updates`);

          // Every update of every audience, length and context from what was stored; for some cases
          // also through the LLM writer against the model on 127.0.0.1.
          const updates = await everyUpdate(id, c.llm);
          const places = {
            "a stored row": await storedRows(),
            "an API answer": answers.join("\n"),
            "a log line": logLines,
            "a model prompt": prompts(),
            "an update": updates.map((u) => u.content).join("\n"),
          };
          for (const [place, text] of Object.entries(places))
            expect(shows(text, c.secret), `${kind} secret in ${place}: ${typed}`).toBeUndefined();
          for (const u of updates)
            if (u.audience !== "ticket_notes") expect(hasSecretMarker(u.content), u.content).toBe(false);
        }),
        { numRuns: 3, seed: 20261130 },
      );
    },
  );

  it("covers every kind of secret the detector knows", () => {
    expect(Object.keys(KINDS).sort()).toEqual(Object.keys(SECRET_KINDS).sort());
  });
});

/**
 * The corpus of issue 27 (written by people who had not read the detector)
 * through every exit: each secret form typed as a session message (a label
 * ending one message, its value the next), some as a resolution or an
 * escalation reason; the ordinary technical lines come back as typed.
 */
describe("the issue 27 corpus through every exit", () => {
  const CHUNK = 20;

  it("no secret form shows in a stored row, an API answer, a log line, a model prompt or any update", async () => {
    const { positives } = ISSUE27;
    const answers: string[] = [];
    const updates: string[] = [];
    for (let at = 0, n = 0; at < positives.length; at += CHUNK, n++) {
      const rows = positives.slice(at, at + CHUNK);
      const created = await call(answers, "POST", "/ai-sessions", {
        ticket_id: `TKT-27${String(n).padStart(2, "0")}`,
        ticket_summary: "Secrets typed in a session",
        client_company: "Harbor Dental",
        engineer: { id: "eng-27", name: "Sam Okafor" },
      });
      const id = created.body.session.session_id as string;
      const texts = rows.flatMap((r) => (r.next === undefined ? [r.text] : [r.text, r.next]));
      await call(answers, "POST", `/ai-sessions/${id}/messages`, {
        messages: texts.map((text) => ({ text })),
      });
      await call(answers, "POST", `/ai-sessions/${id}/status-update`, { audience: "ticket_notes" });
      // a one-line form of the chunk as the resolution or escalation reason (both are fields of their own)
      const closing = rows.find((r) => r.next === undefined && !r.text.includes("\n"))!.text;
      if (n % 2 === 0) await call(answers, "POST", `/ai-sessions/${id}/resolve`, { summary: closing });
      else await call(answers, "POST", `/ai-sessions/${id}/escalate`, { reason: closing });
      await call(answers, "GET", `/ai-sessions/${id}`);
      await call(answers, "GET", `/ai-sessions/${id}/updates`);
      updates.push(...(await everyUpdate(id, true)).map((u) => u.content));
    }
    const places = {
      "stored rows": await storedRows(),
      "API answers": answers.join("\n"),
      "log lines": logLines,
      "model prompts": prompts(),
      updates: updates.join("\n"),
    };
    const leaks: Record<string, string[]> = {};
    for (const [place, text] of Object.entries(places))
      leaks[place] = positives.flatMap((p) =>
        p.secrets.flatMap((s) => {
          const shown = showsSecret(text, s);
          return shown ? [`${p.id} ${s}: …${shown}…`] : [];
        }),
      );
    expect(leaks).toEqual({
      "stored rows": [],
      "API answers": [],
      "log lines": [],
      "model prompts": [],
      updates: [],
    });
  });

  it("ordinary technical lines are stored as typed, and a label's next message stays when it is no value", async () => {
    const { negatives, pairs } = ISSUE27;
    const groups = [
      ...Array.from({ length: Math.ceil(negatives.length / 100) }, (_, i) =>
        negatives.slice(i * 100, i * 100 + 100),
      ),
      pairs.flatMap((p) => [p.text, p.next]),
    ];
    const changed: string[] = [];
    for (const [n, lines] of groups.entries()) {
      const answers: string[] = [];
      const created = await call(answers, "POST", "/ai-sessions", {
        ticket_id: `TKT-28${n}`,
        ticket_summary: "Ordinary technical lines",
        client_company: "Harbor Dental",
        engineer: { id: "eng-27", name: "Sam Okafor" },
      });
      const id = created.body.session.session_id as string;
      await call(answers, "POST", `/ai-sessions/${id}/messages`, {
        messages: lines.map((text) => ({ text })),
      });
      const stored = (
        await api.t.db.prisma.sessionStep.findMany({
          where: { sessionId: id, stepType: "message" },
          orderBy: { seq: "asc" },
        })
      ).map((s) => (s.content as { text: string }).text);
      lines.forEach((line, i) => {
        // (the REST API trims a message's outer whitespace; what is inside stays as typed)
        if (stored[i] !== storedForm(line).trim()) changed.push(`${line}\n  stored: ${stored[i]}`);
      });
    }
    // the issue allows 1% of the lines; none change today
    expect(changed).toEqual([]);
  });
});
