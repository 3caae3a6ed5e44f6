/**
 * Builds the Teams app package to upload (Teams admin center, or "Upload a
 * custom app" in Teams): manifest/teams/manifest.json with the bot's app id
 * filled in from MicrosoftAppId, and its two icons, at the root of a zip.
 *   MicrosoftAppId=<guid> npm run package:teams   -> dist/teams/flowpilot-teams.zip
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { zipSync } from "fflate";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const TEAMS_MANIFEST_DIR = join(ROOT, "manifest/teams");
export const TEAMS_PACKAGE = join(ROOT, "dist/teams/flowpilot-teams.zip");
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The zip's bytes for this app id (the Azure Bot's Microsoft App ID). */
export function buildTeamsPackage(appId: string | undefined): Uint8Array {
  if (!appId || !GUID.test(appId))
    throw new Error(
      "MicrosoftAppId must be set to the Azure Bot's Microsoft App ID (a GUID) to build the Teams app package",
    );
  const template = readFileSync(join(TEAMS_MANIFEST_DIR, "manifest.json"), "utf8");
  const manifest = template.replaceAll("{{MicrosoftAppId}}", appId);
  JSON.parse(manifest);
  return zipSync({
    "manifest.json": new TextEncoder().encode(manifest),
    "color.png": readFileSync(join(TEAMS_MANIFEST_DIR, "color.png")),
    "outline.png": readFileSync(join(TEAMS_MANIFEST_DIR, "outline.png")),
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const zip = buildTeamsPackage(process.env.MicrosoftAppId?.trim());
    mkdirSync(dirname(TEAMS_PACKAGE), { recursive: true });
    writeFileSync(TEAMS_PACKAGE, zip);
    console.log(`Teams app package: ${TEAMS_PACKAGE} (${zip.length.toLocaleString("en-US")} bytes)`);
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  }
}
