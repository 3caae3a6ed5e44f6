import { describe, expect, it } from "vitest";
import { causeCandidates } from "../../../src/engine/account/cause-candidates.ts";
import { buildSessionAccount } from "../../../src/engine/account/index.ts";
import { readSessionStatements } from "../../../src/engine/account/session-account.ts";
import { causeScore } from "../../../src/engine/account/standing-cause.ts";
import { quotedWords } from "../../../src/engine/account/to-client.ts";
import { chatSession } from "../../support/chat-session.ts";
import { spawnCommand } from "../../support/run-cli.ts";

const candidatesOf = (lines: string[]) => {
  const statements = readSessionStatements(chatSession(lines));
  return causeCandidates(statements, null, quotedWords(statements), null);
};

describe("the cause model", () => {
  it("ships the model the labelled sessions train, and reads each set it was not trained on", async () => {
    const run = await spawnCommand(process.execPath, ["--import", "tsx", "scripts/train-cause.ts", "--check"])
      .exited;
    expect(run.stderr + run.stdout).toContain("cause-model.generated.ts is current");
    const held =
      /held out, every set\s+right (\d+)\s+wrong (\d+)\s+spurious (\d+)\s+missed (\d+)\s+none (\d+)/.exec(
        run.stdout,
      );
    expect(held, run.stdout).not.toBeNull();
    const [right, wrong, spurious, missed, none] = held!.slice(1).map(Number) as [
      number,
      number,
      number,
      number,
      number,
    ];
    const sessions = right + wrong + spurious + missed + none;
    expect(sessions).toBeGreaterThanOrEqual(280);
    // Each set read by a model fitted on the others (297 sessions): right 84, wrong 84, spurious 7, missed 62 and
    // rightly none 60, so 144 read right. The hand-weighted rules it replaced read 126 of 265 right on the very
    // sessions they were tuned on (right 75, wrong 94, spurious 8).
    expect((right + none) / sessions).toBeGreaterThanOrEqual(0.47);
    expect(right).toBeGreaterThanOrEqual(wrong);
  }, 120_000);

  it("weighs a confirmation after a line ('yep thats it') for it, and a bare 'yep' to the assistant for nothing", () => {
    const found = "so the 2024 rules only match exact iOS builds, every update lands in quarantine";
    const plain = candidatesOf([
      "iphones stopped syncing after the update",
      found,
      "checking the samsungs next",
    ]);
    const confirmed = candidatesOf(["iphones stopped syncing after the update", found, "yep thats it"]);
    const score = (cs: ReturnType<typeof candidatesOf>) =>
      causeScore(cs.find((c) => /2024 rules/.test(c.clause))!);
    expect(score(confirmed)).toBeGreaterThan(score(plain) + 0.5);
  });

  it.each([
    [
      "a finding and 'That's the root cause.' after it",
      [
        "All remote users get -7200 in FortiClient since 8am",
        "WAN answers on 443, not the ISP",
        "SSL VPN cert expired yesterday at midnight. That's the root cause.",
        "requesting a new cert from the CA now",
      ],
      /SSL VPN cert(?:ificate)? expired/,
    ],
    [
      "'Found it: …'",
      [
        "no external email arriving since this morning, internal fine",
        "MX records correct",
        "Found it: transport rule 'Block External Senders' is scoped tenant-wide.",
        "next: confirm the rule scope with the client before modifying",
      ],
      /transport rule 'Block External Senders'/i,
    ],
    [
      "'bingo' and the finding after it",
      [
        "taxdesk mail to gmail bouncing since monday, spf permerror",
        "counted includes, 11 lookups",
        "bingo. it was sat at exactly 10 lookups before, the new include tipped it to 11",
        "need brightside to change the record",
      ],
      /tipped it to 11/,
    ],
  ])("stands when the engineer says outright that it is the cause: %s", (_, lines, cause) => {
    const account = buildSessionAccount(chatSession(lines));
    expect(account.cause?.text).toMatch(cause);
    expect(account.stage).not.toBe("investigating");
  });

  it("never takes a bare 'yep' answering the assistant as pointing at the engineer's next line", () => {
    const session = chatSession([
      "phones have one-way audio since the isp swap",
      "assistant: Check whether the new router is in modem mode.",
      "yep. topology: virgin hub -> draytek -> switches -> yealinks",
    ]);
    const statements = readSessionStatements(session);
    const topology = causeCandidates(statements, null, quotedWords(statements), null).find((c) =>
      /topology/i.test(c.clause),
    );
    expect(topology?.features ?? []).not.toContain("pointed");
  });
});
