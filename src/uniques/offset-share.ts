// The offset's share of the estimate: the part that rests on a guess (a cookie-less signature seen
// once is a fresh session), per project bucket, daily against monthly.
import * as pl from "nodejs-polars";
import { projectUniques } from "./estimate";

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
