// The results the notebook records (reports/unique-devices.json), in exactly the shapes the issue
// lists. Numbers JSON cannot hold (a ratio over zero) become null.
import type * as pl from "nodejs-polars";

type Value = string | number | null;
type Row = { [key: string]: Value };

function pick(frame: pl.DataFrame, names: string[]): Row[] {
  return (frame.select(...names).toRecords() as Array<{ [key: string]: unknown }>).map((row) =>
    Object.fromEntries(names.map((n) => [n, json(row[n])])),
  );
}

function json(v: unknown): Value {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "bigint") return Number(v);
  return String(v);
}

/** `daily`: [{domain, day, underestimate, offset, estimate}] */
export function dailyRecord(daily: pl.DataFrame): Row[] {
  return pick(daily, ["domain", "day", "underestimate", "offset", "estimate"]);
}

/** `monthly`: [{domain, month, underestimate, offset, estimate}] */
export function monthlyRecord(monthly: pl.DataFrame): Row[] {
  return pick(monthly, ["domain", "month", "underestimate", "offset", "estimate"]);
}

/** `report`: the table's rows, [{bucket, "2016-01": n, ...}], the overall total last. */
export function reportRecord(report: pl.DataFrame): Row[] {
  return pick(report, report.columns);
}

/** `quality`: [{domain, median_daily, std_variation}] */
export function qualityRecord(quality: pl.DataFrame): Row[] {
  return pick(quality, ["domain", "median_daily", "std_variation"]);
}

/** `truth_error`: [{domain, month, estimate, truth, relative_error}] */
export function truthErrorRecord(monthlyTruthError: pl.DataFrame): Row[] {
  return pick(monthlyTruthError, ["domain", "month", "estimate", "truth", "relative_error"]);
}
