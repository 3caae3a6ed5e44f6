import { describe, expect, it } from "vitest";
import type { NoteLine } from "../../../../../src/engine/writers/offline/notes/note-lines.ts";
import { lineText } from "../../../../../src/engine/writers/offline/notes/note-text.ts";

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
  });

  it("keeps a line that is only chat as it is, and a client's thanks goes before what they report", () => {
    expect(lineText(line("ok"))).toBe("Ok");
    expect(lineText(line("Ok thanks, he's logged in on his phone and can see it all", "client"))).toBe(
      "Client: He's logged in on his phone and can see it all",
    );
  });
});
