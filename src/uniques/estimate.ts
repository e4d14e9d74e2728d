// Unique devices per domain and period by the last-access method, from the counted requests
// (load/webrequest.ts). The query reads like the definition (definition.ts):
//
//   underestimate = requests (counted) with some cookie and a last-access date before the
//                   period's first day, or none
//   offset        = cookie-less signatures (counted) seen exactly once in the period
//   estimate      = underestimate + offset
//
// Since each row of the counts stands for `requests` identical requests, "requests" is a sum of
// that column. The loader has already counted each cookie-less signature's requests per period
// (signatures.ts): "seen once" is a signature that sent one.
import * as pl from "nodejs-polars";
import type { Period } from "./definition";
import { COUNTED, FRESH_SESSION_REQUESTS, OLD_OR_NO_LAST_ACCESS, toPolars } from "./definition";
import type { Requests } from "./load/webrequest";

/** A period's first day from a day, and its name: `2016-01-15` or `2016-01`. */
function periodOf(period: Period): { start: pl.Expr; name: pl.Expr } {
  const day = pl.col("day");
  if (period === "day") return { start: day, name: pl.col("period_start").dt.strftime("%Y-%m-%d") };
  return {
    start: pl.concatString([day.dt.strftime("%Y-%m"), pl.lit("01")], "-").str.strptime(pl.Date, "%Y-%m-%d"),
    name: pl.col("period_start").dt.strftime("%Y-%m"),
  };
}

/**
 * Per domain and period (column `day` or `month`): underestimate, offset and estimate, sorted by
 * domain and period. A domain appears in a period when it has some underestimate or offset.
 */
export function uniques(requests: Requests, period: Period): pl.DataFrame {
  const { start, name } = periodOf(period);
  const counted = requests.counts.lazy().filter(toPolars(COUNTED)).withColumns(start.alias("period_start"));

  const underestimate = counted
    .filter(toPolars(OLD_OR_NO_LAST_ACCESS))
    .groupBy(["domain", "period_start"])
    .agg(pl.col("requests").sum().alias("underestimate"));

  const offset = requests.signatures[period]
    .lazy()
    .filter(pl.col("requests").eq(FRESH_SESSION_REQUESTS))
    .groupBy(["domain", "period_start"])
    .agg(pl.col("signatures").sum().alias("offset"));

  return underestimate
    .join(offset, { on: ["domain", "period_start"], how: "full", coalesce: true })
    .sort(["domain", "period_start"])
    .select(
      pl.col("domain"),
      name.alias(period),
      pl.col("underestimate").fillNull(0).cast(pl.Int64),
      pl.col("offset").fillNull(0).cast(pl.Int64),
    )
    .withColumns(pl.col("underestimate").add(pl.col("offset")).alias("estimate"))
    .collectSync();
}

export function dailyUniques(requests: Requests): pl.DataFrame {
  return uniques(requests, "day");
}

export function monthlyUniques(requests: Requests): pl.DataFrame {
  return uniques(requests, "month");
}

/** `es.m.wikipedia.org` → `es.wikipedia`: the project a domain belongs to (mobile and desktop together). */
export function bucketOf(domain: pl.Expr): pl.Expr {
  return domain.str.replace("(^|\\.)m\\.", "$1").str.replace("^www\\.", "").str.replace("\\.[a-z]+$", "");
}

/** `mobile` for a `.m.` domain, else `desktop`. */
export function platformOf(domain: pl.Expr): pl.Expr {
  return pl.when(domain.str.contains("(^|\\.)m\\.")).then(pl.lit("mobile")).otherwise(pl.lit("desktop"));
}

/**
 * Per project bucket (`es.wikipedia`) and period: desktop and mobile added up. A device that read
 * both counts twice: these sums are not deduplicated, and neither can the method do better.
 */
export function projectUniques(uniquesByDomain: pl.DataFrame): pl.DataFrame {
  const period = uniquesByDomain.columns.includes("month") ? "month" : "day";
  return uniquesByDomain
    .lazy()
    .groupBy([bucketOf(pl.col("domain")).alias("bucket"), pl.col(period)])
    .agg(pl.col("underestimate").sum(), pl.col("offset").sum(), pl.col("estimate").sum())
    .sort(["bucket", period])
    .collectSync();
}
