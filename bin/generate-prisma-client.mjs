// `npm ci` (postinstall): generates the Prisma client into src/generated/prisma,
// only when the schema or the Prisma version changed since the last run. npm
// also runs this when `npx flowpilot` links the project into its cache, so it
// must be cheap and leave an up-to-date client untouched.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { ROOT } from "./ensure-built.mjs";

const require = createRequire(import.meta.url);
const schema = readFileSync(join(ROOT, "prisma/schema.prisma"));
const version = require("prisma/package.json").version;
const fingerprint = createHash("sha256").update(version).update("\0").update(schema).digest("hex");
const stamp = join(ROOT, "src/generated/prisma/.schema-fingerprint");

if (
  existsSync(stamp) &&
  readFileSync(stamp, "utf8") === fingerprint &&
  existsSync(join(ROOT, "src/generated/prisma/client.ts"))
) {
  process.exit(0);
}
const run = spawnSync(process.execPath, [require.resolve("prisma/build/index.js"), "generate"], {
  cwd: ROOT,
  stdio: "inherit",
});
if (run.status !== 0) process.exit(run.status ?? 1);
writeFileSync(stamp, fingerprint);
