import { beforeAll, describe, expect, it } from "vitest";
import { readSessionWithAccount, type SessionAccount } from "../../../../src/engine/account/index.ts";
import { generateStatusUpdate } from "../../../../src/engine/generate.ts";
import { redactSnapshot } from "../../../../src/engine/intake/redact-session.ts";
import type { SessionSnapshot } from "../../../../src/engine/types.ts";
import { readNoteLines } from "../../../../src/engine/writers/offline/notes/account-lines.ts";
import type {
  NoteKind,
  NoteLine,
  NoteLines,
} from "../../../../src/engine/writers/offline/notes/note-lines.ts";
import { noteParts } from "../../../../src/engine/writers/offline/notes/note-parts.ts";
import { chatSession } from "../../../support/chat-session.ts";
import {
  LABELLED_SETS,
  type LabelledSession,
  loadLabelledSessions,
  matches,
} from "../../account/support/labelled-accounts.ts";

/** Headings of the log of work done, and of its checks. */
const DONE_HEADINGS = ["Steps completed", "Steps tried", "Investigation steps", "Verification"];
/** A step done to prepare the one still ahead: "created the library now so tonight is just the move". */
const LEAVES_FOR_LATER = /\bso (?:tonight|tomorrow|later|next)\b|\b(?:tonight|tomorrow) is (?:just )?the\b/i;
/** Line kinds that claim an action was completed (made or undone); work under way or failed claims no result. */
const ACTION_KINDS: readonly NoteKind[] = ["done", "change", "reverted"];
/** Line kinds that say work was done or found. */
const WORK_KINDS: readonly NoteKind[] = [...ACTION_KINDS, "under_way", "failed", "finding", "ruled_out"];

/** The notes' sections: heading → its bullets ("- " stripped). */
function sectionsOf(content: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const line of content.split("\n")) {
    const heading = /^\*\*([^*:]+):\*\*$/.exec(line);
    if (heading) {
      current = [];
      out.set(heading[1]!, current);
    } else if (line.startsWith("**")) current = null;
    else if (current && line.startsWith("- ")) current.push(line.slice(2));
  }
  return out;
}

const allBullets = (sections: Map<string, string[]>) => [...sections.values()].flat();

/** A bullet's own words: without who did it, the client mark, or the wait's lead. */
function bulletWords(bullet: string): string {
  return bullet
    .replace(/ \(by (?:the client|the vendor|a colleague)\)$/, "")
    .replace(/^Client: /, "")
    .replace(/^Waiting on [^:]+?(?: \([^)]*\))?: /, "");
}

const MARKER = /\[[^\]]*(?:removed|redacted)\]/;

