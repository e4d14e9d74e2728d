// The simulation's ground truth (distinct human devices per domain and day or month) against the
// estimate: how far off the method is, where, and whether the 1000-a-day advice holds up.
// Relative error = estimate / truth − 1, as the reference script computes it.
import { readFileSync } from "node:fs";
import * as pl from "nodejs-polars";
import { DataError } from "../errors";
import { noteInput } from "../io/inputs";
import { isDayString } from "../calendar";
import { platformOf } from "./estimate";
import { THRESHOLD } from "./quality";

export interface Truth {
  source: string;
  /** domain, day (text), truth */
  daily: pl.DataFrame;
  /** domain, month (text), truth */
  monthly: pl.DataFrame;
  /** The simulation's what-if runs (mechanisms.ts), when the file has them: scenario, platform, estimate, truth, relative_error, change. */
  whatIf?: pl.DataFrame;
  /** The scale the what-if runs were simulated at. */
  whatIfScale?: number;
}

/** Reads a truth file: `{"daily": {"domain|2016-01-15": n}, "monthly": {"domain|2016-01": n}}` (daily optional). */
export function readTruth(file: string): Truth {
  noteInput(file);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new DataError(`${file}: expected a JSON truth file: ${e instanceof Error ? e.message : String(e)}`);
  }
  return parseTruth(json, file);
}

/** No truth for an empty path (the notebook's truthPath is optional), else readTruth. */
export function optionalTruth(file: string): Truth | undefined {
  return file.trim() === "" ? undefined : readTruth(file);
}

/** The same from the parsed JSON (a simulation's `truth()`). */
export function parseTruth(json: unknown, source: string): Truth {
  if (typeof json !== "object" || json === null || !("monthly" in json)) throw new DataError(`${source}: expected an object with "monthly" (and "daily") counts`);
  const { daily = {}, monthly, what_if: whatIf } = json as { daily?: unknown; monthly: unknown; what_if?: unknown };
  return { source, daily: table(source, "daily", daily, "day"), monthly: table(source, "monthly", monthly, "month"), ...whatIfTable(source, whatIf) };
}

function whatIfTable(source: string, whatIf: unknown): { whatIf?: pl.DataFrame; whatIfScale?: number } {
  if (whatIf === undefined) return {};
  const { scale, rows } = (whatIf ?? {}) as { scale?: unknown; rows?: unknown };
  const fields = ["scenario", "platform", "estimate", "truth", "relative_error", "change"];
  const ok = (r: unknown) => typeof r === "object" && r !== null && fields.every((f) => f in r);
  if (typeof scale !== "number" || !Array.isArray(rows) || !rows.every(ok)) {
    throw new DataError(`${source}: "what_if" should be {"scale": n, "rows": [{${fields.join(", ")}}]}`);
  }
  return { whatIf: pl.readRecords(rows as Array<Record<string, unknown>>).select(...fields), whatIfScale: scale };
}

function table(file: string, name: string, entries: unknown, period: "day" | "month"): pl.DataFrame {
  if (typeof entries !== "object" || entries === null) throw new DataError(`${file}: "${name}" should map "domain|period" to a count`);
  const domains: string[] = [];
  const periods: string[] = [];
  const counts: number[] = [];
  for (const [key, value] of Object.entries(entries)) {
    const [domain, when, extra] = key.split("|");
    const valid = period === "day" ? isDayString(when ?? "") : /^\d{4}-(0[1-9]|1[0-2])$/.test(when ?? "");
    if (!domain || !valid || extra !== undefined) throw new DataError(`${file}: "${name}" key "${key}": expected "domain|${period === "day" ? "2016-01-15" : "2016-01"}"`);
    if (typeof value !== "number" || !Number.isInteger(value) || value < 0) throw new DataError(`${file}: "${name}" "${key}" is ${JSON.stringify(value)}, expected a count of devices`);
    domains.push(domain.toLowerCase());
    periods.push(when as string);
    counts.push(value);
  }
  return pl.DataFrame({ domain: pl.Series("domain", domains, pl.Utf8), [period]: pl.Series(period, periods, pl.Utf8), truth: pl.Series("truth", counts, pl.Int64) });
}

