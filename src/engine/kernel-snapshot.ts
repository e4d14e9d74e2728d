// The kernel's V8 startup snapshot (snapshot-entry.ts says what it holds): a kernel started from it
// has tslab's compiler prepared at once instead of preparing it (most of a kernel's start).
//
// One snapshot for the project, built in its notebooks folder, kept in node_modules/.cache/analysis/
// and made on the first run that needs it (about 2.5 s, some 60 MB). Kernels in any folder start
// from it (in the notebooks folder with tslab's converter ready, elsewhere with the declaration
// files parsed). It is used only while it matches what it was built from: this Node.js, the
// snapshot's script, tslab and its TypeScript, the @types packages there are, and the bytes of
// every declaration file the compiler read; otherwise it is made again. JupyterLab's kernels start
// as before, and so does every kernel with ANALYSIS_KERNEL_SNAPSHOT=off, the plain way. Where it
// cannot be built, kernels start as before and the reason is said once.
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { isBuiltin } from "node:module";
import { basename, dirname, join, resolve } from "node:path";
import { writeAtomic } from "../io/atomic";
import { notebooksIn, readNotebook, sourceOf, type Notebook } from "../notebook/notebook";
import { sha256 } from "./provenance";

const ROOT = resolve(__dirname, "..", "..");
/** The snapshot's script as built (from src/ or dist/, as LAUNCHER in kernel.ts), beside the launcher it runs. */
const ENGINE = join(ROOT, "dist", "engine");
const ENTRY = join(ENGINE, "snapshot-entry.js");
export const SNAPSHOT_DIR = join(ROOT, "node_modules", ".cache", "analysis", "kernel-snapshot");

/** What a snapshot was built from; it is used only while all of it is the same. */
interface Stamp {
  node: string;
  execPath: string;
  entry: string;
  tslab: string;
  cwd: string;
  types: string[];
  /** Each declaration file the compiler read, with the SHA-256 of its bytes. */
  files: [string, string][];
  /**
   * The declaration files of the packages the notebooks import, parsed ahead (their text is
   * compared before use, so only their size and time are kept: a change means a new snapshot).
   */
  warm: [string, number, number][];
  /** Whether it keeps the parsed declaration files for kernels in other folders (snapshot-entry.ts). */
  sourceFileCache: boolean;
}

/** What the snapshot's build says of itself (snapshot-entry.ts writes it). */
interface Built {
  files: string[];
  warm: string[];
  sourceFileCache: boolean;
}

/** The folder the project's snapshot is built in: the notebooks'. */
export const SNAPSHOT_HOME = join(ROOT, "notebooks");

