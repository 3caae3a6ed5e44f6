import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { userInfo } from "node:os";

/**
 * The signed-in user's full name from the system (the GECOS field of
 * /etc/passwd on Linux, `id -F` on macOS), or undefined when the system has
 * none: an account name such as "root" is not a person to sign an email.
 */
export function osFullName(): string | undefined {
  let username: string;
  try {
    username = userInfo().username;
  } catch {
    return undefined;
  }
  const name = process.platform === "darwin" ? macFullName() : passwdFullName(username);
  if (!name || name.toLowerCase() === username.toLowerCase()) return undefined;
  return name;
}

/** The GECOS full name for a user in passwd-format text (first comma-separated field). */
export function fullNameFromPasswd(passwd: string, username: string): string | undefined {
  for (const line of passwd.split("\n")) {
    const fields = line.split(":");
    if (fields[0] !== username) continue;
    const name = (fields[4] ?? "").split(",")[0]!.trim();
    return name || undefined;
  }
  return undefined;
}

function passwdFullName(username: string): string | undefined {
  try {
    return fullNameFromPasswd(readFileSync("/etc/passwd", "utf8"), username);
  } catch {
    return undefined;
  }
}

function macFullName(): string | undefined {
  const out = spawnSync("id", ["-F"], { encoding: "utf8", timeout: 2_000 });
  return out.status === 0 ? out.stdout.trim() || undefined : undefined;
}
