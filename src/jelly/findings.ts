// The facts the notebook's sentences state about the snapshot, computed from its tables, so that
// each sentence is a claim checked against the data it describes (claim() in the notebook).
import type * as pl from "nodejs-polars";
import type { Histogram } from "../stats/histogram";

const DAY_MINUTES = 24 * 60;

function column(frame: pl.DataFrame, name: string): (number | null)[] {
  return frame.getColumn(name).toArray() as (number | null)[];
}

/** Whether the first `hosts.length` rows of a top-hosts table are exactly these hosts, in any order; null when it has fewer rows. */
export function leadingHostsAre(top: pl.DataFrame, hosts: readonly string[]): boolean | null {
  const first = (top.getColumn("host").toArray() as (string | null)[]).slice(0, hosts.length);
  if (first.length < hosts.length) return null;
  return hosts.every((h) => first.includes(h));
}

/** Whether every site's mean and standard deviation (exact minutes) stay under a day, where the original's wrap cannot reach them; null without any. */
export function meansUnderADay(metrics: pl.DataFrame): boolean | null {
  const known = [...column(metrics, "mean_minutes_exact"), ...column(metrics, "std_minutes_exact")].filter((m): m is number => m !== null);
  return known.length === 0 ? null : known.every((m) => m < DAY_MINUTES);
}

/** Whether the histogram's first bin holds more values than any other; null for an empty histogram. */
export function firstBinTallest(h: Histogram): boolean | null {
  const [first, ...rest] = h.counts;
  if (first === undefined || h.counts.every((c) => c === 0)) return null;
  return rest.every((c) => c < first);
}

/** The smallest and the largest share of sessions under a minute among `hosts` (rows of shortSessionShare), or null for none. */
export function shortShareRange(shares: pl.DataFrame, hosts?: readonly string[]): { min: number; max: number } | null {
  const names = shares.getColumn("host").toArray() as string[];
  const values = column(shares, "share").filter((s, i): s is number => s !== null && (hosts === undefined || hosts.includes(names[i]!)));
  return values.length === 0 ? null : { min: Math.min(...values), max: Math.max(...values) };
}