function tslabVersions(): string {
  const version = (pkg: string, from = ROOT) => (JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`, { paths: [from] }), "utf8")) as { version: string }).version;
  const tslab = dirname(require.resolve("tslab/package.json", { paths: [ROOT] }));
  return `tslab ${version("tslab")}, typescript ${version("@tslab/typescript-for-tslab", tslab)}`;
}

function typesListing(): string[] {
  try {
    return readdirSync(join(ROOT, "node_modules", "@types")).sort();
  } catch {
    return [];
  }
}

/** The stamp of today's inputs, with the files' list from the snapshot's build. */
function stampNow(cwd: string, { files, warm, sourceFileCache }: Built): Stamp {
  const sizeAndTime = (f: string): [string, number, number] => {
    const s = statSync(f, { throwIfNoEntry: false });
    return s ? [f, s.size, s.mtimeMs] : [f, -1, -1];
  };
  return {
    node: process.version,
    execPath: process.execPath,
    entry: sha256(readFileSync(ENTRY)),
    tslab: tslabVersions(),
    cwd: resolve(cwd),
    types: typesListing(),
    files: files.map((f) => [f, existsSync(f) ? sha256(readFileSync(f)) : "missing"]),
    warm: warm.map(sizeAndTime),
    sourceFileCache,
  };
}

function paths(cwd: string) {
  const key = sha256(`${process.version}\0${process.execPath}\0${resolve(cwd)}`).slice(0, 16);
  return { blob: join(SNAPSHOT_DIR, `${key}.blob`), stamp: join(SNAPSHOT_DIR, `${key}.json`), lock: join(SNAPSHOT_DIR, `${key}.lock`) };
}

/** The snapshot for `cwd` if there is one and it matches what it was built from, else undefined. */
export function currentSnapshot(cwd: string): string | undefined {
  const { blob, stamp } = paths(cwd);
  if (!existsSync(blob) || !existsSync(stamp)) return undefined;
  try {
    const kept = JSON.parse(readFileSync(stamp, "utf8")) as Stamp;
    return JSON.stringify(stampNow(cwd, { files: kept.files.map(([f]) => f), warm: (kept.warm ?? []).map(([f]) => f), sourceFileCache: kept.sourceFileCache })) === JSON.stringify(kept) ? blob : undefined;
  } catch {
    return undefined;
  }
}

let said = false;

/** Says on stderr, once per process, why kernels start without the snapshot. */
function sayOnce(text: string): void {
  if (!said) process.stderr.write(`analysis: ${text}\n`);
  said = true;
}

/** Snapshots of folders that are gone (a test's scratch folder, say): some 60 MB each. */
function removeOrphans(): void {
  for (const name of readdirSync(SNAPSHOT_DIR)) {
    if (!name.endsWith(".json")) continue;
    const stamp = join(SNAPSHOT_DIR, name);
    let cwd: string | undefined;
    try {
      cwd = (JSON.parse(readFileSync(stamp, "utf8")) as Partial<Stamp>).cwd;
    } catch {
      // half a stamp cannot be: stamps are written whole
    }
    if (cwd === undefined || existsSync(cwd)) continue;
    rmSync(stamp.replace(/\.json$/, ".blob"), { force: true });
    rmSync(stamp, { force: true });
  }
}

/**
 * The packages the notebooks in `cwd` import (not Node's own, nor relative paths): the snapshot
 * parses their declarations ahead. Only a matter of speed: a package left out is parsed when a
 * cell first imports it, as without a snapshot.
 */
export function packagesImported(cwd: string): string[] {
  const found = new Set<string>();
  for (const name of notebooksIn(cwd)) {
    let notebook: Notebook;
    try {
      notebook = readNotebook(join(cwd, name));
    } catch {
      continue; // not a notebook this can read: the run that opens it says so
    }
    for (const cell of notebook.cells) {
      if (cell.cell_type !== "code") continue;
      for (const m of sourceOf(cell).matchAll(/\b(?:from|import)\s*["']([^"'.\/][^"']*)["']/g)) {
        if (!m[1]!.startsWith("node:") && !isBuiltin(m[1]!)) found.add(m[1]!);
      }
    }
  }
  return [...found].sort();
}

/** Whether the process whose id the lock holds still runs (a lock without one counts as held). */
function holderAlive(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(lock, "utf8"));
  } catch {
    return false; // gone meanwhile: openSync decides who builds
  }
  if (!Number.isInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Builds the snapshot for `cwd`; false (and the reason said once) when it cannot. */
function build(cwd: string): boolean {
  const { blob, stamp, lock } = paths(cwd);
  mkdirSync(SNAPSHOT_DIR, { recursive: true });
  removeOrphans();
  // A lock left by a build that was killed goes: its process is gone, or it is older than the
  // longest a build may take.
  if (existsSync(lock) && (!holderAlive(lock) || Date.now() - statSync(lock).mtimeMs > 150_000)) rmSync(lock, { force: true });
  let fd: number;
  try {
    fd = openSync(lock, "wx");
  } catch {
    return false; // another run is building it: this kernel starts as before
  }
  writeFileSync(fd, String(process.pid));
  // What a killed build left beside the lock (its snapshot half written, some 60 MB): the lock is
  // this process's now, so no other build is writing them.
  // (The key is hex: no character of it is special in a pattern.)
  const leftover = new RegExp(`^${basename(blob, ".blob")}\\.(blob\\.\\d+\\.(part|js)|json\\.\\d+\\.files)$`);
  for (const name of readdirSync(SNAPSHOT_DIR)) if (leftover.test(name)) rmSync(join(SNAPSHOT_DIR, name), { force: true });
  const part = `${blob}.${process.pid}.part`;
  const files = `${stamp}.${process.pid}.files`;
  const script = `${blob}.${process.pid}.js`;
  try {
    // The builder gives a script only require, __filename and __dirname, while the compiled entry
    // (a CommonJS module) marks its exports: it is built from a copy that has them, beside the
    // snapshot, with the entry's own folder (where the launcher is) as __dirname.
    writeFileSync(script, `var exports = {}; var __dirname = ${JSON.stringify(ENGINE)};\n${readFileSync(ENTRY, "utf8")}`);
    const made = spawnSync(process.execPath, ["--snapshot-blob", part, "--build-snapshot", script], {
      cwd,
      env: { ...process.env, ANALYSIS_SNAPSHOT_FILES: files, ANALYSIS_SNAPSHOT_WARM: JSON.stringify(packagesImported(cwd)) },
      encoding: "utf8",
      timeout: 120_000,
    });
    if (made.status !== 0 || !existsSync(part) || !existsSync(files)) {
      const why = (made.error?.message ?? made.stderr.split("\n").find((l) => /Error|error/.test(l)) ?? `exit ${made.status}`).trim();
      sayOnce(`the kernel's snapshot could not be built (${why}); kernels start without it`);
      return false;
    }
    const built = JSON.parse(readFileSync(files, "utf8")) as Built;
    renameSync(part, blob);
    writeAtomic(stamp, JSON.stringify(stampNow(cwd, built)));
    return true;
  } finally {
    closeSync(fd);
    rmSync(lock, { force: true });
    rmSync(part, { force: true });
    rmSync(files, { force: true });
    rmSync(script, { force: true });
  }
}

/**
 * The snapshot a run's kernel starts from (in any folder), made first if it is missing or out of
 * date; undefined where kernels start as before (ANALYSIS_KERNEL_SNAPSHOT=off, a failed build).
 */
export function kernelSnapshot(): string | undefined {
  if (process.env["ANALYSIS_KERNEL_SNAPSHOT"] === "off") return undefined;
  return snapshotFor(SNAPSHOT_HOME);
}

/** The snapshot built in `cwd` (a folder inside the project), made first if it is missing or out of date. */
export function snapshotFor(cwd: string): string | undefined {
  try {
    return currentSnapshot(cwd) ?? (build(cwd) ? currentSnapshot(cwd) : undefined);
  } catch (e) {
    // A cache folder that cannot be written, say: kernels start as before.
    sayOnce(`the kernel's snapshot could not be built (${(e as Error).message}); kernels start without it`);
    return undefined;
  }
}

/** Removes the snapshot built in `cwd` after a kernel could not start from it, and says why once. */
export function discardSnapshot(cwd: string, why: string): void {
  const { blob, stamp } = paths(cwd);
  rmSync(blob, { force: true });
  rmSync(stamp, { force: true });
  sayOnce(`a kernel did not start from the kernel's snapshot, which is removed (${why.split("\n")[0]}); it starts without it`);
}

/** Where the snapshot built in `cwd` and what it was built from (its stamp) are kept. */
export function snapshotFiles(cwd: string): { blob: string; stamp: string } {
  const { blob, stamp } = paths(cwd);
  return { blob, stamp };
}
