import { readFileSync } from "node:fs";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildTeamsPackage, TEAMS_MANIFEST_DIR } from "../../../scripts/package-teams.ts";
import { commandsOffered } from "../../../src/chat/commands.ts";
import { APP_ID } from "./support/teams-harness.ts";

const template = JSON.parse(readFileSync(join(TEAMS_MANIFEST_DIR, "manifest.json"), "utf8"));

/**
 * Commands Teams does not suggest (a command list holds at most 12): still
 * typed to the bot, and listed by help.
 */
const TYPED_ONLY = ["member"];

/** Width, height, colour type and RGBA pixels of a non-interlaced 8-bit PNG (what scripts/teams-icons.ts writes). */
function readPng(bytes: Uint8Array) {
  const buf = Buffer.from(bytes);
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  const colorType = buf[25];
  const idat: Buffer[] = [];
  for (let at = 8; at < buf.length; ) {
    const length = buf.readUInt32BE(at);
    if (buf.toString("ascii", at + 4, at + 8) === "IDAT") idat.push(buf.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const rows = inflateSync(Buffer.concat(idat));
  const pixel = (x: number, y: number) => [...rows.subarray(y * (1 + width * 4) + 1 + x * 4).subarray(0, 4)];
  return { width, height, colorType, pixel };
}

describe("the Teams app manifest", () => {
  it("uses a current schema, and its manifestVersion is the schema's", () => {
    expect(template.manifestVersion).toBe("1.25");
    expect(template.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${template.manifestVersion}/MicrosoftTeams.schema.json`,
    );
  });

  it("suggests the bot's commands as the code knows them, with the same descriptions", () => {
    const listed = template.bots[0].commandLists[0].commands as { title: string; description: string }[];
    expect(listed.length).toBeLessThanOrEqual(12);
    for (const command of listed) {
      const spec = commandsOffered("teams").find((c) => c.id === command.title);
      expect(spec, `manifest command "${command.title}" is not a FlowPilot command`).toBeDefined();
      expect(command.description).toBe(spec!.description);
    }
    const missing = commandsOffered("teams")
      .map((c) => c.id)
      .filter((id) => !listed.some((l) => l.title === id));
    expect(missing).toEqual(TYPED_ONLY);
  });

  it("lets the bot read the session's thread without a mention (resource-specific consent)", () => {
    expect(template.authorization.permissions.resourceSpecific).toEqual([
      { name: "ChannelMessage.Read.Group", type: "Application" },
      { name: "ChatMessage.Read.Chat", type: "Application" },
    ]);
    expect(template.bots[0].scopes).toEqual(["team", "groupChat", "personal"]);
  });
});

describe("npm run package:teams", () => {
  it("zips the manifest with the app id filled in and the two icons, at the root", () => {
    const files = unzipSync(buildTeamsPackage(APP_ID));
    expect(Object.keys(files).sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    const manifest = new TextDecoder().decode(files["manifest.json"]);
    expect(manifest).not.toContain("{{");
    const parsed = JSON.parse(manifest);
    expect(parsed.id).toBe(APP_ID);
    expect(parsed.bots[0].botId).toBe(APP_ID);
    expect(parsed.webApplicationInfo.id).toBe(APP_ID);

    const color = readPng(files["color.png"]!);
    expect([color.width, color.height, color.colorType]).toEqual([192, 192, 6]);
    expect(color.pixel(0, 0)[3]).toBe(255);
    const outline = readPng(files["outline.png"]!);
    expect([outline.width, outline.height, outline.colorType]).toEqual([32, 32, 6]);
    // Transparent background, white mark: the outline icon's rules.
    expect(outline.pixel(0, 0)[3]).toBe(0);
    const drawn = Array.from({ length: 32 * 32 }, (_, i) => outline.pixel(i % 32, Math.floor(i / 32))).filter(
      (p) => p[3] !== 0,
    );
    expect(drawn.length).toBeGreaterThan(50);
    expect(drawn.every((p) => p[0] === 255 && p[1] === 255 && p[2] === 255)).toBe(true);
  });

  it("refuses to build without the bot's app id", () => {
    expect(() => buildTeamsPackage(undefined)).toThrow(/MicrosoftAppId must be set/);
    expect(() => buildTeamsPackage("not-a-guid")).toThrow(/MicrosoftAppId must be set/);
  });
});
