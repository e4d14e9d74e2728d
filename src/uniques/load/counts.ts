// The per-domain counts a Spark job wrote (spark/job.ts): a folder with daily/ and monthly/, each
// Parquet part files and Spark's _SUCCESS marker. They carry the daily and monthly tables only.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import * as pl from "nodejs-polars";
import { DataError } from "../../errors";
import type { Period } from "../definition";

/** The two folders the job writes under its output folder, one per period. */
export const COUNTS_FOLDERS = { day: "daily", month: "monthly" } as const;

/** What each column of the counts must hold (Spark writes BIGINT as Int64, the period as text). */
const INTEGERS = ["underestimate", "offset", "estimate"] as const;

/** One period's counts from a job's output folder: domain, day or month (text), underestimate, offset, estimate (Int64), sorted. */
export function readCounts(dir: string, period: Period): pl.DataFrame {
  const folder = join(dir, COUNTS_FOLDERS[period]);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new DataError(`${folder}: no such folder; countsPath is a folder written by npm run spark:unique-devices (daily/ and monthly/ in it)`);
  if (!existsSync(join(folder, "_SUCCESS"))) throw new DataError(`${folder}: no _SUCCESS marker, so the Spark job that wrote it did not finish; run it again`);
  const parts = readdirSync(folder).filter((f) => /^part-.*\.parquet$/.test(f)).sort();
  if (parts.length === 0) throw new DataError(`${folder}: no part-*.parquet files`);
  const frames = parts.map((part) => {
    const file = join(folder, part);
    let frame: pl.DataFrame;
    try {
      frame = pl.readParquet(file);
    } catch (e) {
      throw new DataError(`${file}: could not be read as Parquet: ${String(e instanceof Error ? e.message : e).split("\n")[0]}`);
    }
    for (const [column, dtype] of [["domain", "String"], [period, "String"], ...INTEGERS.map((c) => [c, "Int64"] as const)] as const) {
      const found = frame.columns.includes(column) ? frame.getColumn(column).dtype.variant : undefined;
      if (found !== dtype) throw new DataError(`${file}: column '${column}' ${found ? `is ${found}` : "missing"}, expected ${dtype}`);
    }
    return frame.select("domain", period, ...INTEGERS);
  });
  const counts = (frames.length === 1 ? (frames[0] as pl.DataFrame) : pl.concat(frames, { how: "vertical" })).sort(["domain", period]);
  if (counts.height === 0) throw new DataError(`${folder}: holds no counts (the job's input had no requests)`);
  return counts;
}
