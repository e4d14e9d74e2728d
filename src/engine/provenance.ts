// What a report says about how it was made: file hashes,
// library versions and the git commit.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";


/** The SHA-256 of `bytes` (a string as UTF-8), hex. */
export function sha256(bytes: string | Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The file's SHA-256, hex. */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const block of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(block as Buffer);
  return hash.digest("hex");
}

/** The installed version of a package, found from its entry point (some packages do not export package.json). */
export function packageVersion(name: string): string | undefined {
  try {
    let dir = dirname(require.resolve(name));
    while (dir !== dirname(dir)) {
      const manifest = join(dir, "package.json");
      if (existsSync(manifest)) {
        const pkg = JSON.parse(readFileSync(manifest, "utf8")) as { name?: string; version?: string };
        if (pkg.name === name) return pkg.version;
      }
      dir = dirname(dir);
    }
  } catch {
    // not installed
  }
  return undefined;
}

export function versions(): Record<string, string> {
  const found: Record<string, string> = { node: process.version };
  for (const name of ["tslab", "nodejs-polars", "vega", "vega-lite", "better-sqlite3", "typescript"]) {
    const v = packageVersion(name);
    if (v) found[name] = v;
  }
  return found;
}

/**
 * `abc1234`, `abc1234-dirty` with uncommitted changes, or undefined outside a git checkout. The
 * folders in `besides` (the reports being written) do not make it dirty.
 */
export function gitCommit(cwd = process.cwd(), besides: readonly string[] = []): string | undefined {
  const head = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd, encoding: "utf8" });
  if (head.status !== 0) return undefined;
  const status = spawnSync("git", ["status", "--porcelain", "--untracked-files=no", "--", ".", ...besides.map((p) => `:(exclude)${resolve(p)}`)], { cwd, encoding: "utf8" });
  return head.stdout.trim() + (status.stdout.trim() ? "-dirty" : "");
}
