import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createConnectWiseClient } from "../../src/psa/connectwise/client.ts";
import { PsaRequestError } from "../../src/psa/errors.ts";
import type { PsaClient } from "../../src/psa/types.ts";
import { ACME_TICKET, type FakeConnectWise, startFakeConnectWise } from "../support/fake-connectwise.ts";

const FAST_RETRY = { retries: 3, minDelayMs: 10, maxDelayMs: 50 };

describe("ConnectWise client against a fake ConnectWise server", () => {
  let cw: FakeConnectWise;
  let client: PsaClient;

  beforeEach(async () => {
    cw = await startFakeConnectWise();
    cw.addTicket(ACME_TICKET);
    client = createConnectWiseClient(
      { ...cw.settings, apiVersion: "2024.1" },
      { timeoutMs: 400, retry: FAST_RETRY },
    );
  });
  afterEach(() => cw.close());

  it("reads a ticket's summary, company and contact with the documented auth headers", async () => {
    expect(await client.getTicket("48213")).toEqual({
      ticketId: "48213",
      summary: "Email delivery issue",
      company: "Acme Medical Group",
      contact: "Dana Ruiz",
    });
    const sent = cw.requests[0]!;
    expect(sent.path).toBe("/v4_6_release/apis/3.0/service/tickets/48213");
    expect(sent.headers.authorization).toBe(
      `Basic ${Buffer.from("acmemsp+pub-4F2a:priv-S3cr3t-9x").toString("base64")}`,
    );
    expect(sent.headers.clientid).toBe(cw.settings.clientId);
    expect(sent.headers.accept).toBe("application/vnd.connectwise.com+json; version=2024.1");
  });

  it("accepts ticket numbers as engineers write them and answers null for unknown or non-numeric ones", async () => {
    expect((await client.getTicket("#48213"))?.company).toBe("Acme Medical Group");
    expect((await client.getTicket("TKT-48213"))?.summary).toBe("Email delivery issue");
    expect(await client.getTicket("99999")).toBeNull();
    expect(await client.getTicket("INC-ABC")).toBeNull();
  });

  it("posts ticket notes as internal notes and client updates as discussion notes, resolution flagged", async () => {
    const internal = await client.postNote({
      ticketId: "48213",
      text: "## Findings\n- transport rule scoped tenant-wide",
      visibility: "internal",
      resolution: false,
    });
    const external = await client.postNote({
      ticketId: "48213",
      text: "Hi Dana, email is flowing again.",
      visibility: "external",
      resolution: true,
      memberIdentifier: "sokafor",
    });
    expect(internal.reusedExisting).toBe(false);
    const [first, second] = cw.notesOn(48213);
    expect(first).toMatchObject({
      id: Number(internal.noteId),
      internalAnalysisFlag: true,
      detailDescriptionFlag: false,
      resolutionFlag: false,
    });
    expect(second).toMatchObject({
      id: Number(external.noteId),
      internalAnalysisFlag: false,
      detailDescriptionFlag: true,
      resolutionFlag: true,
      member: { identifier: "sokafor" },
      text: "Hi Dana, email is flowing again.",
    });
    expect(cw.postsTo(48213)[0]!.headers["content-type"]).toBe("application/json");
  });

  it("retries a 500 that stored nothing and ends with exactly one note", async () => {
    cw.fail("POST", /\/notes$/, { kind: "status", status: 500 }, 2);
    const posted = await client.postNote({
      ticketId: "48213",
      text: "Update A",
      visibility: "internal",
      resolution: false,
    });
    expect(cw.notesOn(48213).map((n) => n.id)).toEqual([Number(posted.noteId)]);
    expect(cw.postsTo(48213)).toHaveLength(3);
  });

  it("does not post twice when a 500 arrives after the note was stored", async () => {
    cw.fail("POST", /\/notes$/, { kind: "status", status: 500, afterCreate: true });
    const posted = await client.postNote({
      ticketId: "48213",
      text: "Line one\nLine two",
      visibility: "external",
      resolution: false,
    });
    expect(cw.notesOn(48213)).toHaveLength(1);
    expect(posted).toEqual({ noteId: String(cw.notesOn(48213)[0]!.id), reusedExisting: true });
    expect(cw.postsTo(48213)).toHaveLength(1);
  });

  it("waits as long as Retry-After asks on a 429, then posts once", async () => {
    cw.fail("POST", /\/notes$/, { kind: "status", status: 429, retryAfter: "1" });
    await client.postNote({
      ticketId: "48213",
      text: "Rate limited update",
      visibility: "internal",
      resolution: false,
    });
    const posts = cw.postsTo(48213);
    expect(posts).toHaveLength(2);
    expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(1000);
    expect(cw.notesOn(48213)).toHaveLength(1);
  });

  it("gives up at once, saying why, when Retry-After is longer than it will wait", async () => {
    cw.fail("POST", /\/notes$/, { kind: "status", status: 429, retryAfter: "600" });
    const error = await client
      .postNote({ ticketId: "48213", text: "Later", visibility: "internal", resolution: false })
      .catch((e) => e);
    expect(error).toBeInstanceOf(PsaRequestError);
    expect(error.userMessage).toMatch(/rate-limiting/);
    expect(cw.postsTo(48213)).toHaveLength(1);
    expect(cw.notesOn(48213)).toHaveLength(0);
  });

  it("times out a hanging request that stored nothing, retries, and ends with one note", async () => {
    cw.fail("POST", /\/notes$/, { kind: "hang" });
    const posted = await client.postNote({
      ticketId: "48213",
      text: "After hang",
      visibility: "internal",
      resolution: false,
    });
    expect(cw.notesOn(48213).map((n) => String(n.id))).toEqual([posted.noteId]);
  });

  it("finds the note instead of posting again when ConnectWise stored it and then hung", async () => {
    cw.fail("POST", /\/notes$/, { kind: "hang", afterCreate: true });
    const posted = await client.postNote({
      ticketId: "48213",
      text: "Stored then hung",
      visibility: "internal",
      resolution: false,
    });
    expect(posted.reusedExisting).toBe(true);
    expect(cw.notesOn(48213)).toHaveLength(1);
    expect(cw.postsTo(48213)).toHaveLength(1);
  });

  it("fails with a clear message after the retries when ConnectWise keeps failing, and posts nothing", async () => {
    cw.fail("POST", /\/notes$/, { kind: "status", status: 503 }, 10);
    const error = await client
      .postNote({ ticketId: "48213", text: "Never lands", visibility: "internal", resolution: false })
      .catch((e) => e);
    expect(error).toBeInstanceOf(PsaRequestError);
    expect(error.code).toBe("psa_unavailable");
    expect(error.userMessage).toMatch(/internal error \(HTTP 503\)/);
    expect(cw.postsTo(48213)).toHaveLength(4);
    expect(cw.notesOn(48213)).toHaveLength(0);
  });

  it("checks the ticket before posting again when told an earlier attempt may have landed", async () => {
    const first = await client.postNote({
      ticketId: "48213",
      text: "Maybe landed",
      visibility: "internal",
      resolution: false,
    });
    const again = await client.postNote({
      ticketId: "48213",
      text: "Maybe landed",
      visibility: "internal",
      resolution: false,
      mayExist: true,
    });
    expect(again).toEqual({ noteId: first.noteId, reusedExisting: true });
    expect(cw.notesOn(48213)).toHaveLength(1);
  });

  it("does not retry a refused note and names ConnectWise's reason", async () => {
    const error = await client
      .postNote({ ticketId: "48213", text: "   ", visibility: "internal", resolution: false })
      .catch((e) => e);
    expect(error.userMessage).toMatch(/HTTP 400.*text: text is required/);
    expect(cw.postsTo(48213)).toHaveLength(1);
  });

  it("reports rejected credentials once, without echoing them", async () => {
    const wrong = createConnectWiseClient(
      { ...cw.settings, privateKey: "wrong-key-123" },
      { timeoutMs: 400, retry: FAST_RETRY },
    );
    const error = await wrong
      .postNote({ ticketId: "48213", text: "x", visibility: "internal", resolution: false })
      .catch((e) => e);
    expect(error.userMessage).toMatch(/rejected the API credentials/);
    expect(JSON.stringify({ m: error.message, u: error.userMessage })).not.toMatch(/wrong-key-123|pub-4F2a/);
    expect(cw.requests).toHaveLength(1);
  });

  it("refuses a non-numeric ticket id before calling ConnectWise", async () => {
    await expect(
      client.postNote({ ticketId: "INC-ABC", text: "x", visibility: "internal", resolution: false }),
    ).rejects.toMatchObject({ code: "invalid_input" });
    expect(cw.requests).toHaveLength(0);
  });

  it("maps an engineer to a ConnectWise member by identifier or e-mail", async () => {
    expect(await client.findMember("sokafor")).toEqual({ identifier: "sokafor", name: "Sam Okafor" });
    expect(await client.findMember("SAM@acmemsp.example")).toEqual({
      identifier: "sokafor",
      name: "Sam Okafor",
    });
    expect(await client.findMember("nobody")).toBeNull();
  });
});
