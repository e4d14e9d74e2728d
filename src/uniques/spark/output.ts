// The job's output folder. The job owns DIR/daily and DIR/monthly and nothing else in DIR: notes,
// reports or other analyses kept there stay. A local DIR's new counts are written to a temporary
// folder beside it and moved in once the job has succeeded, each period's folder taking the place
// of the previous job's. A period's folder holding anything Spark did not write is refused, before
// the job starts and again just before it would be replaced, so no user file is ever removed.
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, renameSync, type Stats } from "node:fs";
import { basename, dirname, join } from "node:path";
import { DataError } from "../../errors";
import { COUNTS_FOLDERS } from "../load/counts";

const PERIOD_FOLDERS = Object.values(COUNTS_FOLDERS);

/** What Spark writes for a Parquet folder: part files and the _SUCCESS marker, each with the checksum file of its local file system. */
const SPARK_FILE = /^\.?(part-.*|_SUCCESS)(\.crc)?$/;

function entry(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** Refuses an `out` the job cannot write without removing what it did not make: a file, or a daily/ or monthly/ that holds anything else. */
export function checkOutput(out: string): void {
  const dir = entry(out);
  if (dir === undefined) return;
  if (!(dir.isDirectory() || (dir.isSymbolicLink() && entry(realpathSync(out))?.isDirectory()))) {
    throw new DataError(`--out ${out}: is a file, expected a folder for the counts`);
  }
  for (const folder of PERIOD_FOLDERS) {
    const path = join(out, folder);
    const found = entry(path);
    if (found === undefined) continue;
    if (!found.isDirectory()) throw new DataError(`--out ${out}: ${path} is not a folder of counts, and the job writes ${folder}/ there: move it, or give another --out`);
    const foreign = readdirSync(path).find((name) => !SPARK_FILE.test(name) || !entry(join(path, name))?.isFile());
    if (foreign !== undefined) {
      throw new DataError(`--out ${out}: ${join(path, foreign)} was not written by this job, which replaces ${folder}/ whole: move it, or give another --out`);
    }
  }
}

/** A new empty folder beside `out` (beside the folder it links to, if a link), on the same file system, for the job to write to. */
export function stagingFolder(out: string): string {
  const target = entry(out) === undefined ? out : realpathSync(out);
  mkdirSync(dirname(target), { recursive: true });
  return mkdtempSync(join(dirname(target), `.${basename(target)}.tmp-`));
}

/**
 * Moves daily/ and monthly/ from `staging` into `out`; the previous ones go to `staging`, which the
 * caller removes. If a move fails, those made are undone, so `out` holds the previous counts or
 * the new ones, never a mix.
 */
export function moveCountsIn(staging: string, out: string): void {
  checkOutput(out); // A file may have been put there while the job ran.
  mkdirSync(out, { recursive: true });
  const undo: Array<() => void> = [];
  try {
    for (const folder of PERIOD_FOLDERS) {
      const target = join(out, folder);
      const made = join(staging, folder);
      const previous = join(staging, `previous-${folder}`);
      if (entry(target) !== undefined) {
        renameSync(target, previous);
        undo.push(() => renameSync(previous, target));
      }
      renameSync(made, target);
      undo.push(() => renameSync(target, made));
    }
  } catch (e) {
    for (const step of undo.reverse()) step();
    throw new Error(`could not move the new counts from ${staging} into ${out}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
