import { describe, expect, it } from "vitest";
import { actionInput } from "../../../src/chat/action-registry.ts";
import {
  ACTION_IDS,
  decodeActionPayload,
  EXPIRED_ACTION_MESSAGE,
  encodeActionPayload,
  isActionId,
  MAX_ENCODED_PAYLOAD_CHARS,
  payload,
} from "../../../src/chat/views/actions.ts";
import { FlowPilotError } from "../../../src/errors.ts";

const SESSION = "3f1c2a9e-8b7d-4c6e-9a5f-1b2c3d4e5f60";
const UPDATE = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

function expectExpired(encoded: string) {
  try {
    decodeActionPayload(encoded);
  } catch (err) {
    expect(err).toBeInstanceOf(FlowPilotError);
    expect((err as FlowPilotError).code).toBe("expired_action");
    expect((err as FlowPilotError).userMessage).toBe(EXPIRED_ACTION_MESSAGE);
    return;
  }
  throw new Error(`decoded without error: ${encoded.slice(0, 80)}`);
}

describe("action ids", () => {
  it("are unique, namespaced strings", () => {
    const ids = Object.values(ACTION_IDS);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^(session|update|history|reminder)\.[a-z_]+$/);
    expect(isActionId("update.copy")).toBe(true);
    expect(isActionId("update.delete_everything")).toBe(false);
  });
});

describe("payload codec", () => {
  it("round-trips every field as compact JSON", () => {
    const p = payload({
      sessionId: SESSION,
      updateId: UPDATE,
      audience: "client_update",
      length: "quick",
      context: "resolution",
      minutes: 90,
    });
    const encoded = encodeActionPayload(p);
    expect(encoded).not.toMatch(/\s/);
    expect(encoded).toContain(`"sessionId":"${SESSION}"`);
    expect(decodeActionPayload(encoded)).toEqual(p);
  });

  it("drops undefined fields instead of writing them", () => {
    const encoded = encodeActionPayload(payload({ sessionId: SESSION, updateId: undefined }));
    expect(encoded).toBe(`{"v":1,"sessionId":"${SESSION}"}`);
  });

  it("fits Slack's 2000-character button value even with the longest ids", () => {
    const longest = payload({
      sessionId: "s".repeat(128),
      updateId: "u".repeat(128),
      audience: "ticket_notes",
      length: "detailed",
      context: "escalation",
      minutes: 10_080,
    });
    expect(encodeActionPayload(longest).length).toBeLessThanOrEqual(MAX_ENCODED_PAYLOAD_CHARS);
  });

  it("refuses to build a button from an invalid payload", () => {
    expect(() => encodeActionPayload(payload({ sessionId: "" }))).toThrow(FlowPilotError);
    expect(() => encodeActionPayload(payload({ sessionId: SESSION, minutes: 0 }))).toThrow(/minutes/);
  });

  it("treats malformed payloads as expired buttons", () => {
    expectExpired("{not json");
    expectExpired("");
    expectExpired("null");
    expectExpired('"just a string"');
    expectExpired(`{"v":1}`);
    expectExpired(`{"v":1,"sessionId":"${SESSION}","audience":"the_board"}`);
    expectExpired(`{"v":1,"sessionId":"${SESSION}","minutes":-5}`);
    expectExpired(`{"v":1,"sessionId":"${SESSION}","minutes":"15"}`);
  });

  it("treats older or newer payload versions as expired", () => {
    expectExpired(`{"sessionId":"${SESSION}"}`);
    expectExpired(`{"v":0,"sessionId":"${SESSION}"}`);
    expectExpired(`{"v":2,"sessionId":"${SESSION}"}`);
  });

  it("rejects oversized payloads before parsing them", () => {
    const huge = `{"v":1,"sessionId":"${SESSION}","pad":"${"x".repeat(MAX_ENCODED_PAYLOAD_CHARS)}"}`;
    expectExpired(huge);
    expectExpired(`{"v":1,"sessionId":"${"s".repeat(129)}"}`);
  });
});

describe("actions that need typed text", () => {
  it("edit, resolve, escalate and a custom reminder ask for input; a fixed reminder does not", () => {
    expect(actionInput(ACTION_IDS.edit)?.multiline).toBe(true);
    expect(actionInput(ACTION_IDS.resolve)?.prompt).toMatch(/What fixed it/);
    expect(actionInput(ACTION_IDS.escalate)?.prompt).toMatch(/escalating/);
    expect(actionInput(ACTION_IDS.reminderOption, {})?.prompt).toMatch(/1h30m/);
    expect(actionInput(ACTION_IDS.reminderOption, { minutes: 30 })).toBeUndefined();
    expect(actionInput(ACTION_IDS.copy)).toBeUndefined();
  });
});
