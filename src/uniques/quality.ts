// The data-quality analysis behind the advice to trust only projects with at least 1000 unique
// devices a day. Six whole weeks, the first as reference; for every domain and every day of the
// other five, the relative variation against the same weekday of the reference week (100 against
// 110 is −0.09); per domain, the standard deviation of those variations and the median daily
// uniques. Small projects vary more; a standard deviation above 1 means swings of more than 100%.
import * as pl from "nodejs-polars";
import { DataError } from "../errors";
import { dayString, epochDay, weekday, type DayString } from "../calendar";
import { platformOf } from "./estimate";

export const THRESHOLD = 1000;
const WEEKS = 6;

export interface QualityWeeks {
  /** Monday of the reference week. */
  reference: DayString;
  /** The 42 days, Monday of the reference week first. */
  days: DayString[];
}

/** Six whole weeks (Monday to Sunday) of the daily table: from `firstMonday`, or the first Monday in it. */
export function qualityWeeks(daily: pl.DataFrame, firstMonday?: DayString): QualityWeeks {
  const present = (daily.getColumn("day").toArray() as string[]).map(epochDay);
  if (present.length === 0) throw new DataError("the daily table is empty: no weeks to compare");
  const first = Math.min(...present);
  const last = Math.max(...present);
  let monday = firstMonday === undefined ? first + ((7 - weekday(first)) % 7) : epochDay(firstMonday);
  if (firstMonday !== undefined && weekday(monday) !== 0) throw new DataError(`firstMonday ${firstMonday} is not a Monday`);
  if (monday < first || monday + 7 * WEEKS - 1 > last) {
    const span = `${dayString(first)} to ${dayString(last)}`;
    throw new DataError(`six whole weeks from ${dayString(monday)} are needed, but the data covers ${span}`);
  }
  return { reference: dayString(monday), days: Array.from({ length: 7 * WEEKS }, (_, i) => dayString(monday + i)) };
}

/** The six weeks qualityWeeks takes from the first Monday, or null when the daily table holds fewer after it (a month's report, for one). */
export function optionalQualityWeeks(daily: pl.DataFrame): QualityWeeks | null {
  const present = (daily.getColumn("day").toArray() as string[]).map(epochDay);
  if (present.length === 0) return null;
  const first = Math.min(...present);
  const monday = first + ((7 - weekday(first)) % 7);
  return monday + 7 * WEEKS - 1 > Math.max(...present) ? null : qualityWeeks(daily);
}

/**
 * Per domain and day of the five weeks after the reference: the estimate, the reference (the same
 * weekday in the reference week) and `variation` = (estimate − reference) / reference, null when
 * the reference is 0. A day without any uniques counts as 0. With `domain`, that domain's only.
 */
export function variations(daily: pl.DataFrame, weeks: QualityWeeks, domain?: string): pl.DataFrame {
  const grid = completeGrid(daily, weeks);
  const reference = grid.filter(pl.col("week").eq(0)).select(pl.col("domain"), pl.col("weekday"), pl.col("estimate").alias("reference"));
  return grid
    .filter(pl.col("week").gt(0))
    .join(reference, { on: ["domain", "weekday"], how: "left" })
    .withColumns(
      pl.when(pl.col("reference").gt(0))
        .then(pl.col("estimate").sub(pl.col("reference")).cast(pl.Float64).div(pl.col("reference")))
        .otherwise(pl.lit(null).cast(pl.Float64))
        .alias("variation"),
    )
    .select("domain", "day", "week", "estimate", "reference", "variation")
    .filter(domain === undefined ? pl.lit(true) : pl.col("domain").eq(pl.lit(domain)))
    .sort(["domain", "day"]);
}

/** Every domain of the daily table on every day of the six weeks, with week (0 = reference) and weekday. */
function completeGrid(daily: pl.DataFrame, weeks: QualityWeeks): pl.DataFrame {
  const days = pl.DataFrame({
    day: pl.Series("day", weeks.days, pl.Utf8),
    week: pl.Series("week", weeks.days.map((_, i) => Math.floor(i / 7)), pl.Int32),
    weekday: pl.Series("weekday", weeks.days.map((_, i) => i % 7), pl.Int32),
  });
  const domains = daily.select("domain").unique();
  return domains
    .join(days, { how: "cross" })
    .join(daily.select("domain", "day", "estimate"), { on: ["domain", "day"], how: "left" })
    .withColumns(pl.col("estimate").fillNull(0));
}

/**
 * Per domain: `median_daily`, the median of its daily estimates over the six weeks, and
 * `std_variation`, the sample standard deviation (n − 1) of its variations (null with fewer than
 * two), and its platform; largest domains first.
 */
export function qualityByDomain(daily: pl.DataFrame, weeks: QualityWeeks): pl.DataFrame {
  const medians = completeGrid(daily, weeks).lazy().groupBy("domain").agg(pl.col("estimate").median().alias("median_daily"));
  const spread = variations(daily, weeks).lazy().groupBy("domain").agg(pl.col("variation").std().alias("std_variation"));
  return medians
    .join(spread, { on: "domain", how: "left" })
    .withColumns(platformOf(pl.col("domain")).alias("platform"))
    .sort(["median_daily", "domain"], [true, false])
    .collectSync();
}

/** The domains whose median daily uniques are below the threshold, largest first. */
export function belowThreshold(quality: pl.DataFrame, threshold = THRESHOLD): pl.DataFrame {
  return quality.filter(pl.col("median_daily").lt(threshold));
}
