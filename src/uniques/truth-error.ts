// The simulation's ground truth (distinct human devices per domain and day or month, load/truth.ts)
// against the estimate: how far off the method is, where, and whether the 1000-a-day advice holds up.
// Relative error = estimate / truth − 1, as the reference script computes it.
import * as pl from "nodejs-polars";
import { DataError } from "../errors";
import { platformOf } from "./estimate";
import type { Truth } from "./load/truth";
import { THRESHOLD } from "./quality";

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
