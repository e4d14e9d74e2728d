// The output folder, checked before a kernel starts: a bad --out is one line, not a stack
// trace after the whole notebook ran.
import { accessSync, constants, mkdirSync, rmdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { DataError } from "../errors";

function code(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
}

/** The folders from `dir` up to the first that exists: [existing, ...to create, dir]. */
function chain(dir: string): { existing: string; missing: string[] } {
  const missing: string[] = [];
  let at = resolve(dir);
  for (;;) {
    try {
      statSync(at);
      return { existing: at, missing: missing.reverse() };
    } catch (e) {
      if (code(e) !== "ENOENT") throw new DataError(`--out ${dir}: cannot use ${at} (${code(e)})`);
      const up = dirname(at);
      if (up === at) return { existing: at, missing: missing.reverse() };
      missing.push(at);
      at = up;
    }
  }
}

/** Throws a DataError naming `dir` unless it is (or can be made) a writable folder; creates nothing. */
export function checkOutDir(dir: string): void {
  const { existing, missing } = chain(dir);
  if (!statSync(existing).isDirectory()) {
    throw new DataError(`--out ${dir}: ${existing} is a file, not a folder`);
  }
  try {
    accessSync(existing, constants.W_OK | constants.X_OK);
  } catch (e) {
    throw new DataError(`--out ${dir}: ${existing} is not writable (${code(e)})`);
  }
  // Access bits do not tell all (root, read-only mounts, /proc): try, and undo.
  const probe = missing[0] ?? join(existing, `.analysis-probe-${process.pid}`);
  try {
    if (missing.length > 0) {
      mkdirSync(probe);
      rmdirSync(probe);
    } else {
      writeFileSync(probe, "");
      rmSync(probe);
    }
  } catch (e) {
    throw new DataError(`--out ${dir}: cannot ${missing.length > 0 ? "create a folder" : "write"} in ${existing} (${code(e)})`);
  }
}

/**
 * Creates `dir` one level at a time. Node 20's mkdirSync({recursive}) loops forever on some
 * paths (under /proc, say), so the levels are made here and the first refusal is the error.
 */
export function ensureOutDir(dir: string): void {
  checkOutDir(dir);
  for (const level of chain(dir).missing) {
    try {
      mkdirSync(level);
    } catch (e) {
      if (code(e) !== "EEXIST") throw new DataError(`--out ${dir}: cannot create ${level} (${code(e)})`);
    }
  }
  if (!statSync(dir).isDirectory()) throw new DataError(`--out ${dir}: not a folder`);
}
