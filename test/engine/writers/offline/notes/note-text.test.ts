import { describe, expect, it } from "vitest";
import type { Wait } from "../../../../../src/engine/account/session-account.ts";
import { generateStatusUpdate } from "../../../../../src/engine/generate.ts";
import type { NoteLine } from "../../../../../src/engine/writers/offline/notes/note-lines.ts";
import { lineText, standingWaitText } from "../../../../../src/engine/writers/offline/notes/note-text.ts";
import { waitOwner } from "../../../../../src/engine/writers/offline/notes/wait-owner.ts";
import { chatSession } from "../../../../support/chat-session.ts";

const line = (text: string, author: NoteLine["author"] = "engineer"): NoteLine => ({
  kind: "finding",
  text,
  index: 0,
  author,
});

describe("a note line as the notes say it", () => {
  it("opens on what it says, not on the chat before it ('Yep,', 'Ok so', 'Hmm,', 'ffs')", () => {
    expect(lineText(line("Yep, 4G provider blocks outbound 25"))).toBe("4G provider blocks outbound 25");
    expect(lineText(line("ok so what's eating 10TB. treesize on E: running"))).toBe(
      "What's eating 10TB. treesize on E: running",
    );
    expect(lineText(line("Hmm, licence not applied after 5 min"))).toBe("Licence not applied after 5 min");
    expect(lineText(line("So not a group thing"))).toBe("Not a group thing");
    // A bullet stands alone: the "but" or "and" that tied it to the line before goes.
    expect(lineText(line("But the policy is our global template, 40+ clients on it"))).toBe(
      "The policy is our global template, 40+ clients on it",
    );
    expect(lineText(line("and firmware was the 28th, chris's change the 2nd"))).toBe(
      "Firmware was the 28th, chris's change the 2nd",
    );
  });

  it("leaves a reaction out of the notes, under any heading ('Not great not awful')", async () => {
    const update = await generateStatusUpdate(
      chatSession([
        "guests on the taproom wifi get no address on busy nights, staff fine",
        "dnsmasq log: 'no address available' x212 on friday night",
        "not great not awful",
        "not RF, signal fine at the bar",
        "moved guests to their own network with a /22 pool, 1h leases",
      ]),
      { audience: "ticket_notes", length: "detailed" },
    );
    expect(update.content).toMatch(/no address available/);
    expect(update.content).not.toMatch(/not great not awful/i);
  });

  it("keeps a line that is only chat as it is, and a client's thanks goes before what they report", () => {
    expect(lineText(line("ok"))).toBe("Ok");
    expect(lineText(line("Ok thanks, he's logged in on his phone and can see it all", "client"))).toBe(
      "Client: He's logged in on his phone and can see it all",
    );
  });
});

describe("the wait a note stands on", () => {
  const wait = (text: string, at: number, on: Wait["on"] = "client", who?: string): Wait => ({
    text,
    sources: [`m${at}`],
    at: new Date(Date.UTC(2026, 2, 19, 3, at)),
    on,
    who,
    blocksFix: false,
    open: true,
  });

  it("says what is awaited: where the standing wait names only the party, the latest earlier wait on them that says more", () => {
    const asked = wait(
      "emailed nick: decide by fri 12pm whether to buy one more seat or archive ashleigh's mail",
      3,
      "client",
      "Nick",
    );
    const refused = wait("not touching ashleigh's licence till nick decides", 4, "client", "Nick");
    const bare = wait("waiting on nick", 5, "client", "Nick");
    expect(standingWaitText(bare, [asked, refused, bare])).toMatch(
      /decide by fri 12pm whether to buy one more seat/,
    );
    // A wait that says what it is for stands as it is; a process's last reading too, however short.
    expect(standingWaitText(asked, [asked, bare])).toMatch(/^Emailed nick: decide by fri/i);
    const merge = wait("merge 79%", 6, "process");
    expect(
      standingWaitText(merge, [
        wait("merge 31%. ~13% per half hour -> maybe 2.5h more", 2, "process"),
        merge,
      ]),
    ).toBe("Merge 79%");
  });

  it("names the contact, not her possessive typed without its apostrophe ('till claires replies come in')", () => {
    const w = wait("pausing till claires replies come in at 2", 7, "client", "Claires");
    expect(waitOwner(w, { contact: "Claire Denby" })).toBe("the client (Claire)");
  });
});
