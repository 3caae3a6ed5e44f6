import { describe, expect, it } from "vitest";
import { isFragment, pointsBack } from "../../../src/engine/account/cause-clause.ts";
import { buildSessionAccount, readSessionAccount } from "../../../src/engine/account/index.ts";
import { chatSession } from "../../support/chat-session.ts";
import { LABELLED_SETS, type LabelledSession, loadLabelledSessions } from "./support/labelled-accounts.ts";

/** Sets written after the reader, by writers who never saw the code: measured, with floors, not matched one by one. */
const MEASURED = new Set(["later", "fresh", "unseen"]);
/** The newest set: at first sight stage 20 of 24 and wait 16 of 24; held at what it reads now so later work does not lose ground. */
const FIRST_SIGHT = "newest";
/** The most recent set: at first sight stage 15 of 16 and wait 10 of 16; held at what it reads now. */
const RECENT = "recent";
/** The latest set: at first sight stage 7 of 10 and wait 8 of 10; held at what it reads now. */
const LATEST = "latest";
/** Written in December by two writers who never saw the code: at first sight stage 11 of 16 and wait 9 of 16. */
const DECEMBER = "december";
/** Written after the December work by two more writers who never saw the code: at first sight stage 12 of 16 and wait 12 of 16. */
const WINTER = "winter";
/** Written last, by two more writers who never saw the code: at first sight stage 8 of 12 and wait 7 of 12. */
const CLOSING = "closing";
/** Written by two more writers who never saw the code, after the closing set: at first sight stage 13 of 16 and wait 11 of 16. */
const EVENING = "evening";
/** Written after the evening set by two more writers who never saw the code: at first sight stage 14 of 16 and wait 10 of 16. */
const NIGHT = "night";
/** Written last, after the reader was trained in a thread: at first sight stage 11 of 16 and wait 11 of 16. */
const DAWN = "dawn";
/** Written after the dawn set by two more writers who never saw the code: at first sight stage 15 of 16 and wait 11 of 16. */
const MORNING = "morning";
/** Written after the morning set by two more writers who never saw the code: at first sight of the cause model stage 11 of
 * 16 and wait 14 of 16 (the code before this stop's work 12 and 14). */
const MIDDAY = "midday";
const cases = Object.keys(LABELLED_SETS)
  .filter(
    (set) =>
      !MEASURED.has(set) &&
      ![
        FIRST_SIGHT,
        RECENT,
        LATEST,
        DECEMBER,
        WINTER,
        CLOSING,
        EVENING,
        NIGHT,
        DAWN,
        MORNING,
        MIDDAY,
      ].includes(set),
  )
  .flatMap((set) => loadLabelledSessions(set));
const measured = [...MEASURED].flatMap((set) => loadLabelledSessions(set));

/** How many of the sessions the account reads with the labelled stage, and with the labelled party waited on. */
function rightCounts(labelled: readonly LabelledSession[]): { stage: number; wait: number } {
  const accounts = labelled.map((c) => ({ c, a: buildSessionAccount(c.session) }));
  return {
    stage: accounts.filter(({ c, a }) => a.stage === c.label.stage).length,
    wait: accounts.filter(({ c, a }) => (a.waitingOn?.on ?? null) === (c.label.waiting_on?.party ?? null))
      .length,
  };
}