/** The stretches of a bullet written as the session said them: its sentences, without replaced secrets. */
function ownParts(text: string): string[] {
  return text
    .split(/(?<=[.!?]['"’”)]?)\s+/)
    .flatMap((sentence) => sentence.split(MARKER))
    .map((part) =>
      part
        .trim()
        .replace(/[.!?]+$/, "")
        .trim(),
    )
    .filter((part) => part.length > 0);
}

interface Case {
  set: string;
  name: string;
  label: LabelledSession["label"];
  session: SessionSnapshot;
  account: SessionAccount;
  /** The session's message texts as the writers see them (secrets already replaced). */
  texts: string[];
  detailed: string;
  quick: string;
  /** The session's lines as the detailed notes file them. */
  lines: NoteLines;
  context: string;
}

const cases: Case[] = [];

beforeAll(async () => {
  for (const set of Object.keys(LABELLED_SETS)) {
    for (const c of loadLabelledSessions(set)) {
      const redacted = await redactSnapshot(c.session);
      const { account } = await readSessionWithAccount(redacted);
      const detailed = await generateStatusUpdate(c.session, {
        audience: "ticket_notes",
        length: "detailed",
      });
      const quick = await generateStatusUpdate(c.session, { audience: "ticket_notes", length: "quick" });
      cases.push({
        set,
        name: c.name,
        label: c.label,
        session: c.session,
        account,
        texts: redacted.messages.map((m) => m.text),
        lines: noteParts(account, readNoteLines(account)).lines,
        detailed: detailed.content,
        quick: quick.content,
        context: detailed.context,
      });
    }
  }
}, 120_000);

/**
 * Lines whose words name an action without claiming it: a message sent to the client ("Sent Kiran: '… once
 * that's done …'"), bookkeeping about it ("Reminder set thu 9am to verify in xero"), or a check or a
 * plan written up ("Checked the job settings …", "Prepped the steps in CHG-2291: import cert, …").
 */
const REPORTS_ONLY =
  /^(?:sent|told|messaged|emailed)\b[^:]{0,40}:\s*['"‘“]|^(?:reminder|logged|noted|checked|prepped|prepared|drafted)\b/i;

describe("ticket notes written from the session account, over every labelled session", () => {
  it("reads labelled sessions", () => {
    expect(cases.length).toBeGreaterThan(50);
  });

  // The labels' keywords also match neighbours ("Renamed the old OST" for "rename the Outlook key"), so
  // the notes are held to adding no such claim of their own: a not-done item may sit under a heading of
  // work done only where the account itself reads an action naming it as done.
  it("files no action the labels say was not done as an action taken, beyond what the account reads as done", () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const c of cases) {
      const doneByAccount = c.account.actions.filter((a) => a.state === "done").map((a) => a.text);
      for (const notDone of c.label.not_done) {
        checked += 1;
        if (doneByAccount.some((t) => matches(t, notDone.keywords))) continue;
        // Verification lines report test results ("dkim=none"), which name actions without claiming them.
        for (const kind of ACTION_KINDS)
          for (const line of c.lines[kind])
            if (
              matches(line.text, notDone.keywords) &&
              !REPORTS_ONLY.test(line.text) &&
              !LEAVES_FOR_LATER.test(line.text)
            )
              wrong.push(`${c.name}: "${notDone.text}" filed as ${kind}: ${line.text}`);
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(wrong).toEqual([]);
  });

  it("never lists the assistant's advice as work done", () => {
    const wrong: string[] = [];
    for (const c of cases) {
      const advice = new Set(
        c.account.statements.filter((s) => s.author === "assistant").map((s) => s.text.replace(/[.!]+$/, "")),
      );
      const sections = sectionsOf(c.detailed);
      for (const heading of DONE_HEADINGS)
        for (const bullet of sections.get(heading) ?? [])
          if (advice.has(bulletWords(bullet))) wrong.push(`${c.name}: ${heading}: ${bullet}`);
    }
    expect(wrong).toEqual([]);
  });

  it("writes ruled-out hypotheses in the engineer's own words, negations kept", () => {
    const reworded: string[] = [];
    let ruledOut = 0;
    for (const c of cases) {
      const said = c.texts.join("\n").toLowerCase();
      for (const bullet of sectionsOf(c.detailed).get("Ruled out") ?? []) {
        ruledOut += 1;
        // A short reply is written after the statement it answers ("… checked that earlier. Not it");
        // the guardrails may replace more than the intake did, so the words around a marker are compared.
        for (const part of ownParts(bulletWords(bullet)))
          if (!said.includes(part.toLowerCase())) reworded.push(`${c.name}: ${bullet}`);
      }
    }
    expect(ruledOut).toBeGreaterThan(20);
    expect(reworded).toEqual([]);
  });

  it("lists no greeting and no chat as a bullet", () => {
    const chat: string[] = [];
    for (const c of cases) {
      const greetings = new Set(
        c.account.statements.filter((s) => s.act === "greeting").map((s) => s.text.replace(/[.!]+$/, "")),
      );
      for (const bullet of allBullets(sectionsOf(c.detailed))) {
        const words = bulletWords(bullet);
        if (
          greetings.has(words) ||
          /^(?:hi|hello|hey|good (?:morning|afternoon)|thanks|thank you)\b/i.test(words)
        )
          chat.push(`${c.name}: ${bullet}`);
      }
    }
    expect(chat).toEqual([]);
  });

  it("lists no bare fragment ('Done', 'Not needed', 'Actually no, scratch that') as a line of its own", () => {
    const bare: string[] = [];
    for (const c of cases)
      for (const [heading, bullets] of sectionsOf(c.detailed)) {
        if (heading === "Ruled out" || heading === "Pending") continue;
        for (const bullet of bullets) {
          const words = bulletWords(bullet);
          const named = /\d|['"‘“]|\b(?:[A-Za-z]*[a-z][A-Z]\w*|[A-Za-z]+\d\w*|[A-Z]{2,}s?)\b/.test(words);
          if (
            /^(?:actually no, )?scratch that\W*$|^(?:done|not needed|nope|ok)\W*$/i.test(words) ||
            (words.split(/\s+/).length <= 2 && !named)
          )
            bare.push(`${c.name} [${heading}]: ${bullet}`);
        }
      }
    expect(bare).toEqual([]);
  });

  it("ends every bullet where a sentence or clause of the session ends, never mid-sentence", () => {
    const cut: string[] = [];
    for (const c of cases) {
      const said = c.texts.map((t) => t.toLowerCase());
      for (const bullet of allBullets(sectionsOf(c.detailed))) {
        const words = bulletWords(bullet).toLowerCase();
        if (/[.!?'"`)\]]$/.test(words)) continue;
        const tail = ownParts(words).at(-1)!.slice(-24);
        const endsThere = said.some((text) => {
          for (let at = text.indexOf(tail); at >= 0; at = text.indexOf(tail, at + 1)) {
            const next = text.slice(at + tail.length);
            // The notes drop chat after a line ("lol", ":eyes:", "??"): the line still ends where the session's does.
            if (
              /^(?:$|[.!?;:,)\n…]|\s+[-—–]|\s+\.\.\.|\s*\p{Extended_Pictographic}|\s+(?:lol|lmao|haha|ugh|obvs|tbh|smh|fml)\b|\s*:[a-z_+-]+:|\s*\?{2,}|\s*!{2,})/u.test(
                next,
              )
            )
              return true;
          }
          return false;
        });
        if (!endsThere) cut.push(`${c.name}: ${bullet}`);
      }
    }
    expect(cut).toEqual([]);
  });

  it("files what the client or anyone else was told as communication, and a reply quoted as it came never as work or a cause ruled out", () => {
    const misfiled: string[] = [];
    let told = 0;
    for (const c of cases)
      for (const [kind, lines] of Object.entries(c.lines) as [NoteKind, NoteLine[]][])
        for (const { text } of lines) {
          if (/^(?:sent|told|emailed|messaged)\b[^:]{0,40}:\s*['"‘“]/i.test(text)) {
            if (kind === "contact") told += 1;
            else if (kind !== "wait" && kind !== "problem") misfiled.push(`${c.name} [${kind}]: ${text}`);
          } else if (
            // "Events: 'AP-08 was disconnected' …" quotes a log, not a person.
            /^(?!(?:Events?|Logs?|Errors?|Output|Status|Results?|Alerts?|Warnings?|Message|Subject)\b)[A-Z][a-z]+: ['"‘“]/.test(
              text,
            ) &&
            WORK_KINDS.includes(kind)
          )
            misfiled.push(`${c.name} [${kind}]: ${text}`);
        }
    expect(told).toBeGreaterThan(30);
    expect(misfiled).toEqual([]);
  });

  it("lists a step the engineer holds back from under Not done yet, not as a cause ruled out", () => {
    const declined =
      /^(?:(?:so|and|but|yeah|ok|also)\s+)*(?:not|never)\s+(?:(?:going to|gonna)\s+\w+|doing|touching|chasing|contacting|removing|isolating|buying|changing|restarting|running (?:that|this|it))\b/i;
    const ruledOut: string[] = [];
    let held = 0;
    for (const c of cases) {
      const sections = sectionsOf(c.detailed);
      ruledOut.push(
        ...(sections.get("Ruled out") ?? []).filter((b) => declined.test(b)).map((b) => `${c.name}: ${b}`),
      );
      held += (sections.get("Not done yet") ?? []).filter((b) => declined.test(b)).length;
    }
    expect(held).toBeGreaterThan(5);
    expect(ruledOut).toEqual([]);
  });

  it("files as a failed attempt only a line that says what did not work", () => {
    const silent: string[] = [];
    let failed = 0;
    const saysSo =
      /\b(?:didn'?t|did not|doesn'?t|won'?t|couldn'?t|can'?t|no (?:change|difference|luck)|same|still|fail\w*|errors?|rejected|refused|denied|timed? out|not (?:fixed|resolved|working))\b|->|^tried\b/i;
    for (const c of cases)
      for (const { text } of c.lines.failed) {
        failed += 1;
        if (!saysSo.test(text)) silent.push(`${c.name}: ${text}`);
      }
    expect(failed).toBeGreaterThan(20);
    expect(silent).toEqual([]);
  });

  it("names whom the work waits on whenever the account has an open wait", () => {
    const unnamed: string[] = [];
    let waiting = 0;
    for (const c of cases) {
      const wait = c.account.waitingOn;
      if (!wait || c.context === "resolution") continue;
      waiting += 1;
      const line = c.detailed.split("\n").find((l) => l.startsWith("**Waiting on: "));
      const party = /^\*\*Waiting on: (?:the client|the vendor|our team|a process to finish)\b/;
      if (!line || !party.test(line)) unnamed.push(`${c.name}: ${line ?? "no Waiting on line"}`);
      // The person the labels name is named when the account read the same person.
      const who = c.label.waiting_on?.who;
      if (line && who && wait.who?.toLowerCase() === who.toLowerCase() && !line.includes(`(${wait.who})`))
        unnamed.push(`${c.name}: ${who} not named: ${line}`);
      if (!/Waiting on /.test(c.quick)) unnamed.push(`${c.name}: quick note: ${c.quick}`);
    }
    expect(waiting).toBeGreaterThan(20);
    expect(unnamed).toEqual([]);
  });

  it("starts the reported issue with the report, not the ticket id the note is filed on", () => {
    const led = cases.filter((c) => {
      const id = c.session.ticket.id;
      const issue = /\*\*Reported issue:\*\*\n(.*)/.exec(c.detailed)?.[1] ?? "";
      return Boolean(id) && issue.slice(0, 50).includes(id!);
    });
    expect(led.map((c) => c.name)).toEqual([]);
  });

  it("never ends a quick note's sentence with doubled marks ('?.', '..')", () => {
    const doubled = cases
      .filter((c) => /[?!]\.|\.\.(?!\.)/.test(c.quick))
      .map((c) => `${c.name}: ${c.quick}`);
    expect(doubled).toEqual([]);
  });

  it("never gives a question or a step held back as a quick note's key fact", () => {
    const weak: string[] = [];
    let read = 0;
    for (const c of cases) {
      const core = /^\S+(?: \S+)? — .*?, \d+ min in: (.*?)(?:\. (?:Waiting on|Next:)|\.$)/.exec(c.quick)?.[1];
      if (!core || core.startsWith("cause: ")) continue;
      read += 1;
      // "no cause found yet (not the firewall; …)": what was ruled out, never a step someone turned down.
      const narrowed = /^no cause found yet \((.*)\)$/.exec(core)?.[1];
      if (narrowed !== undefined) {
        if (/\?|\b(?:not comfortable|won'?t|refuses?|declined?|not (?:going to|gonna))\b/i.test(narrowed))
          weak.push(`${c.name}: ${core}`);
      } else if (/\?/.test(core) || /^(?:not|no|leaving|cant|can't|won't)\b/i.test(core))
        weak.push(`${c.name}: ${core}`);
    }
    expect(read).toBeGreaterThan(20);
    expect(weak).toEqual([]);
  });

  it("keeps quick notes to whole sentences within a ticket summary's length", () => {
    const long: string[] = [];
    for (const c of cases) {
      if (c.quick.length > 700) long.push(`${c.name}: ${c.quick.length} characters`);
      if (!/[.!?]$/.test(c.quick)) long.push(`${c.name}: ends mid-sentence: ${c.quick}`);
    }
    expect(long).toEqual([]);
  });
});

describe("ticket notes of a chatty session", () => {
  const session = () =>
    chatSession(
      [
        "Front desk printer shows offline for everyone since 8am, HP M404 on FD-PRN01.",
        "assistant: Check whether the printer answers on the network, then restart the spooler on the print server.",
        "hi Derek, thanks for the call earlier, looking at it now",
        "Pinged FD-PRN01 from the server - no reply.",
        "Grabbing a spare cable from hannah's office, sec",
        "brb coffee",
        "Swapped the patch cable at the printer, it answers ping again.",
        "not sure its related but the switch port shows errors",
        "Restarted the spooler on PRINT01, test page printed.",
        "assistant: Consider replacing the switch port as well and check its error counters tomorrow.",
      ],
      {
        ticket: {
          id: "T-2001",
          summary: "Front desk printer offline",
          company: "Harbor Dental",
          contact: "Derek Lowe",
        },
      },
    );

  it("leaves out the greeting and the chatter and keeps the work and the hedge as written", async () => {
    const notes = await generateStatusUpdate(session(), { audience: "ticket_notes", length: "detailed" });
    const bullets = allBullets(sectionsOf(notes.content)).join("\n");
    expect(notes.content).not.toMatch(/hi Derek|thanks for the call/i);
    expect(bullets).not.toMatch(/hannah|coffee|brb/i);
    expect(bullets).toMatch(/Swapped the patch cable at the printer, it answers ping again/);
    expect(bullets).toMatch(/Restarted the spooler on PRINT01, test page printed/);
    // The hedge keeps its "not sure": never turned into "Sure its related".
    expect(notes.content).not.toMatch(/(?<!not )\bsure its related/i);
  });

  it("does not suggest what the engineer already did, and shows other advice only as not yet done", async () => {
    const notes = await generateStatusUpdate(session(), { audience: "ticket_notes", length: "detailed" });
    const sections = sectionsOf(notes.content);
    const suggested = (sections.get("Suggested (not yet done)") ?? []).join("\n");
    expect(suggested).not.toMatch(/spooler/i);
    for (const heading of DONE_HEADINGS)
      expect((sections.get(heading) ?? []).join("\n"), heading).not.toMatch(/Consider replacing/i);
  });
});

describe("ticket notes of a session held for an approval", () => {
  const session = () =>
    chatSession(
      [
        "SQL01 at Brightline is running out of disk, D: at 98%, the app is throwing write errors.",
        "assistant: Check what is using the space on D: and whether the transaction logs are growing.",
        "TreeSize: the log file for ClinicDB is 180 GB, recovery model FULL, no log backups since March.",
        "not sure its related but the backup agent was updated last week",
        "Havent changed anything yet",
        "need faith's ok to shut down SQL01 before I shrink the log",
      ],
      {
        ticket: {
          id: "T-77",
          summary: "SQL server disk full",
          company: "Brightline",
          contact: "Faith Moore",
        },
      },
    );

  it("keeps the approval it waits for, names whom it waits on, and lists nothing as changed", async () => {
    const notes = await generateStatusUpdate(session(), { audience: "ticket_notes", length: "detailed" });
    const sections = sectionsOf(notes.content);
    expect(notes.content).toMatch(/^\*\*Waiting on: the client \(Faith\) - .*shut down SQL01/m);
    // Said once, on the header's Waiting on line: the Pending list holds only the other waits.
    expect(notes.content).toMatch(/need faith's ok to shut down SQL01 before I shrink the log/i);
    expect(allBullets(sections).join("\n")).not.toMatch(/need faith's ok/i);
    for (const heading of DONE_HEADINGS)
      expect(sections.get(heading) ?? [], heading).not.toContainEqual(
        expect.stringMatching(/changed anything/i),
      );
    expect(notes.content).not.toMatch(/(?<!not )\bsure its related/i);
    const quick = await generateStatusUpdate(session(), { audience: "ticket_notes", length: "quick" });
    expect(quick.content).toMatch(/Waiting on the client \(Faith\)/);
  });
});

describe("ticket notes after advice the engineer turned down", () => {
  const notesFor = async (...replies: string[]) => {
    const session = chatSession(
      [
        "Mail from the on-prem loans mailboxes to cloud users is queued since yesterday, 454 4.7.5 on the send connector.",
        "The new certificate is installed but the send connector still references the old issuer.",
        "assistant: As an interim measure you could set RequireTLS to false on the send connector so mail flows while you wait.",
        ...replies,
      ],
      {
        ticket: {
          id: "T-91",
          summary: "Internal mail delayed",
          company: "Pemberton CU",
          contact: "Lorraine Webb",
        },
      },
    );
    const notes = await generateStatusUpdate(session, { audience: "ticket_notes", length: "detailed" });
    return (sectionsOf(notes.content).get("Suggested (not yet done)") ?? []).join("\n");
  };

  it("does not offer it as a step still to take once the engineer has answered, however they answered", async () => {
    const after = "escalated to tier 3, waiting on Mateo";
    expect(await notesFor("no chance. it'd push internal mail in clear", after)).not.toMatch(/RequireTLS/);
    expect(
      await notesFor("the queue is safe for 2 days. not changing the send connector TLS mid-incident", after),
    ).not.toMatch(/RequireTLS/);
    expect(await notesFor("relaxing TLS mid-incident would make it worse. no", after)).not.toMatch(
      /RequireTLS/,
    );
    // Taken or not, the engineer moved on: the notes do not guess which.
    expect(await notesFor("queue at 471 now", after)).not.toMatch(/RequireTLS/);
    // Advice that is still the last word stays listed as not yet done.
    expect(await notesFor()).toMatch(/RequireTLS/);
  });
});

describe("ticket notes after a plan the engineer took back", () => {
  it("does not list it as a next step, whether taken back in the same breath or turned down later", async () => {
    const session = chatSession(
      [
        "Sage won't open at month end, SQL error 9002: the transaction log is full and F: has 0 bytes free.",
        "quickest space: F:\\SageBackups has 22GB of old .baks. could just delete those",
        "those nightly backups are the only copies outside the vault. not deleting backups on month end",
        "was going to shrink the log straight away - actually no, scratch that, their partner has to agree",
        "was going to bump the AP03 tx power",
        "actually no, scratch that",
        "going to expand the managed disk to 256GB next",
      ],
      { ticket: { id: "T-92", summary: "Sage won't open", company: "Kestrel Foods", contact: "Paula Hart" } },
    );
    const notes = await generateStatusUpdate(session, { audience: "ticket_notes", length: "detailed" });
    const next = (sectionsOf(notes.content).get("Next steps") ?? []).join("\n");
    expect(next).toMatch(/expand the managed disk/i);
    expect(next).not.toMatch(/delete those|shrink the log|AP03/i);
  });
});

describe("ticket notes of a step that did not help", () => {
  const session = () =>
    chatSession(
      [
        "Reception card reader not detected on FD-PC2 since this morning, device manager shows code 43.",
        "assistant: Check Device Manager and try another port.",
        "moved it to the rear usb port, same code 43",
        "reinstalled the reader driver 2.1 and rebooted FD-PC2",
        "still code 43. didnt help",
        "update history clean, nothing installed since 2 feb",
      ],
      { ticket: { id: "TKT-51", company: "Harrow Dental", contact: "Lena Ortiz" } },
    );

  it("logs the steps and what they showed in the order they happened, the verdict after the step it judges", async () => {
    const notes = await generateStatusUpdate(session(), { audience: "ticket_notes", length: "detailed" });
    const steps = sectionsOf(notes.content).get("Steps completed") ?? [];
    const at = (pattern: RegExp) => steps.findIndex((b) => pattern.test(b));
    expect(at(/rear usb port/i)).toBeGreaterThanOrEqual(0);
    expect(at(/reinstalled the reader driver/i)).toBeGreaterThan(at(/rear usb port/i));
    expect(at(/didnt help/i)).toBe(at(/reinstalled the reader driver/i) + 1);
    expect(at(/update history/i)).toBeGreaterThan(at(/didnt help/i));
    expect(notes.content).toMatch(/^\*\*Status: Investigating\*\*/m);
  });
});

describe("ticket notes of pasted output and what it shows", () => {
  const session = () =>
    chatSession(
      [
        "Helen (FD): 'the new apprentice can open the Payroll folder on the S drive'",
        "icacls D:\\Shares\\Company\\Finance -> BUILTIN\\Administrators:(I)(OI)(CI)(F). CEW\\Domain Users:(I)(OI)(CI)(M). so not a group thing",
        "everything (I) = inherited, Finance-RW gone entirely, inheritance back on. domain users Modify. so the whole company can read AND write payroll. brilliant",
        "checked HR and Directors too - same, all inherited from the root",
        "icacls D:\\Restore\\Finance /save acl.txt -> CREATOR OWNER:(I)(OI)(CI)(IO)(F). Successfully processed 1 files; Failed processing 0 files",
      ],
      { ticket: { id: "TKT-9", company: "Cedar Works", contact: "Helen Marsh" } },
    );

  it("keeps a message's lines together in one bullet, and lists as ruled out only what the words rule out", async () => {
    const notes = await generateStatusUpdate(session(), { audience: "ticket_notes", length: "detailed" });
    const sections = sectionsOf(notes.content);
    const steps = sections.get("Steps completed") ?? [];
    expect(steps).toContainEqual(
      expect.stringMatching(/CREATOR OWNER:\(I\).*Successfully processed 1 files/),
    );
    expect(steps).toContainEqual(
      expect.stringMatching(/inheritance back on\. So the whole company can read/),
    );
    expect(sections.get("Ruled out")).toEqual(["Not a group thing"]);
  });
});

describe("a quick note with no cause yet", () => {
  it("says what has been ruled out rather than whichever line came last", async () => {
    const quick = await generateStatusUpdate(
      chatSession(
        [
          "Remote desktop logons take 3-5 minutes for some users since last week",
          "profile sizes: sophie 27.8 GB, dani 9 GB, everyone else ~6 GB. but dani is 9 GB and slow too so size isnt the whole story",
          "CU went on all hosts on the 12th. qr-avd-3 never got it and is just as slow, so not the CU",
          "defender exclusions applied on all 4 per MDE",
        ],
        { ticket: { id: "TKT-7", company: "Quarry Row", contact: "Ben Harlow" } },
      ),
      { audience: "ticket_notes", length: "quick" },
    );
    expect(quick.content).toMatch(/in: no cause found yet \(.*not the CU/);
    expect(quick.content).not.toMatch(/per MDE/);
  });
});

describe("ticket notes after a flat no to the assistant", () => {
  it("lists neither the advice nor the bare no as work", async () => {
    const notes = await generateStatusUpdate(
      chatSession(
        [
          "QuickBooks H202 on every workstation since the file server move last night",
          "assistant: You could turn off the Windows firewall on the server to test.",
          "absolutely not. opened 8019 and 55383 inbound on MRL-FS02 instead",
          "Tea, 15 min",
          "assistant: You could also bypass the TPM check with the LabConfig registry keys.",
          "tempting but thats a change to an unsupported config, no",
          "nope same H202 from donna's pc",
        ],
        { ticket: { id: "TKT-5", company: "Marlow Retail", contact: "Donna Price" } },
      ),
      { audience: "ticket_notes", length: "detailed" },
    );
    const bullets = allBullets(sectionsOf(notes.content)).join("\n");
    expect(bullets).not.toMatch(/absolutely not|tempting but|^Tea/im);
    expect(bullets).not.toMatch(/turn off the Windows firewall/i);
    expect(bullets).toMatch(/opened 8019 and 55383 inbound/i);
  });

  it("drops a 'No. …' answering the assistant, not a 'no' that reports a result", async () => {
    const notes = await generateStatusUpdate(
      chatSession(
        [
          "MD lost his work phone abroad, cant do MFA",
          "assistant: You could exclude him from MFA until he is back.",
          "No. MD of a wealth manager abroad with a lost phone is the last account i'm taking MFA off",
          "no errors in the sign-in logs since the TAP, authenticator on the new phone registered 08:14",
        ],
        { ticket: { id: "TKT-8", company: "Greyfriars WP", contact: "Nadia Bell" } },
      ),
      { audience: "ticket_notes", length: "detailed" },
    );
    const bullets = allBullets(sectionsOf(notes.content)).join("\n");
    expect(bullets).not.toMatch(/last account i'm taking MFA off/);
    expect(bullets).toMatch(/registered 08:14/);
  });
});

describe("ticket notes of a step and its short verdict", () => {
  it("writes 'nope same' after the step it judges instead of dropping it", async () => {
    const notes = await generateStatusUpdate(
      chatSession(
        [
          "Latitude 5440 won't boot after the overnight BIOS flash, 3 amber 6 white blinks",
          "flea drain: charger off, unplugged the battery cable, held power 30s, reconnected",
          "nope same",
        ],
        { ticket: { id: "TKT-6", company: "Harrow Dental", contact: "Lena Ortiz" } },
      ),
      { audience: "ticket_notes", length: "detailed" },
    );
    expect(sectionsOf(notes.content).get("Steps completed")).toContainEqual(
      expect.stringMatching(/held power 30s, reconnected\. Nope same$/),
    );
  });
});

describe("ticket notes of an opening that relays the client's story", () => {
  it("keeps what the client did, told after their quoted report, in the reported issue, not in our steps", async () => {
    const notes = await generateStatusUpdate(
      chatSession(
        [
          "greyfriars TKT-735 nadia (PA): MD in singapore til 20th, left his work iphone in a taxi, 'it wants the authenticator code'. bought a new phone there",
          "entra: authenticator on the old iphone + the old number, both gone with the phone",
        ],
        { ticket: { id: "TKT-735", company: "Greyfriars WP", contact: "Nadia Bell" } },
      ),
      { audience: "ticket_notes", length: "detailed" },
    );
    const sections = sectionsOf(notes.content);
    expect(notes.content).toMatch(/\*\*Reported issue:\*\*\n.*bought a new phone there/i);
    expect(sections.get("Steps completed") ?? []).not.toContainEqual(
      expect.stringMatching(/bought a new phone/i),
    );
  });
});

describe("a quick note after a fix and some upkeep", () => {
  it("gives the fix as the key fact, not the key rotated after a slip", async () => {
    const quick = await generateStatusUpdate(
      chatSession(
        [
          "Practice app cant reach its database since the storage move, 'login failed for user svc-app'",
          "updated the connection string on APP01 to the new SQL instance and restarted the app service",
          "ugh pasted the sql key in here, rotated the storage key and updated it in itglue",
          "told lena: 'Could you try booking a test appointment and let me know if it saves?'",
        ],
        { ticket: { id: "TKT-9", company: "Harrow Dental", contact: "Lena Ortiz" } },
      ),
      { audience: "ticket_notes", length: "quick" },
    );
    expect(quick.content).toMatch(/in: Updated the connection string/);
  });
});

describe("ticket notes of a cause told only to the client", () => {
  it("says the cause is in the words the client was told", async () => {
    const session = chatSession(
      [
        "Latitude 5440 wont start after the overnight BIOS push, 3 amber 6 white blinks",
        "flea drain, recovery image from usb - nope same",
        "dell tech: system board needs replacing, engineer tomorrow 9-1",
        "told priya: 'Hi Priya, your laptop's main board was damaged because the overnight update was interrupted when the battery ran flat. Dell are replacing it tomorrow morning.'",
      ],
      { ticket: { id: "TKT-6", company: "Harrow Dental", contact: "Priya Shah" } },
    );
    const detailed = await generateStatusUpdate(session, { audience: "ticket_notes", length: "detailed" });
    expect(detailed.content).toMatch(
      /\*\*Cause:\*\*\nAs told to the client: Your laptop's main board was damaged/,
    );
    const quick = await generateStatusUpdate(session, { audience: "ticket_notes", length: "quick" });
    expect(quick.content).toMatch(/cause: as told to the client: Your laptop.s main board/);
  });
});

describe("resolution notes with no cause read", () => {
  it("do not claim that no cause was found", () => {
    const resolved = cases.filter((c) => c.context === "resolution" && !c.account.cause);
    expect(resolved.length).toBeGreaterThan(3);
    for (const c of resolved) {
      expect(c.detailed).toMatch(
        /^\*\*Root cause: Not stated as such in the session; see the steps below\*\*$/m,
      );
      expect(c.detailed).not.toMatch(/not identified/i);
    }
  });
});
