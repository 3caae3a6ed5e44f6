import { cp, mkdtemp } from "node:fs/promises";
import { join } from "node:path";
import { inject } from "vitest";

/**
 * A new FLOWPILOT_DATA_DIR holding a migrated embedded database (copied from
 * the run's template: creating one from nothing takes seconds). `empty: true`
 * gives a folder that does not exist yet, for first-start behaviour. Folders
 * live under the run's temporary root, removed when the run ends.
 */
export async function freshDataDir(options: { empty?: boolean } = {}): Promise<string> {
  const parent = await mkdtemp(join(inject("tempRoot"), "data-"));
  const dir = join(parent, "data");
  if (!options.empty) await cp(inject("dataDirTemplate"), dir, { recursive: true });
  return dir;
}

/** A new empty temporary folder under the run's temporary root. */
export function tempDir(prefix = "tmp-"): Promise<string> {
  return mkdtemp(join(inject("tempRoot"), prefix));
}
