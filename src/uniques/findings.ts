// The facts the notebook's sentences state about the extract, computed from its tables, so that
// each sentence is a claim checked against the data it describes (claim() in the notebook).
import type * as pl from "nodejs-polars";
import { below } from "../display/prose";
import { TOTAL_LABEL } from "./monthly-report";

function numbers(frame: pl.DataFrame, name: string): (number | null)[] {
  return frame.getColumn(name).toArray() as (number | null)[];
}

function sum(values: readonly (number | null)[]): number {
  return values.reduce<number>((a, b) => a + (b ?? 0), 0);
}

/** Shares of the estimate (summed over the rows of a daily or monthly table) that the underestimate and the offset make; null without an estimate. */
export function estimateParts(counts: pl.DataFrame): { underestimate: number | null; offset: number | null } {
  const total = sum(numbers(counts, "estimate"));
  return total === 0 ? { underestimate: null, offset: null } : { underestimate: sum(numbers(counts, "underestimate")) / total, offset: sum(numbers(counts, "offset")) / total };
}

/**
 * The largest project of the monthly report in its last month (the column it is sorted by) and how
 * many times the second it is; the total row left out. Null for a report without months.
 */
export function largestProject(report: pl.DataFrame): { bucket: string; month: string; timesNext: number } | null {
  const month = report.columns.filter((c) => c !== "bucket").pop();
  if (month === undefined) return null;
  const buckets = report.getColumn("bucket").toArray() as string[];
  const sizes = numbers(report, month);
  const rows = buckets.map((bucket, i) => ({ bucket, size: sizes[i] ?? 0 })).filter((r) => r.bucket !== TOTAL_LABEL).sort((a, b) => b.size - a.size);
  const [first, second] = rows;
  if (first === undefined) return null;
  return { bucket: first.bucket, month, timesNext: second === undefined || second.size === 0 ? Infinity : first.size / second.size };
}

/** The share of projects whose median monthly offset share is above their median daily one (rows of offsetShareSummary); null when no project has both. */
export function shareLargerMonthly(summary: pl.DataFrame): number | null {
  const daily = numbers(summary, "daily_share");
  const monthly = numbers(summary, "monthly_share");
  const known = daily.flatMap((d, i) => (d === null || monthly[i] === null ? [] : [monthly[i]! > d]));
  return known.length === 0 ? null : known.filter(Boolean).length / known.length;
}

/**
 * Whether the smaller half of the domains varies more: the median standard deviation of the daily
 * variations among the domains below the median size, against those above (rows of qualityByDomain);
 * null with fewer than two domains.
 */
export function smallVaryMore(quality: pl.DataFrame): boolean | null {
  const size = numbers(quality, "median_daily");
  const spread = numbers(quality, "std_variation");
  const rows = size.flatMap((s, i) => (s === null || spread[i] === null ? [] : [{ s, v: spread[i]! }])).sort((a, b) => a.s - b.s);
  if (rows.length < 2) return null;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  const half = rows.length >> 1;
  return median(rows.slice(0, half).map((r) => r.v)) > median(rows.slice(rows.length - half).map((r) => r.v));
}

/** How many rows of the table have a value below `threshold` in column `name`. */
export function countBelow(frame: pl.DataFrame, name: string, threshold: number): number {
  return numbers(frame, name).filter((v) => v !== null && v < threshold).length;
}

/** The median relative error of a platform in errorByPlatform's table, or null. */
export function platformError(byPlatform: pl.DataFrame, platform: string): number | null {
  const at = (byPlatform.getColumn("platform").toArray() as string[]).indexOf(platform);
  return at === -1 ? null : (numbers(byPlatform, "median_relative_error")[at] ?? null);
}

/** Whether mobile domains come out lower against the truth than desktop ones: their median relative errors in errorByPlatform's table; null when a platform is not in it. */
export function mobileBelowDesktop(byPlatform: pl.DataFrame): boolean | null {
  return below(platformError(byPlatform, "mobile"), platformError(byPlatform, "desktop"));
}