/**
 * Per domain and period of the truth (with a positive truth): estimate (0 when the method found
 * none), truth, relative_error and platform; largest first.
 */
export function truthError(uniquesByDomain: pl.DataFrame, truth: Truth): pl.DataFrame {
  const period = uniquesByDomain.columns.includes("month") ? "month" : "day";
  const t = period === "month" ? truth.monthly : truth.daily;
  return t
    .filter(pl.col("truth").gt(0))
    .join(uniquesByDomain.select("domain", period, "estimate"), { on: ["domain", period], how: "left" })
    .select(
      pl.col("domain"),
      pl.col(period),
      pl.col("estimate").fillNull(0),
      pl.col("truth"),
      pl.col("estimate").fillNull(0).cast(pl.Float64).div(pl.col("truth")).sub(1).alias("relative_error"),
      platformOf(pl.col("domain")).alias("platform"),
    )
    .sort(["truth", "domain", period], [true, false, false]);
}

/**
 * Desktop against mobile: per platform, the estimate and truth summed over domains and months,
 * the relative error of the sums, and the median of the per-domain relative errors.
 */
export function errorByPlatform(monthlyTruthError: pl.DataFrame): pl.DataFrame {
  return monthlyTruthError
    .lazy()
    .groupBy("platform")
    .agg(
      pl.col("domain").nUnique().alias("domains"),
      pl.col("estimate").sum(),
      pl.col("truth").sum(),
      pl.col("relative_error").median().alias("median_relative_error"),
    )
    .withColumns(pl.col("estimate").cast(pl.Float64).div(pl.col("truth")).sub(1).alias("relative_error_of_sums"))
    .sort("platform")
    .collectSync();
}

/**
 * Per domain, from the daily truth: `median_truth` (true devices a day), `median_estimate`,
 * `median_relative_error` and `spread`, the standard deviation (n − 1) of the daily relative
 * errors: how far a day's estimate can be trusted. Largest first.
 */
export function dailyErrorByDomain(dailyByDomain: pl.DataFrame, truth: Truth): pl.DataFrame {
  if (truth.daily.height === 0) throw new DataError(`${truth.source}: has no "daily" counts`);
  return truthError(dailyByDomain, truth)
    .lazy()
    .groupBy(["domain", "platform"])
    .agg(
      pl.col("truth").median().alias("median_truth"),
      pl.col("estimate").median().alias("median_estimate"),
      pl.col("relative_error").median().alias("median_relative_error"),
      pl.col("relative_error").std().alias("spread"),
    )
    .sort(["median_truth", "domain"], [true, false])
    .collectSync();
}

/**
 * Does the advice hold: domains whose median daily estimate is below the threshold against those
 * at or above it, with how many there are and the median and largest of their daily error spreads
 * and of their typical (median) daily errors, in absolute value.
 */
export function thresholdCheck(dailyErrors: pl.DataFrame, threshold = THRESHOLD): pl.DataFrame {
  return dailyErrors
    .lazy()
    .withColumns(
      pl.when(pl.col("median_estimate").lt(threshold)).then(pl.lit(`below ${threshold} a day`)).otherwise(pl.lit(`${threshold} a day or more`)).alias("group"),
      pl.col("median_relative_error").abs().alias("typical_error"),
    )
    .groupBy("group")
    .agg(
      pl.len().alias("domains"),
      pl.col("typical_error").median().alias("median_typical_error"),
      pl.col("typical_error").max().alias("largest_typical_error"),
      pl.col("spread").median().alias("median_spread"),
      pl.col("spread").max().alias("largest_spread"),
    )
    .sort("group", true)
    .collectSync();
}