describe("the session account on every labelled session", () => {
  it("covers the shared, older and the 30 sessions written for issue 25", () => {
    expect(cases.length).toBeGreaterThanOrEqual(71);
    expect(cases.filter((c) => c.set === "labelled")).toHaveLength(30);
  });

  // Before the wait reader the new 30 had 21 right (the rules alone 18).
  it.each(cases.map((c) => [`${c.set}/${c.name}`, c] as const))("%s: stage as labelled", (_, c) => {
    expect(buildSessionAccount(c.session).stage).toBe(c.label.stage);
  });

  it("never gives a raw chat fragment as the cause", () => {
    for (const c of cases) {
      const cause = buildSessionAccount(c.session).cause;
      if (!cause) continue;
      expect(isFragment(cause.text), `${c.name}: ${cause.text}`).toBe(false);
      expect(pointsBack(cause.text), `${c.name}: ${cause.text}`).toBe(false);
      expect(cause.text, c.name).not.toMatch(/^(?:bingo|found it|got it|yep|so|ok)\b/i);
    }
  });

  it("states a cause read from words sent to the client as those words, without the reporting or the greeting", () => {
    const every = Object.keys(LABELLED_SETS).flatMap((set) => loadLabelledSessions(set));
    const causes = every.flatMap((c) => buildSessionAccount(c.session).cause?.text ?? []);
    expect(causes.length).toBeGreaterThan(60);
    const addressed = causes.filter((t) =>
      /^\W*(?:\w+\s+){0,3}?(?:told|sent|emailed|messaged)\b[^:]{0,40}:|^\W*(?:hi|hello|dear)\s/i.test(t),
    );
    expect(addressed).toEqual([]);
  });

  it("rests every item on messages of the session, and never reports an assistant's suggestion as done", () => {
    for (const c of cases) {
      const account = buildSessionAccount(c.session);
      const ids = new Set(c.session.messages.map((_, i) => `m${i + 1}`));
      const items = [
        ...account.problem,
        ...account.findings,
        ...account.hypotheses,
        ...account.actions,
        ...account.waits,
        ...account.verification,
      ];
      for (const item of items)
        for (const id of item.sources) expect(ids.has(id), `${c.name}: ${id}`).toBe(true);
      for (const action of account.actions)
        if (action.state === "done") {
          const message = c.session.messages[Number(action.sources[0]!.slice(1)) - 1]!;
          expect(message.author, `${c.name}: ${action.text}`).not.toBe("assistant");
        }
    }
  });

  it("says what the work waits on in every labelled session but one (40 of 71 before the wait reader; 70 when written)", () => {
    const wrong = cases
      .filter(
        (c) => (buildSessionAccount(c.session).waitingOn?.on ?? null) !== (c.label.waiting_on?.party ?? null),
      )
      .map((c) => c.name);
    expect(wrong.length, wrong.join(", ")).toBeLessThanOrEqual(1);
  });

  it("on 54 sessions written later by people who never saw the code, the stage is right in >= 90% and the wait in >= 79% (49 and 44 when written, 43 since the reader read threads)", () => {
    expect(measured).toHaveLength(54);
    const { stage, wait } = rightCounts(measured);
    expect(stage / measured.length).toBeGreaterThanOrEqual(0.9);
    expect(wait / measured.length).toBeGreaterThanOrEqual(0.79);
  });

  // Each newer set held at what it reads now (first sight: newest 20 and 16, recent 15 and 10, latest 7 and 8,
  // december 11 and 9, winter 12 and 12, closing 8 and 7, evening 13 and 11, night 14 and 10, dawn 11 and 11, morning 15 and 11,
  // midday 11 and 14).
  // Since the statement reader was trained on statements labelled in a thread (blind judges preferred its notes in
  // 11 of 16 new sessions, the old reader's in 4), newest, recent and december read one wait fewer and winter two
  // stages fewer; december one stage more and evening two waits more. Dawn reads 14 stages since a later "havent
  // changed anything" undoes the changes before it for the stage after a wait too. Night reads one stage fewer
  // with the cause model: y-logistics had a cause only from the hand weights ("The CX template liam used only has the
  // access vlan", a finding the model scores under its threshold).
  it.each([
    [FIRST_SIGHT, 24, 23, 17],
    [RECENT, 16, 16, 10],
    [LATEST, 10, 10, 10],
    [DECEMBER, 16, 14, 12],
    [WINTER, 16, 12, 13],
    [CLOSING, 12, 10, 8],
    [EVENING, 16, 15, 15],
    [NIGHT, 16, 14, 14],
    [DAWN, 16, 14, 11],
    [MORNING, 16, 16, 11],
    [MIDDAY, 16, 13, 14],
  ] as const)(
    "on the %s set of %i sessions the stage is right in >= %i and the wait in >= %i",
    (set, size, stage, wait) => {
      const labelled = loadLabelledSessions(set);
      expect(labelled).toHaveLength(size);
      const right = rightCounts(labelled);
      expect(right.stage).toBeGreaterThanOrEqual(stage);
      expect(right.wait).toBeGreaterThanOrEqual(wait);
    },
  );

  it("reads a long session in slices to the same account", async () => {
    const longest = [...cases].sort((a, b) => b.session.messages.length - a.session.messages.length)[0]!;
    const sliced = await readSessionAccount(longest.session);
    const whole = buildSessionAccount(longest.session);
    expect(sliced.stage).toBe(whole.stage);
    expect(sliced.waitingOn).toEqual(whole.waitingOn);
    expect(sliced.statements.map((s) => s.act)).toEqual(whole.statements.map((s) => s.act));
  });
});

describe("steps held back", () => {
  it("'not touching GPO now' and 'kept the old range in for now' are not reported as work done", () => {
    const account = buildSessionAccount(
      chatSession([
        "users on rds02 locked out every few minutes since friday",
        "stale disconnected session of jmartin on rds02 holding the old password",
        "logged jmartin off rds02, lockouts stopped",
        "noted in the ticket for nigel, not touching GPO now",
        "kept the old carrier range in the firewall for now in case.",
      ]),
    );
    const done = account.actions.filter((a) => a.state === "done").map((a) => a.text);
    expect(done.some((t) => /logged jmartin off/i.test(t))).toBe(true);
    expect(done.filter((t) => /not touching|kept the old/i.test(t))).toEqual([]);
  });
});

describe("a cause confirmed while the fix waits on the client's approval", () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 10, minute));
  const session = (lines: string[]) => ({
    id: "approval",
    ticket: { id: "TKT-1", company: "Elm St Dental", contact: "Derek Lin" },
    engineer: { name: "Sam Reyes" },
    status: "active" as const,
    startedAt: at(0),
    now: at(30),
    pauses: [],
    messages: lines.map((text, i) => ({ at: at(i + 1), author: "engineer" as const, text })),
    previousUpdates: [],
  });

  it("is identified and waits on the client, named; nothing changed is never implementing", () => {
    const account = buildSessionAccount(
      session([
        "Users at the Elm St office get a certificate warning on the VPN portal since this morning.",
        "Checked the FortiGate: the SSL VPN certificate expired at midnight. That's the cause.",
        "Havent changed anything yet - need Derek's approval before we buy the renewal.",
      ]),
    );
    expect(account.stage).toBe("identified");
    expect(account.cause?.text).toBe("The SSL VPN certificate expired at midnight");
    expect(account.cause?.sources).toEqual(["m2"]);
    expect(account.waitingOn).toMatchObject({ on: "client", who: "Derek", sources: ["m3"] });
  });

  it("is implementing once the engineer says the change is made", () => {
    const account = buildSessionAccount(
      session([
        "Users at the Elm St office get a certificate warning on the VPN portal since this morning.",
        "Checked the FortiGate: the SSL VPN certificate expired at midnight. That's the cause.",
        "Havent changed anything yet - need Derek's approval before we buy the renewal.",
        "Derek approved. Bought the renewal and imported the new certificate on the FortiGate, rebinding it to the portal now.",
      ]),
    );
    expect(account.stage).toBe("implementing");
    expect(account.waitingOn).toBeNull();
  });
});
