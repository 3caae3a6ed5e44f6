import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPsaTicketPoster } from "../../../src/psa/ticket-poster.ts";
import { type FakeConnectWise, startFakeConnectWise } from "../../support/fake-connectwise.ts";
import { type ApiHarness, EMAIL_MESSAGES, NEW_SESSION, startApi } from "./api-harness.ts";

/**
 * The REST API with our ConnectWise client against a fake ConnectWise server:
 * ticket details on create, and Post to Ticket with its outcomes.
 */
const FAST = { timeoutMs: 400, retry: { retries: 2, minDelayMs: 10, maxDelayMs: 20 } };

describe("REST API with a connected ConnectWise", () => {
  let cw: FakeConnectWise;
  let api: ApiHarness;
  beforeAll(async () => {
    cw = await startFakeConnectWise();
    cw.addTicket({
      id: 48213,
      summary: "Email delivery issue",
      company: { id: 7, identifier: "AcmeMed", name: "Acme Medical Group" },
      contact: { id: 31, name: "Dana Ruiz" },
    });
    api = await startApi({ tickets: createPsaTicketPoster(async () => cw.settings, FAST) });
  });
  afterAll(async () => {
    await api?.close();
    await cw?.close();
  });
  beforeEach(() => cw.clearFaults());

  async function workedSession(): Promise<string> {
    const created = await api.call("POST", "/ai-sessions", {
      ticket_id: "48213",
      engineer: NEW_SESSION.engineer,
    });
    const id: string = created.body.session.session_id;
    await api.call("POST", `/ai-sessions/${id}/messages`, { messages: EMAIL_MESSAGES });
    return id;
  }

  it("create fills summary, company and contact from the ticket", async () => {
    const res = await api.call("POST", "/ai-sessions", {
      ticket_id: "48213",
      client_contact: "Dr. Patel",
      engineer: NEW_SESSION.engineer,
    });
    expect(res.status).toBe(201);
    expect(res.body.notice).toBeUndefined();
    expect(res.body.session).toMatchObject({
      ticket_summary: "Email delivery issue",
      client_company: "Acme Medical Group",
      client_contact: "Dr. Patel",
    });
  });

  it("create on an unknown ticket still starts the session and says why nothing was filled in", async () => {
    const res = await api.call("POST", "/ai-sessions", {
      ticket_id: "99999",
      engineer: NEW_SESSION.engineer,
    });
    expect(res.status).toBe(201);
    expect(res.body.notice).toMatch(/Ticket 99999 was not found in the PSA/);
    expect(res.body.session.client_company).toBeNull();
  });

  it("posts ticket notes as an internal note once, and reports it as already posted after", async () => {
    const id = await workedSession();
    const update = await api.call("POST", `/ai-sessions/${id}/status-update`, { audience: "ticket_notes" });
    const path = `/ai-sessions/${id}/updates/${update.body.update_id}/post-to-ticket`;
    const before = cw.notesOn(48213).length;
    const res = await api.call("POST", path);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ visibility: "internal", ticket_id: "48213", already_posted: false });
    const notes = cw.notesOn(48213);
    expect(notes).toHaveLength(before + 1);
    const note = notes.at(-1)!;
    expect(String(note.id)).toBe(res.body.note_id);
    expect(note).toMatchObject({ internalAnalysisFlag: true, resolutionFlag: false });
    expect(note.text.replace(/\r\n/g, "\n")).toBe(update.body.content);

    const again = await api.call("POST", path);
    expect(again.body).toMatchObject({ note_id: res.body.note_id, already_posted: true });
    expect(cw.notesOn(48213)).toHaveLength(before + 1);
    const listed = await api.call("GET", `/ai-sessions/${id}/updates`);
    expect(listed.body.updates[0].delivery).toMatchObject({
      psa_push_status: "posted",
      psa_note_id: res.body.note_id,
      psa_note_visibility: "internal",
    });
  });

  it("five parallel posts of one update to a slow PSA make one note: one 200, the others 409 or already posted", async () => {
    const id = await workedSession();
    const update = await api.call("POST", `/ai-sessions/${id}/status-update`, { audience: "ticket_notes" });
    const path = `/ai-sessions/${id}/updates/${update.body.update_id}/post-to-ticket`;
    const before = cw.postsTo(48213).length;
    cw.fail("POST", /\/service\/tickets\/48213\/notes$/, { kind: "slow", ms: 300 }, 5);
    const responses = await Promise.all([1, 2, 3, 4, 5].map(() => api.call("POST", path)));
    cw.clearFaults();
    expect(cw.postsTo(48213).length - before).toBe(1);
    const posted = responses.filter((r) => r.status === 200 && r.body.already_posted === false);
    expect(posted).toHaveLength(1);
    for (const r of responses.filter((r) => r !== posted[0])) {
      if (r.status === 200)
        expect(r.body).toMatchObject({ already_posted: true, note_id: posted[0]!.body.note_id });
      else {
        expect(r.status).toBe(409);
        expect(r.body.error.message).toMatch(/being posted to the ticket right now/);
      }
    }
    // Done: the lease is released, and a later press answers "already posted" without a second note.
    const later = await api.call("POST", path);
    expect(later.body).toMatchObject({ already_posted: true });
    expect(cw.postsTo(48213).length - before).toBe(1);
  });

  it("posts a client update as an external note, as the engineer's mapped member when given", async () => {
    const id = await workedSession();
    await api.t.db.prisma.user.updateMany({
      where: { accountId: api.northstar.accountId, platformUserId: "eng-7" },
      data: { psaMemberId: "sokafor" },
    });
    const update = await api.call("POST", `/ai-sessions/${id}/status-update`, { audience: "client_update" });
    const res = await api.call("POST", `/ai-sessions/${id}/updates/${update.body.update_id}/post-to-ticket`, {
      engineer: NEW_SESSION.engineer,
    });
    expect(res).toMatchObject({ status: 200, body: { visibility: "external" } });
    const note = cw.notesOn(48213).at(-1)!;
    expect(note).toMatchObject({ internalAnalysisFlag: false, member: { identifier: "sokafor" } });
  });

  it("a PSA that keeps failing is 502 with the text to copy; a retry finds the note instead of posting it twice", async () => {
    const id = await workedSession();
    const update = await api.call("POST", `/ai-sessions/${id}/status-update`, { audience: "ticket_notes" });
    const path = `/ai-sessions/${id}/updates/${update.body.update_id}/post-to-ticket`;
    const before = cw.notesOn(48213).length;
    // The note lands, the answer is a 500, and ConnectWise cannot list notes to confirm.
    cw.fail("POST", /\/notes$/, { kind: "status", status: 500, afterCreate: true });
    cw.fail("GET", /\/notes$/, { kind: "status", status: 503 }, 10);
    const failed = await api.call("POST", path);
    expect(failed.status).toBe(502);
    expect(failed.body).toMatchObject({
      error: { code: "psa_unavailable" },
      visibility: "internal",
      ticket_id: "48213",
      content: update.body.content,
    });
    expect(failed.body.error.message).toBeTruthy();
    const step = await api.t.db.prisma.sessionStep.findUniqueOrThrow({
      where: { id: update.body.update_id },
    });
    expect(step.content).toMatchObject({ delivery: { psa_push_status: "failed" } });

    cw.clearFaults();
    const retried = await api.call("POST", path);
    expect(retried.status).toBe(200);
    expect(cw.notesOn(48213)).toHaveLength(before + 1);
    expect(retried.body.note_id).toBe(String(cw.notesOn(48213).at(-1)!.id));
  });

  it("email drafts are not posted (422) even when connected", async () => {
    const id = await workedSession();
    const update = await api.call("POST", `/ai-sessions/${id}/status-update`, { audience: "email_draft" });
    const res = await api.call("POST", `/ai-sessions/${id}/updates/${update.body.update_id}/post-to-ticket`);
    expect(res.status).toBe(422);
  });
});
