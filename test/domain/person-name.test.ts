import { describe, expect, it } from "vitest";
import { checkPersonName } from "../../src/domain/person-name.ts";

const reason = (typed: string) => {
  const check = checkPersonName(typed);
  return check.ok ? undefined : check.reason;
};

describe("checkPersonName", () => {
  it.each([
    "Dana Whitfield",
    "Siobhán O'Brien",
    "Aïssata N’Diaye",
    "Jean-Luc Picard",
    "Hendrik van der Berg",
    "J. R. Smith, Jr.",
    "Suharto",
    "Li",
    "Zoë Ørsted-Ålund",
    "Nguyễn Thị Minh Khai",
    "王伟",
    "山田・太郎",
    "Мария Иванова",
    "Αλέξανδρος Παπαδόπουλος",
    "محمد بن سلمان",
    "דוד כהן",
    "राहुल शर्मा",
    "Gal·la Puig",
    "María de los Ángeles Fernández de la Concepción García-Rodríguez",
  ])("accepts %s", (name) => {
    expect(checkPersonName(name)).toEqual({ ok: true, name });
  });

  it("tidies what it accepts: spaces collapsed and trimmed, one Unicode form", () => {
    expect(checkPersonName("  Dana   Whitfield \u00A0")).toEqual({ ok: true, name: "Dana Whitfield" });
    expect(checkPersonName("Zoe\u0308 Smith")).toEqual({ ok: true, name: "Zoë Smith" });
  });

  it.each([
    ["/flowpilot help", /"\/flowpilot help" is a command, not a name/],
    ["/quit", /is a command/],
    ["5", /"5" is a number, not a name/],
    ["", /Nothing was entered/],
    ["   ", /Nothing was entered/],
    ["dana@example.com", /e-mail address/],
    ["https://example.com/dana", /web address/],
    ["www.example.com", /web address/],
    ["Dana\u0007 Whitfield", /control characters/],
    ["\u001b[31mDana\u001b[0m", /control characters/],
    ["Dana\tWhitfield", /control characters/],
    ["Dana\u200BWhitfield", /control characters/],
    ["-- '' ..", /at least two letters/],
    ["J", /at least two letters/],
    ["R2 D2", /no digits/],
    ["Dana Whitfield #sre", /no "#"/],
    ["Dana <dana>", /no "<"/],
    [`Dana ${"Whitfield".repeat(10)}`, /95 characters; a name here has at most 80/],
  ])("refuses %j with one line saying why", (typed, why) => {
    const said = reason(typed);
    expect(said).toMatch(why);
    expect(said).not.toContain("\n");
  });
});
