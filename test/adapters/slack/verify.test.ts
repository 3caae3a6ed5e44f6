import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifySlackSignature } from "../../../src/adapters/slack/verify.ts";

const secret = "signing-secret";
const body = "command=%2Fflowpilot&text=help";
const at = 1_764_556_800;
const signature = (ts: number, b = body) =>
  `v0=${createHmac("sha256", secret).update(`v0:${ts}:${b}`).digest("hex")}`;
const check = (ts: number, nowS: number, sig = signature(ts)) =>
  verifySlackSignature({
    signingSecret: secret,
    rawBody: body,
    signature: sig,
    timestamp: String(ts),
    nowMs: nowS * 1000,
  });

describe("Slack request signatures", () => {
  it("accepts a signed request up to 5 minutes old or early, and refuses one a second beyond, either way", () => {
    expect(check(at, at).ok).toBe(true);
    expect(check(at, at + 300).ok).toBe(true);
    expect(check(at, at - 300).ok).toBe(true);
    expect(check(at, at + 301)).toEqual({ ok: false, reason: "stale or future timestamp" });
    // Bolt's own check lets a request dated in the future through; ours does not.
    expect(check(at, at - 301)).toEqual({ ok: false, reason: "stale or future timestamp" });
  });

  it("refuses a wrong secret, another body and missing headers", () => {
    expect(check(at, at, signature(at, `${body}&x=1`)).ok).toBe(false);
    expect(check(at, at, "v0=00").ok).toBe(false);
    expect(
      verifySlackSignature({
        signingSecret: secret,
        rawBody: body,
        signature: undefined,
        timestamp: String(at),
        nowMs: at * 1000,
      }),
    ).toEqual({ ok: false, reason: "missing signature headers" });
    expect(
      verifySlackSignature({
        signingSecret: secret,
        rawBody: body,
        signature: signature(at),
        timestamp: "soon",
        nowMs: at * 1000,
      }),
    ).toEqual({ ok: false, reason: "missing signature headers" });
  });
});
