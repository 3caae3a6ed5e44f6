import { describe, expect, it } from "vitest";
import { waitWhat } from "../../../../../src/engine/writers/offline/notes/wait-owner.ts";

describe("what a wait is for, in the wait's own words", () => {
  it("drops a lead that repeats the heading, and the person already named", () => {
    expect(waitWhat("waiting on fiona for the go-ahead to reboot", "Fiona")).toBe(
      "for the go-ahead to reboot",
    );
    expect(waitWhat("so waiting on gary's drop log from the afternoon shift", "Gary")).toBe(
      "gary's drop log from the afternoon shift",
    );
  });

  it("starts at the cue when the line opens on something else", () => {
    expect(
      waitWhat(
        "ticket notes: 53003 / HR-Block-NonUK-Locations, waiting on written approval from Robert Halden to add gemma",
      ),
    ).toBe("written approval from Robert Halden to add gemma");
  });

  it("gives the words of an ask, without who was told", () => {
    expect(
      waitWhat("told lena: 'Could you try booking a test appointment and let me know if it saves?'"),
    ).toBe("Could you try booking a test appointment and let me know if it saves?");
  });

  it("keeps the whole line when the rest would say nothing", () => {
    expect(waitWhat("waiting on ardent now", "Ardent")).toBe("waiting on ardent now");
  });
});
