// What the notebook counts from: the requests (an extract, counted locally by load.ts and
// estimate.ts) or the per-domain counts a Spark job wrote (spark.ts): a folder with daily/ and
// monthly/, each Parquet part files and Spark's _SUCCESS marker. The counts carry the daily and
// monthly tables only: what needs the requests themselves (the bots, the signatures) says so.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import * as pl from "nodejs-polars";
import { emit } from "../display/emit";
import { DataError } from "../errors";
import type { Period } from "./definition";
import { dailyUniques, monthlyUniques } from "./estimate";
import { loadRequests, type Requests } from "./load";
import { extractSummary } from "./report";
import { COUNTS_FOLDERS } from "./spark";

/** The numbers the notebook reports, and where they came from. */
export interface UniquesInput {
  /** The extract, or the counts' folder, for captions. */
  source: string;
  /** The counted requests when read from an extract; null when read from Spark's counts. */
  requests: Requests | null;
  /** Spark's daily and monthly counts, when read from them. */
  counts: { daily: pl.DataFrame; monthly: pl.DataFrame } | null;
}

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

/** The extract (`webrequestPath`), or Spark's counts when `countsPath` is not empty. */
export function readInput(webrequestPath: string, countsPath = ""): UniquesInput {
  if (countsPath === "") return { source: webrequestPath, requests: loadRequests(webrequestPath), counts: null };
  return { source: countsPath, requests: null, counts: { daily: readCounts(countsPath, "day"), monthly: readCounts(countsPath, "month") } };
}

/** Per domain and day: the estimator's numbers, or Spark's. */
export function dailyOf(input: UniquesInput): pl.DataFrame {
  return input.counts ? input.counts.daily : dailyUniques(input.requests as Requests);
}

/** Per domain and calendar month: the estimator's numbers, or Spark's. */
export function monthlyOf(input: UniquesInput): pl.DataFrame {
  return input.counts ? input.counts.monthly : monthlyUniques(input.requests as Requests);
}

/** What the input covers: extractSummary for an extract; from counts, the days and domains (the requests are not in them). */
export function inputSummary(input: UniquesInput): pl.DataFrame {
  if (!input.counts) return extractSummary(input.requests as Requests);
  const days = [...new Set(input.counts.daily.getColumn("day").toArray() as string[])].sort();
  return pl.DataFrame({
    first_day: pl.Series("first_day", [days[0] ?? null], pl.Utf8),
    last_day: pl.Series("last_day", [days[days.length - 1] ?? null], pl.Utf8),
    days: pl.Series("days", [days.length], pl.Int64),
    domains: pl.Series("domains", [input.counts.daily.getColumn("domain").nUnique()], pl.Int64),
  });
}

/** Shows, in place of a section's output, that it was not computed from counts, and why. */
export function notFromCounts(what: string, why = "it needs the requests themselves, which Spark's counts do not hold"): void {
  const text = `Not computed from counts: ${what} is left out, because ${why}. Run the notebook on the extract (webrequestPath, no countsPath) to see it.`;
  emit({ "text/markdown": `**Not computed from counts.** ${what} is left out, because ${why}. Run the notebook on the extract (\`webrequestPath\`, no \`countsPath\`) to see it.`, "text/plain": text });
}
