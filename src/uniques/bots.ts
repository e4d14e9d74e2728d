// Where the requests go: what the agent-type and pageview filters remove, and why `nocookies` is a
// cheap proxy for the bots the tagger misses. A browser that accepts cookies sends one cookie-less
// request and then carries cookies; a crawler that never keeps cookies sends every request without
// one, from the same address and browser string, so its signature repeats and the offset drops it.
// Without the nocookies rule each of those requests would count as a device whose last-access
// date is absent.
import * as pl from "nodejs-polars";
import { COOKIELESS, COUNTED, toPolars } from "./definition";
import type { Requests } from "./load/webrequest";

/**
 * The requests, step by step: all of them; removed as spider, as automated, as a user's
 * non-pageview; the counted rest, split into requests with some cookie and cookie-less ones; and
 * how many carry an unreadable last-access date (counted as absent, on every such request);
 * the cookie-less ones split by whether their signature occurs once that day (the daily offset,
 * read from `daily`, the dailyUniques of the same requests) or more often (dropped). `share` is of
 * all requests.
 */
export function filterSummary(requests: Requests, daily: pl.DataFrame): pl.DataFrame {
  const counted = toPolars(COUNTED);
  const requestsWhere = (condition: pl.Expr) => pl.col("requests").filter(condition).sum();
  const totals = requests.counts
    .lazy()
    .select(
      requestsWhere(pl.col("agent_type").eq(pl.lit("spider"))).alias("spider"),
      requestsWhere(pl.col("agent_type").eq(pl.lit("automated"))).alias("automated"),
      requestsWhere(pl.col("agent_type").eq(pl.lit("user")).and(pl.col("is_pageview").not())).alias("not_pageview"),
      requestsWhere(counted).alias("counted"),
      requestsWhere(counted.and(toPolars(COOKIELESS).not())).alias("with_cookie"),
      requestsWhere(counted.and(pl.col("unreadable_last_access"))).alias("unreadable"),
      requestsWhere(counted.and(toPolars(COOKIELESS))).alias("cookieless"),
    )
    .collectSync()
    .toRecords()[0] as Record<string, number>;
  const once = Number(daily.getColumn("offset").sum());
  const all = requests.rows;
  const n = (k: string) => Number(totals[k] ?? 0);
  const steps: Array<[string, number]> = [
    ["all requests", all],
    ["removed: agent_type spider", n("spider")],
    ["removed: agent_type automated", n("automated")],
    ["removed: user, not a pageview", n("not_pageview")],
    ["counted: user pageviews", n("counted")],
    ["counted, with some cookie: the underestimate's candidates", n("with_cookie")],
    ["with some cookie, WMF-Last-Access unreadable (counts as absent)", n("unreadable")],
    ["counted, cookie-less (nocookies=1)", n("cookieless")],
    ["cookie-less, signature seen once that day: the daily offset", once],
    ["cookie-less, signature seen more than once that day: dropped", n("cookieless") - once],
  ];
  return pl.DataFrame({
    step: pl.Series("step", steps.map(([s]) => s), pl.Utf8),
    requests: pl.Series("requests", steps.map(([, x]) => x), pl.Int64),
    share: pl.Series("share", steps.map(([, x]) => (all > 0 ? x / all : 0)), pl.Float64),
  });
}

const CLASSES: Array<[string, number, number]> = [
  ["1", 1, 1],
  ["2–9", 2, 9],
  ["10–99", 10, 99],
  ["100–999", 100, 999],
  ["1000 or more", 1000, Infinity],
];

/**
 * Cookie-less counted requests by how many requests their signature sent on its domain that day:
 * per class (1, 2–9, …), the signatures, their requests and the share of all cookie-less requests.
 */
export function cookielessSignatures(requests: Requests): pl.DataFrame {
  const size = pl.col("requests");
  const label = CLASSES.reduceRight<pl.Expr>((otherwise, [name, lo, hi]) => pl.when(size.gtEq(lo).and(size.ltEq(hi === Infinity ? Number.MAX_SAFE_INTEGER : hi))).then(pl.lit(name)).otherwise(otherwise), pl.lit(null).cast(pl.Utf8));
  const perClass = requests.signatures.day
    .lazy()
    .groupBy(label.alias("requests_per_signature"))
    .agg(pl.col("signatures").sum(), pl.col("requests").mul(pl.col("signatures")).sum().alias("requests"))
    .collectSync();
  const found = new Map((perClass.toRecords() as Array<{ requests_per_signature: string; signatures: number; requests: number }>).map((r) => [r.requests_per_signature, r]));
  const total = [...found.values()].reduce((s, r) => s + Number(r.requests), 0);
  const rows = CLASSES.map(([name]) => ({ name, signatures: Number(found.get(name)?.signatures ?? 0), requests: Number(found.get(name)?.requests ?? 0) }));
  return pl.DataFrame({
    requests_per_signature: pl.Series("requests_per_signature", rows.map((r) => r.name), pl.Utf8),
    signatures: pl.Series("signatures", rows.map((r) => r.signatures), pl.Int64),
    requests: pl.Series("requests", rows.map((r) => r.requests), pl.Int64),
    share_of_cookieless: pl.Series("share_of_cookieless", rows.map((r) => (total > 0 ? r.requests / total : 0)), pl.Float64),
  });
}
