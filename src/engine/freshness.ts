// When a report is up to date: since its last successful run, the notebook's source, its
// parameters, the library build, the lockfile and the bytes of every file the run read are all
// unchanged. What the run saw is kept in the executed notebook's metadata (`analysis.fingerprint`);
// a file whose size and mtime did not move is not hashed again, and one whose mtime alone moved is
// judged by its bytes.
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import type { ParameterValue } from "./parameters";
import { sha256File } from "./provenance";

/** A file the run read; `bytes: null` when it was looked for and absent (an optional sidecar). */
export interface FileStamp {
  /** Relative to the notebook's folder, as its cells name it. */
  path: string;
  bytes: number | null;
  mtime_ms?: number;
  sha256?: string;
}

export interface Fingerprint {
  notebook_sha256: string;
  /** As given on the command line (the notebook's own defaults are covered by its hash). */
  parameters: Record<string, ParameterValue>;
  /** dist/.build-hash: the library's sources, build config and compiler. */
  library: string;
  lockfile_sha256: string;
  include_code: boolean;
  node: string;
  files: FileStamp[];
}

const ROOT = resolve(__dirname, "..", "..");

function sha256(bytes: Buffer | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function readOr(file: string, fallback: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return fallback;
  }
}

/** The library build the runs use: dist/.build-hash (its sources, build config and compiler), or "unknown". */
export function libraryBuild(): string {
  return readOr(join(ROOT, "dist", ".build-hash"), "unknown");
}

/** Everything but the files, which only a run can name. */
export function baseFingerprint(notebookPath: string, parameters: Record<string, ParameterValue>, includeCode: boolean): Omit<Fingerprint, "files"> {
  return {
    notebook_sha256: sha256(readFileSync(notebookPath)),
    parameters,
    library: libraryBuild(),
    lockfile_sha256: sha256(readOr(join(ROOT, "package-lock.json"), "")),
    include_code: includeCode,
    node: process.version,
  };
}

/** Stamps of the files a run read (absolute paths), for the notebook at `notebookPath`; `known` holds hashes already taken. */
export async function stampFiles(notebookPath: string, files: readonly string[], known: ReadonlyMap<string, string> = new Map()): Promise<FileStamp[]> {
  const base = dirname(resolve(notebookPath));
  const stamps: FileStamp[] = [];
  for (const file of [...new Set(files)].sort()) {
    const path = relative(base, file);
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile()) {
      stamps.push({ path, bytes: null });
      continue;
    }
    stamps.push({ path, bytes: stat.size, mtime_ms: stat.mtimeMs, sha256: known.get(file) ?? (await sha256File(file)) });
  }
  return stamps;
}

/** Why the file no longer matches its stamp, or undefined when its bytes are the same. */
async function fileMoved(base: string, stamp: FileStamp): Promise<string | undefined> {
  const file = resolve(base, stamp.path);
  const shown = relative(process.cwd(), file);
  const stat = statSync(file, { throwIfNoEntry: false });
  if (stamp.bytes === null) return stat ? `${shown} appeared` : undefined;
  if (!stat) return `${shown} is gone`;
  if (stat.size !== stamp.bytes) return `${shown} changed`;
  if (stat.mtimeMs === stamp.mtime_ms) return undefined;
  return (await sha256File(file)) === stamp.sha256 ? undefined : `${shown} changed`;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Why the report must run again, or undefined when it is up to date. */
export async function staleness(previous: Fingerprint | undefined, current: Omit<Fingerprint, "files">, notebookPath: string): Promise<string | undefined> {
  if (previous === undefined) return "no earlier run";
  if (previous.notebook_sha256 !== current.notebook_sha256) return "the notebook changed";
  if (!same(previous.parameters, current.parameters)) return "the parameters changed";
  if (previous.library !== current.library || current.library === "unknown") return "the library changed";
  if (previous.lockfile_sha256 !== current.lockfile_sha256) return "the installed packages changed";
  if (previous.include_code !== current.include_code) return "--no-code changed";
  if (previous.node !== current.node) return "the Node.js version changed";
  const base = dirname(resolve(notebookPath));
  for (const stamp of previous.files) {
    const moved = await fileMoved(base, stamp);
    if (moved) return moved;
  }
  return undefined;
}

/** What the last successful run kept in its executed notebook (NAME.ipynb): when it started, and its fingerprint. */
export function lastRun(executedNotebook: string): { fingerprint?: Fingerprint; started?: string } | undefined {
  try {
    const analysis = (JSON.parse(readFileSync(executedNotebook, "utf8")) as { metadata?: { analysis?: { fingerprint?: Fingerprint; started?: string } } }).metadata?.analysis;
    if (analysis === undefined) return undefined;
    return { ...(analysis.fingerprint ? { fingerprint: analysis.fingerprint } : {}), ...(analysis.started ? { started: analysis.started } : {}) };
  } catch {
    return undefined; // none, or unreadable: run again
  }
}
