// The facts the notebook's sentences state about the snapshot, computed from its tables, so that
// each sentence is a claim checked against the data it describes (claim() in the notebook).
import type * as pl from "nodejs-polars";
import type { Histogram } from "../stats/histogram";

const DAY_MINUTES = 24 * 60;

function column(frame: pl.DataFrame, name: string): (number | null)[] {
  return frame.getColumn(name).toArray() as (number | null)[];
}

/** Whether the first `hosts.length` rows of a top-hosts table are exactly these hosts, in any order. */
export function leadingHostsAre(top: pl.DataFrame, hosts: readonly string[]): boolean {
  const first = (top.getColumn("host").toArray() as (string | null)[]).slice(0, hosts.length);
  return first.length === hosts.length && hosts.every((h) => first.includes(h));
}

/** Whether every site's mean and standard deviation (exact minutes) stay under a day, where the original's wrap cannot reach them. */
export function meansUnderADay(metrics: pl.DataFrame): boolean {
  return [...column(metrics, "mean_minutes_exact"), ...column(metrics, "std_minutes_exact")].every((m) => m === null || m < DAY_MINUTES);
}

/** Whether the histogram's first bin holds more values than any other. */
export function firstBinTallest(h: Histogram): boolean {
  const [first, ...rest] = h.counts;
  return first !== undefined && rest.every((c) => c < first);
}

/** The smallest and the largest share of sessions under a minute among `hosts` (rows of shortSessionShare), or null for none. */
export function shortShareRange(shares: pl.DataFrame, hosts?: readonly string[]): { min: number; max: number } | null {
  const names = shares.getColumn("host").toArray() as string[];
  const values = column(shares, "share").filter((s, i): s is number => s !== null && (hosts === undefined || hosts.includes(names[i]!)));
  return values.length === 0 ? null : { min: Math.min(...values), max: Math.max(...values) };
}
