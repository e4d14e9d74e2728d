// Hand-made requests for the unique-devices tests: a browser on en.wikipedia.org unless said otherwise.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as pl from "nodejs-polars";
import type { RequestRow } from "../../src/uniques/load/webrequest";

export const SAMPLE = `${__dirname}/../../data/uniques/webrequest.tsv.gz`;
export const SAMPLE_TRUTH = `${__dirname}/../../data/uniques/truth.json`;

export function request(dt: string, xAnalytics: string, over: Partial<RequestRow> = {}): RequestRow {
  return {
    dt,
    uri_host: "en.wikipedia.org",
    ip: "81.2.69.160",
    user_agent: "Mozilla/5.0 (X11; Linux x86_64; rv:43.0) Gecko/20100101 Firefox/43.0",
    accept_language: "en-GB,en;q=0.8",
    x_analytics: xAnalytics,
    agent_type: "user",
    is_pageview: "true",
    ...over,
  };
}

/** X-Analytics of a request carrying the domain's last-access cookie (and the site's). */
export const lastAccess = (date: string) => `ns=0;pageview=1;https=1;WMF-Last-Access=${date};WMF-Last-Access-Global=${date}`;
/** X-Analytics of a request with some cookie of the site but none for this domain. */
export const siteCookieOnly = (date: string) => `ns=0;pageview=1;https=1;WMF-Last-Access-Global=${date}`;
export const NO_COOKIES = "ns=0;pageview=1;https=1;nocookies=1";

/** Rows of a frame as plain objects, keyed `domain|period`, numbers only. */
export function byKey(frame: pl.DataFrame): Record<string, { underestimate: number; offset: number; estimate: number }> {
  const period = frame.columns.includes("month") ? "month" : "day";
  const out: Record<string, { underestimate: number; offset: number; estimate: number }> = {};
  for (const r of frame.toRecords() as Array<Record<string, unknown>>) {
    out[`${r["domain"] as string}|${r[period] as string}`] = { underestimate: Number(r["underestimate"]), offset: Number(r["offset"]), estimate: Number(r["estimate"]) };
  }
  return out;
}

/** A folder as a Spark job leaves it: part files and the _SUCCESS marker. */
export function sparkFolder(dir: string, name: string, parts: pl.DataFrame[], success = true): void {
  mkdirSync(join(dir, name), { recursive: true });
  parts.forEach((p, i) => p.writeParquet(join(dir, name, `part-0000${i}-x-c000.snappy.parquet`)));
  writeFileSync(join(dir, name, `.part-00000-x-c000.snappy.parquet.crc`), "");
  if (success) writeFileSync(join(dir, name, "_SUCCESS"), "");
}

/** Counts as the job writes them: [domain, period, underestimate, offset] a row. */
export const sparkCounts = (period: "day" | "month", rows: Array<[string, string, number, number]>) =>
  pl.DataFrame({
    domain: pl.Series("domain", rows.map((r) => r[0]), pl.Utf8),
    [period]: pl.Series(period, rows.map((r) => r[1]), pl.Utf8),
    underestimate: pl.Series("underestimate", rows.map((r) => r[2]), pl.Int64),
    offset: pl.Series("offset", rows.map((r) => r[3]), pl.Int64),
    estimate: pl.Series("estimate", rows.map((r) => r[2] + r[3]), pl.Int64),
  });

/** Unique devices per domain and month, as estimate.ts returns them: two projects on both platforms, one on desktop. */
export const MONTHLY = pl.DataFrame({
  domain: ["en.wikipedia.org", "en.m.wikipedia.org", "es.wikipedia.org", "es.m.wikipedia.org", "de.wikipedia.org"],
  month: ["2016-01", "2016-01", "2016-01", "2016-02", "2016-02"],
  underestimate: [90, 150, 50, 300, 30],
  offset: [10, 50, 0, 100, 0],
  estimate: [100, 200, 50, 400, 30],
});
