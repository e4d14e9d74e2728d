// The deliverable of the method: the monthly report, one row per project bucket (desktop and
// mobile added up), one column per month, the overall total last; and the offset's share of it.
import * as pl from "nodejs-polars";
import { projectUniques } from "./estimate";
import type { Requests } from "./load";

export const TOTAL_LABEL = "overall total (not deduplicated across projects)";

interface ProjectMonth {
  bucket: string;
  month: string;
  estimate: number;
}

/**
 * Rows: buckets such as `en.wikipedia`, largest in the last month first, then the overall total;
 * columns: `bucket` and one per month (`2016-01`, ...) holding the estimate. A bucket with no
 * uniques in a month shows 0. Every number is a sum over domains that nobody deduplicated.
 */
export function monthlyReport(monthlyByDomain: pl.DataFrame): pl.DataFrame {
  const rows = projectUniques(monthlyByDomain).toRecords() as unknown as ProjectMonth[];
  const months = [...new Set(rows.map((r) => r.month))].sort();
  const last = months[months.length - 1];
  const cell = new Map(rows.map((r) => [`${r.bucket}|${r.month}`, Number(r.estimate)]));
  const at = (bucket: string, month: string) => cell.get(`${bucket}|${month}`) ?? 0;
  const buckets = [...new Set(rows.map((r) => r.bucket))].sort((a, b) => (last ? at(b, last) - at(a, last) : 0) || a.localeCompare(b));
  const columns: Record<string, pl.Series> = { bucket: pl.Series("bucket", [...buckets, TOTAL_LABEL], pl.Utf8) };
  for (const month of months) {
    const values = buckets.map((b) => at(b, month));
    columns[month] = pl.Series(month, [...values, values.reduce((s, x) => s + x, 0)], pl.Int64);
  }
  return pl.DataFrame(columns);
}

/** Per bucket and period: offset / estimate as `offset_share` (null when the estimate is 0). */
export function offsetShares(uniquesByDomain: pl.DataFrame): pl.DataFrame {
  return projectUniques(uniquesByDomain).withColumns(
    pl.when(pl.col("estimate").gt(0)).then(pl.col("offset").cast(pl.Float64).div(pl.col("estimate"))).otherwise(pl.lit(null).cast(pl.Float64)).alias("offset_share"),
  );
}

/**
 * Per bucket: the median of its daily offset shares and of its monthly ones, and how many times
 * larger the monthly one is; largest buckets (by monthly estimate) first.
 */
export function offsetShareSummary(dailyByDomain: pl.DataFrame, monthlyByDomain: pl.DataFrame): pl.DataFrame {
  const daily = offsetShares(dailyByDomain).lazy().groupBy("bucket").agg(pl.col("offset_share").median().alias("daily_share"));
  const monthly = offsetShares(monthlyByDomain)
    .lazy()
    .groupBy("bucket")
    .agg(pl.col("offset_share").median().alias("monthly_share"), pl.col("estimate").sum().alias("size"));
  return monthly
    .join(daily, { on: "bucket", how: "left" })
    .withColumns(pl.when(pl.col("daily_share").gt(0)).then(pl.col("monthly_share").div(pl.col("daily_share"))).otherwise(pl.lit(null).cast(pl.Float64)).alias("monthly_over_daily"))
    .sort(["size", "bucket"], [true, false])
    .select("bucket", "daily_share", "monthly_share", "monthly_over_daily")
    .collectSync();
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
