// What the notebook counts from: the requests (an extract, counted by load/webrequest.ts and
// estimate.ts) or the per-domain counts a Spark job wrote (load/counts.ts). The counts carry the
// daily and monthly tables only: what needs the requests themselves (the bots, the signatures) says so.
import * as pl from "nodejs-polars";
import { emit } from "../display/emit";
import { dailyUniques, monthlyUniques } from "./estimate";
import { readCounts } from "./load/counts";
import { loadRequests, type Requests } from "./load/webrequest";

/** The numbers the notebook reports, and where they came from. */
export interface UniquesInput {
  /** The extract, or the counts' folder, for captions. */
  source: string;
  /** The counted requests when read from an extract; null when read from Spark's counts. */
  requests: Requests | null;
  /** Spark's daily and monthly counts, when read from them. */
  counts: { daily: pl.DataFrame; monthly: pl.DataFrame } | null;
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

/** What the extract holds: requests, the days they span, the domains. */
export function extractSummary(requests: Requests): pl.DataFrame {
  return requests.counts
    .lazy()
    .select(
      pl.col("requests").sum().alias("requests"),
      pl.col("day").min().dt.strftime("%Y-%m-%d").alias("first_day"),
      pl.col("day").max().dt.strftime("%Y-%m-%d").alias("last_day"),
      pl.col("day").nUnique().alias("days"),
      pl.col("domain").nUnique().alias("domains"),
    )
    .collectSync();
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

/** Says, in place of the check against the truth, why there is none: no truth file, or counts in place of the requests. */
export function noTruth(input: UniquesInput): void {
  if (input.requests) console.log("No truth file (truthPath is empty): the estimate cannot be checked.");
  else notFromCounts("The check against the truth (this section)", "the truth describes one simulated extract, and counts do not say which extract they were computed from");
}
